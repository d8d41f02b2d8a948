// Runs a Plandocs command on the server, then shows its result: opens the doc with the first
// section selected, and saves the docs it created (and those it edited that had no unsaved changes).
import * as vscode from 'vscode';
import { ExecuteCommandRequest, State, type LanguageClient } from 'vscode-languageclient/node';
import type { CommandResult } from '../../server/src/protocol';

export function serverRunning(client: LanguageClient): boolean {
  if (client.state === State.Running) return true;
  void vscode.window.showWarningMessage('Plandocs: the language server is not running. Run "Plandocs: Restart Language Server".');
  return false;
}

export async function runServerCommand(client: LanguageClient, command: string, args: object): Promise<CommandResult | undefined> {
  if (!serverRunning(client)) return undefined;
  const dirtyBefore = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
  let result: CommandResult;
  try {
    result = (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] })) as CommandResult;
  } catch (e) {
    void vscode.window.showErrorMessage(`Plandocs: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  for (const uri of result.changed) {
    if (dirtyBefore.has(uri)) continue;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (doc?.isDirty) await doc.save();
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
  const s = result.selection;
  const selection = new vscode.Selection(s.start.line, s.start.character, s.end.line, s.end.character);
  await vscode.window.showTextDocument(doc, { selection });
  return result;
}
