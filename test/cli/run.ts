// Runs the built CLI (server/out/cli.js) as a child process, and the sample's five expected problems.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, posOf } from '../helpers/lspClient';

export const CLI_JS = path.join(REPO, 'server', 'out', 'cli.js');

export interface RunResult { code: number | null; stdout: string; stderr: string }

export function runCli(args: string[], cwd = REPO, timeoutMs = 10_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_JS, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += String(d); });
    child.stderr.on('data', (d) => { stderr += String(d); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`plandocs ${args.join(' ')} timed out; stderr: ${stderr}`)); }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

export interface Expected { file: string; code: string; severity: string; line: number; col: number; message: RegExp }

/** The five problems of sample/PROBLEMS.md; `docs` is relative to the sample root. Lines/cols 1-based. */
export function expectedProblems(sampleDir: string): Expected[] {
  const at = (file: string, needle: string) => {
    const p = posOf(fs.readFileSync(path.join(sampleDir, file), 'utf8'), needle);
    return { line: p.line + 1, col: p.character + 1 };
  };
  return [
    { file: 'docs/milestones/reporting-insights.md', code: 'link.broken', severity: 'error', ...at('docs/milestones/reporting-insights.md', '../prd/scheduled-reports/'), message: /scheduled-reports-prd\.md does not exist/ },
    { file: 'docs/prd/customer-segmentation/customer-segmentation-prd.md', code: 'link.broken-heading', severity: 'warning', ...at('docs/prd/customer-segmentation/customer-segmentation-prd.md', '#filters-and-facets'), message: /#filters-and-facets/ },
    { file: 'docs/prd/export-reports/export-reports-prd.md', code: 'section.missing', severity: 'warning', ...at('docs/prd/export-reports/export-reports-prd.md', '## User Stories'), message: /"Success Metrics"/ },
    { file: 'docs/user-stories/customer-notes/story-2.md', code: 'story.no-prd', severity: 'warning', ...at('docs/user-stories/customer-notes/story-2.md', "# View a customer's"), message: /references no PRD/ },
    { file: 'docs/user-stories/sales-dashboard/story-2.md', code: 'ref.unknown', severity: 'error', ...at('docs/user-stories/sales-dashboard/story-2.md', 'sales-dashbord-prd'), message: /sales-dashbord-prd/ },
  ];
}

/** Parses `path:line:col severity code message` lines; other lines are returned separately. */
export function parseText(stdout: string): { issues: { file: string; line: number; col: number; severity: string; code: string; message: string }[]; other: string[] } {
  const issues = [];
  const other = [];
  for (const l of stdout.split('\n')) {
    const m = /^(.+?):(\d+):(\d+) (error|warning|info|hint) (\S+) (.+)$/.exec(l);
    if (m) issues.push({ file: m[1], line: Number(m[2]), col: Number(m[3]), severity: m[4], code: m[5], message: m[6] });
    else if (l !== '') other.push(l);
  }
  return { issues, other };
}
