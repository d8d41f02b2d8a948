export interface CheckArgs { help: boolean; folder: string; format: 'text' | 'json'; docsRoot?: string }

export const USAGE = `Usage: plandocs check [folder] [--format text|json] [--docs-root <dir>]

Checks the planning docs (milestones, PRDs, user stories) of a workspace folder, or of a docs
root given directly, with the same rules as the editor.

  folder             workspace folder or its docs folder (default: the current directory)
  --format <f>       text (default): path:line:col severity code message; json: an array
  --docs-root <dir>  docs folder relative to the workspace folder (default: docs)

Exit codes: 0 no issues, 2 issues found, 1 usage error or missing folder.
`;

export function parseArgs(argv: string[]): CheckArgs | { error: string } {
  const out: CheckArgs = { help: false, folder: '.', format: 'text' };
  const rest = [...argv];
  const cmd = rest.shift();
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') return { ...out, help: true };
  if (cmd !== 'check') return { error: `unknown command "${cmd}"` };
  let folderSet = false;
  while (rest.length > 0) {
    const a = rest.shift() as string;
    if (a === '--help' || a === '-h') return { ...out, help: true };
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest.shift();
      if (v !== 'text' && v !== 'json') return { error: `--format takes text or json, not "${v ?? ''}"` };
      out.format = v;
    } else if (a === '--docs-root' || a.startsWith('--docs-root=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest.shift();
      if (!v) return { error: '--docs-root needs a folder' };
      out.docsRoot = v;
    } else if (a.startsWith('-')) {
      return { error: `unknown option "${a}"` };
    } else if (!folderSet) {
      out.folder = a;
      folderSet = true;
    } else {
      return { error: `unexpected argument "${a}"` };
    }
  }
  return out;
}
