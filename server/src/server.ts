// Wires the LSP connection to the planning engine: one handler per feature.
import { CodeActionKind, Connection, DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from './core';
import { Folders } from './folders';
import { registerCodeActions } from './handlers/codeActions';
import { registerCommands } from './handlers/commands';
import { registerDefinition } from './handlers/definition';
import { registerDocuments } from './handlers/documents';
import { registerHover } from './handlers/hover';
import { registerListDocs } from './handlers/listDocs';
import { registerReferences } from './handlers/references';
import { registerWatchedFiles } from './handlers/watchedFiles';
import { SERVER_COMMANDS, type InitializationOptions } from './protocol';
import { runSafe } from './safe';

/** A running server, for hosts that need to know when it is idle (tests, tools). */
export interface ServerHandle {
  /** Resolves once every notification received so far has been processed and its diagnostics published. */
  idle(): Promise<void>;
}

export function startServer(connection: Connection, makeWorkspace: (openText: (uri: string) => string | undefined) => Workspace): ServerHandle {
  const documents = new TextDocuments(TextDocument);
  const caps = { config: false, progress: false, dynamicConfig: false, folderEvents: false };
  const workspace = makeWorkspace((uri) => documents.get(uri)?.getText());
  const folders = new Folders(connection, workspace, () => caps.config, () => caps.progress);
  let initialFolders: { uri: string; name: string }[] = [];

  connection.onInitialize((params) => {
    caps.config = !!params.capabilities.workspace?.configuration;
    caps.progress = !!params.capabilities.window?.workDoneProgress;
    caps.dynamicConfig = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    caps.folderEvents = !!params.capabilities.workspace?.workspaceFolders;
    initialFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        definitionProvider: true,
        hoverProvider: true,
        referencesProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: options.clientHandlesCommands ? [] : [...SERVER_COMMANDS] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'plandocs', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    void runSafe(connection, 'indexing', undefined, () => folders.add(initialFolders));
    if (caps.dynamicConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'plandocs' });
    if (caps.folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) =>
        runSafe(connection, 'workspace folders', undefined, async () => {
          folders.remove(e.removed.map((f) => f.uri));
          await folders.add(e.added);
        }),
      );
    }
  });

  connection.onDidChangeConfiguration(() => runSafe(connection, 'configuration', undefined, () => folders.reconfigure()));

  const docs = registerDocuments(connection, documents, folders);
  const watched = registerWatchedFiles(connection, folders);
  registerDefinition(connection, folders);
  registerHover(connection, folders);
  registerReferences(connection, folders);
  registerCodeActions(connection, folders);
  registerCommands(connection, documents, folders);
  registerListDocs(connection, folders);

  documents.listen(connection);
  connection.listen();
  return {
    async idle() {
      await docs.flush();
      await watched.idle();
      await folders.idle();
    },
  };
}
