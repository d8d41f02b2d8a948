// The VS Code side: starts the Plandocs language server and registers the commands.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/protocol';
import { registerCommands } from './commands';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Plandocs', { log: true });
  context.subscriptions.push(output);
  const module = context.asAbsolutePath(path.join('server', 'out', 'main.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    synchronize: { fileEvents: watcher, configurationSection: 'plandocs' },
    outputChannel: output,
    initializationOptions: { clientHandlesCommands: true } satisfies InitializationOptions,
    initializationFailedHandler: (error) => {
      void vscode.window.showErrorMessage(`Plandocs could not start its language server: ${String(error)}`);
      return false;
    },
  };
  const client = new LanguageClient('plandocs', 'Plandocs', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => void client.stop() });
  registerCommands(context, client, output);
  try {
    await client.start();
  } catch (e) {
    output.appendLine(`Failed to start: ${e instanceof Error ? e.stack : String(e)}`);
    void vscode.window.showErrorMessage('Plandocs could not start its language server. See the "Plandocs" output for details.');
  }
}

export function deactivate(): void {
  // The client is stopped by its disposable in context.subscriptions.
}
