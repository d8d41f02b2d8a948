// The questions the palette commands ask when run without arguments.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ListDocs, type DocSummary, type ListDocsParams } from '../../server/src/protocol';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function askText(prompt: string, placeHolder: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: prompt,
    prompt,
    placeHolder,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'Please enter a title.' : /[a-z0-9]/i.test(v) ? undefined : 'The title needs a letter or digit (a-z, 0-9) for the file name.'),
  });
}

export function askDate(prompt: string, value: string, notBefore?: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: prompt,
    prompt: `${prompt} (YYYY-MM-DD)`,
    value,
    ignoreFocusOut: true,
    validateInput: (v) => {
      if (!validDate(v.trim())) return 'Use a real date written YYYY-MM-DD, e.g. 2026-01-05.';
      if (notBefore && v.trim() < notBefore) return `The end date cannot be before the start date (${notBefore}).`;
      return undefined;
    },
  });
}

export async function askFolder(): Promise<string | undefined | null> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('Plandocs: open a folder first.');
    return null;
  }
  if (folders.length === 1) return folders[0].uri.toString();
  const f = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which workspace folder?' });
  return f ? f.uri.toString() : null;
}

async function listDocs(client: LanguageClient, kind: ListDocsParams['kind']): Promise<DocSummary[]> {
  return client.sendRequest<DocSummary[]>(ListDocs.method, { kind } satisfies ListDocsParams);
}

type Item = vscode.QuickPickItem & { doc: DocSummary };

export async function pickDoc(client: LanguageClient, kind: 'milestone' | 'prd'): Promise<DocSummary | undefined> {
  const docs = await listDocs(client, kind);
  if (docs.length === 0) {
    const next = kind === 'milestone' ? 'Plandocs: New Milestone' : 'Plandocs: New PRD';
    void vscode.window.showInformationMessage(`Plandocs: there is no ${kind === 'prd' ? 'PRD' : 'milestone'} yet. Create one first with "${next}".`);
    return undefined;
  }
  const multi = new Set(docs.map((d) => d.folder)).size > 1;
  const items: Item[] = docs.map((doc) => ({
    label: doc.title,
    description: kind === 'milestone' ? [doc.start && doc.end ? `${doc.start} → ${doc.end}` : doc.start ?? doc.end, doc.status].filter(Boolean).join(' · ') : [doc.milestone, doc.status].filter(Boolean).join(' · '),
    detail: multi ? `${doc.id} — ${vscode.Uri.parse(doc.folder).path.split('/').pop()}` : doc.id,
    doc,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: kind === 'milestone' ? 'Which milestone is this PRD for?' : 'Which PRD is this story for?',
    placeHolder: kind === 'milestone' ? 'Pick a milestone' : 'Pick a PRD',
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked?.doc;
}

export async function askPriority(): Promise<string | undefined> {
  const p = await vscode.window.showQuickPick(
    [{ label: 'High' }, { label: 'Medium' }, { label: 'Low' }],
    { title: 'Priority in the milestone\'s Features table', placeHolder: 'High, Medium or Low', ignoreFocusOut: true },
  );
  return p?.label;
}
