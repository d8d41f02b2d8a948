// Commands, registered from one table. The palette commands ask for what is missing, then hand
// over to the server (the same LSP commands any editor can call).
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { Command, LINK_PRD_COMMAND } from '../../server/src/protocol';
import { askDate, askFolder, askPriority, askText, pickDoc, today } from './prompts';
import { runServerCommand, serverRunning } from './serverCommand';

type Args = Record<string, string | undefined>;
type Handler = (client: LanguageClient, output: vscode.OutputChannel, args: Args) => unknown;

async function newMilestone(client: LanguageClient, _o: vscode.OutputChannel, a: Args) {
  if (!serverRunning(client)) return undefined;
  const folder = a.folder ?? (await askFolder());
  if (folder === null) return undefined;
  const title = a.title ?? (await askText('Milestone title (its theme)', 'e.g. Customer Management Enhancements'));
  if (!title) return undefined;
  const start = a.start ?? (a.title ? undefined : await askDate('Start date', today()));
  if (!a.title && !start) return undefined;
  const end = a.end ?? (a.title ? undefined : await askDate('End date', start ?? today(), start));
  if (!a.title && !end) return undefined;
  return runServerCommand(client, Command.newMilestone, { title: title.trim(), start, end, folder });
}

async function newPrd(client: LanguageClient, _o: vscode.OutputChannel, a: Args) {
  if (!serverRunning(client)) return undefined;
  const milestone = a.milestone ?? (await pickDoc(client, 'milestone'))?.uri;
  if (!milestone) return undefined;
  const title = a.title ?? (await askText('Feature name', 'e.g. Advanced customer search'));
  if (!title) return undefined;
  const priority = a.priority ?? (a.title ? undefined : await askPriority());
  if (!a.title && !priority) return undefined;
  return runServerCommand(client, Command.newPrd, { title: title.trim(), milestone, priority, folder: a.folder });
}

async function newStory(client: LanguageClient, _o: vscode.OutputChannel, a: Args) {
  if (!serverRunning(client)) return undefined;
  const prd = a.prd ?? (await pickDoc(client, 'prd'))?.uri;
  if (!prd) return undefined;
  const title = a.title ?? (await askText('Story title', 'e.g. Search customers by name'));
  if (!title) return undefined;
  return runServerCommand(client, Command.newStory, { title: title.trim(), prd, folder: a.folder });
}

async function init(client: LanguageClient, _o: vscode.OutputChannel, a: Args) {
  if (!serverRunning(client)) return undefined;
  const folder = a.folder ?? (await askFolder());
  if (folder === null) return undefined;
  return runServerCommand(client, Command.init, { folder });
}

async function linkPrd(client: LanguageClient, _o: vscode.OutputChannel, a: Args) {
  if (!serverRunning(client) || !a.uri) return undefined;
  const prd = a.prd ?? (await pickDoc(client, 'prd'))?.uri;
  if (!prd) return undefined;
  return runServerCommand(client, Command.setPrd, { uri: a.uri, prd });
}

const forward = (command: string): Handler => (client, _o, a) => runServerCommand(client, command, a);

const COMMANDS: Record<string, Handler> = {
  [Command.newMilestone]: newMilestone,
  [Command.newPrd]: newPrd,
  [Command.newStory]: newStory,
  [Command.init]: init,
  [Command.createFromLink]: forward(Command.createFromLink),
  [Command.setPrd]: forward(Command.setPrd),
  [LINK_PRD_COMMAND]: linkPrd,
  'plandocs.restartServer': async (client) => {
    if (client.state === State.Starting) {
      void vscode.window.showInformationMessage('Plandocs: the language server is still starting.');
      return;
    }
    await client.restart();
    void vscode.window.setStatusBarMessage('Plandocs: language server restarted', 3000);
  },
  'plandocs.showOutput': (_client, output) => output.show(true),
};

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.OutputChannel): void {
  for (const [id, handler] of Object.entries(COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (args?: Args) => handler(client, output, args ?? {})));
  }
}
