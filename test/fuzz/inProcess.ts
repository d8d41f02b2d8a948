// The real server (startServer with all its handlers) in this process, over in-memory streams,
// on an in-memory disk; and a minimal editor client for it.
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import {
  ApplyWorkspaceEditRequest, ConfigurationRequest, createProtocolConnection, DefinitionRequest, DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExecuteCommandRequest,
  HoverRequest, InitializedNotification, InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification,
  StreamMessageReader, StreamMessageWriter, type Diagnostic, type FileEvent, type Position, type ProtocolConnection, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import type { CancellationToken, FileKind, Workspace } from '../../server/src/core';
import { startServer, type ServerHandle } from '../../server/src/server';

/** Files on the "disk" (absolute paths), seen through open editors' text. */
export class MemoryDisk implements Workspace {
  constructor(readonly files: Map<string, string>, private readonly openText: (uri: string) => string | undefined = () => undefined) {}
  async listFiles(dir: URI, _t: CancellationToken): Promise<URI[]> {
    const prefix = dir.path.replace(/\/$/, '') + '/';
    return [...this.files.keys()].filter((p) => p.startsWith(prefix)).sort().map((p) => URI.file(p));
  }
  async readFile(uri: URI): Promise<string | undefined> {
    return this.openText(uri.toString()) ?? this.files.get(uri.path);
  }
  async stat(uri: URI): Promise<FileKind | undefined> {
    if (this.files.has(uri.path)) return 'file';
    const prefix = uri.path.replace(/\/$/, '') + '/';
    for (const p of this.files.keys()) if (p.startsWith(prefix)) return 'directory';
    return undefined;
  }
}

export class InProcessServer {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly errors: string[] = [];
  private constructor(readonly client: ProtocolConnection, private readonly handle: ServerHandle) {}

  /** Starts a server on `files` (shared, not copied) for workspace folder `folder`. */
  static async start(files: Map<string, string>, folder: string, onEdit?: (edit: WorkspaceEdit) => boolean): Promise<InProcessServer> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const conn = createConnection(ProposedFeatures.all, toServer, toClient);
    const handle = startServer(conn, (openText) => new MemoryDisk(files, openText));
    const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const s = new InProcessServer(client, handle);
    client.onNotification(PublishDiagnosticsNotification.type, (p) => {
      if (p.diagnostics.length) s.diagnostics.set(p.uri, p.diagnostics); else s.diagnostics.delete(p.uri);
    });
    client.onNotification(LogMessageNotification.type, (p) => { if (p.type === 1) s.errors.push(p.message); });
    client.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({})));
    client.onRequest(ApplyWorkspaceEditRequest.type, (p) => ({ applied: onEdit ? onEdit(p.edit) : false }));
    client.listen();
    const uri = URI.file(folder).toString();
    await client.sendRequest(InitializeRequest.type, {
      processId: null, rootUri: uri, workspaceFolders: [{ uri, name: 'ws' }],
      capabilities: { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } },
    });
    await client.sendNotification(InitializedNotification.type, {});
    await s.settle();
    return s;
  }

  /** Waits until the server has processed everything sent so far and its publications arrived. */
  async settle(): Promise<void> {
    // a round trip first: the server has then dispatched every notification sent before it
    await this.ping();
    await this.handle.idle();
    // and one after: every publication sent before its answer has arrived
    await this.ping();
  }

  private ping() {
    return this.client.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///__settle__.md' }, position: { line: 0, character: 0 } });
  }

  open(uri: string, text: string, version: number) {
    return this.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }
  change(uri: string, text: string, version: number) {
    return this.client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }
  close(uri: string) {
    return this.client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }
  watched(changes: FileEvent[]) {
    return this.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }
  definition(uri: string, position: Position) {
    return this.client.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
  }
  hover(uri: string, position: Position) {
    return this.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }
  command(command: string, args: unknown) {
    return this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] });
  }

  /** Disconnects the client. The server's streams are left open: vscode-languageserver exits the
   *  process when its input ends (right for a real server, wrong in a test process). */
  stop(): void {
    this.client.dispose();
  }
}
