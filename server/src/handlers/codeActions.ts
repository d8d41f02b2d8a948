import { CodeActionKind, type CodeAction, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { QuickFix } from '../core';
import type { Folders } from '../folders';
import { runSafe } from '../safe';

export function registerCodeActions(connection: Connection, folders: Folders): void {
  connection.onCodeAction((params) =>
    runSafe<CodeAction[]>(connection, 'code actions', [], async () => {
      const folder = folders.forDoc(params.textDocument.uri);
      if (!folder) return [];
      const fixes = await folder.quickFixes(params.textDocument.uri, params.range);
      return fixes.map((f) => toCodeAction(f, params.context.diagnostics, (p) => folder.uriOf(p)));
    }),
  );
}

function toCodeAction(f: QuickFix, sent: Diagnostic[], uriOf: (path: string) => string): CodeAction {
  const diag = sent.find((d) => d.code === f.diagnostic.code && d.range.start.line === f.diagnostic.range.start.line && d.range.start.character === f.diagnostic.range.start.character);
  const action: CodeAction = { title: f.title, kind: CodeActionKind.QuickFix };
  if (diag) action.diagnostics = [diag];
  if (f.preferred) action.isPreferred = true;
  if (f.edits) {
    const changes: Record<string, { range: QuickFix['diagnostic']['range']; newText: string }[]> = {};
    for (const e of f.edits) (changes[uriOf(e.path)] ??= []).push({ range: e.range, newText: e.newText });
    action.edit = { changes };
  }
  if (f.command) action.command = { title: f.command.title, command: f.command.id, arguments: f.command.args };
  return action;
}
