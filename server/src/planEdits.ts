// A creation plan as one LSP WorkspaceEdit: create the files, fill them, edit the others.
import { CreateFile, TextDocumentEdit, TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { CreatePlan, PlanFolder, TextEditPlan } from './core';

export function planToWorkspaceEdit(folder: PlanFolder, plan: CreatePlan, versionOf: (uri: string) => number | null): WorkspaceEdit {
  const documentChanges: WorkspaceEdit['documentChanges'] = [];
  for (const c of plan.creates) {
    const uri = folder.uriOf(c.path);
    documentChanges.push(CreateFile.create(uri, { overwrite: false, ignoreIfExists: false }));
    documentChanges.push(TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, c.content)]));
  }
  const byPath = new Map<string, TextEditPlan[]>();
  for (const e of plan.edits) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
  for (const [path, edits] of byPath) {
    const uri = folder.uriOf(path);
    documentChanges.push(TextDocumentEdit.create({ uri, version: versionOf(uri) }, edits.map((e) => TextEdit.replace(e.range, e.newText))));
  }
  return { documentChanges };
}

export function localDate(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
