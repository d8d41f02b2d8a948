export type Format = 'text' | 'json';
export type NewKind = 'milestone' | 'prd' | 'story';

export type CliArgs =
  | { cmd: 'help' }
  | { cmd: 'check'; folder: string; format: Format; docsRoot?: string }
  | { cmd: 'new'; kind: NewKind; folder: string; docsRoot?: string; title?: string; start?: string; end?: string; milestone?: string; prd?: string; priority?: string };

export const USAGE = `Usage:
  plandocs check [folder] [--format text|json] [--docs-root <dir>]
  plandocs new milestone --title <title> [--start YYYY-MM-DD] [--end YYYY-MM-DD]
  plandocs new prd --title <feature> --milestone <id> [--priority High|Medium|Low]
  plandocs new story --title <title> --prd <id>

check   Checks the planning docs (milestones, PRDs, user stories) of a workspace folder, or
        of a docs root given directly, with the same rules as the editor.
        folder: workspace folder or its docs folder (default: the current directory)
        --format: text (default, path:line:col severity code message) or json (an array)
        Exit codes: 0 no issues, 2 issues found, 1 usage error or missing folder.
new     Creates a doc from its template in the current folder's docs root (never overwrites),
        and links it: a PRD gets a row in its milestone's Features table, a story a link in its
        PRD's User Stories section. --folder <dir> works on another workspace folder.

  --docs-root <dir>  docs folder relative to the workspace folder (default: docs)
`;

const VALUE_OPTIONS = ['format', 'docs-root', 'folder', 'title', 'start', 'end', 'milestone', 'prd', 'priority'] as const;
type Opt = (typeof VALUE_OPTIONS)[number];

const ALLOWED: Record<string, readonly Opt[]> = {
  check: ['format', 'docs-root'],
  milestone: ['docs-root', 'folder', 'title', 'start', 'end'],
  prd: ['docs-root', 'folder', 'title', 'milestone', 'priority'],
  story: ['docs-root', 'folder', 'title', 'prd'],
};

export function parseArgs(argv: string[]): CliArgs | { error: string } {
  const rest = [...argv];
  const cmd = rest.shift();
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') return { cmd: 'help' };
  if (cmd !== 'check' && cmd !== 'new') return { error: `unknown command "${cmd}"` };
  let kind: NewKind | undefined;
  if (cmd === 'new') {
    const k = rest.shift();
    if (k === '--help' || k === '-h') return { cmd: 'help' };
    if (k !== 'milestone' && k !== 'prd' && k !== 'story') return { error: `plandocs new takes milestone, prd or story, not "${k ?? ''}"` };
    kind = k;
  }
  const opts: Partial<Record<Opt, string>> = {};
  const positional: string[] = [];
  while (rest.length > 0) {
    const a = rest.shift() as string;
    if (a === '--help' || a === '-h') return { cmd: 'help' };
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const eq = a.indexOf('=');
    const name = (eq < 0 ? a.slice(2) : a.slice(2, eq)) as Opt;
    if (!VALUE_OPTIONS.includes(name) || !ALLOWED[kind ?? cmd].includes(name)) return { error: `unknown option "--${name}"` };
    const v = eq < 0 ? rest.shift() : a.slice(eq + 1);
    if (v === undefined || v === '') return { error: `--${name} needs a value` };
    opts[name] = v;
  }
  if (cmd === 'check') {
    if (positional.length > 1) return { error: `unexpected argument "${positional[1]}"` };
    const format = opts.format ?? 'text';
    if (format !== 'text' && format !== 'json') return { error: `--format takes text or json, not "${format}"` };
    return { cmd: 'check', folder: positional[0] ?? '.', format, docsRoot: opts['docs-root'] };
  }
  if (positional.length > 0) return { error: `unexpected argument "${positional[0]}"` };
  if (!opts.title) return { error: `plandocs new ${kind} needs --title` };
  if (kind === 'prd' && !opts.milestone) return { error: 'plandocs new prd needs --milestone <id>' };
  if (kind === 'story' && !opts.prd) return { error: 'plandocs new story needs --prd <id>' };
  return {
    cmd: 'new', kind: kind as NewKind, folder: opts.folder ?? '.', docsRoot: opts['docs-root'], title: opts.title,
    start: opts.start, end: opts.end, milestone: opts.milestone, prd: opts.prd, priority: opts.priority,
  };
}
