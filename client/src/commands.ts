// Commands, registered from one table.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

type Handler = (client: LanguageClient, output: vscode.OutputChannel) => unknown;

const COMMANDS: Record<string, Handler> = {
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
    context.subscriptions.push(vscode.commands.registerCommand(id, () => handler(client, output)));
  }
}
