// A small real LSP client over stdio for the server integration tests: spawns server/out/main.js,
// answers the server's requests (configuration, progress) and records what it publishes.
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before } from 'node:test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ConfigurationRequest, createProtocolConnection, DefinitionRequest, DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification, ExitNotification, FileChangeType, HoverRequest, InitializedNotification, InitializeRequest,
  LogMessageNotification, PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
  UnregistrationRequest, WorkDoneProgress, WorkDoneProgressCreateRequest, ApplyWorkspaceEditRequest, ExecuteCommandRequest,
  CodeActionRequest, ReferencesRequest, type CodeAction, type Command, type Range, type TextEdit, type WorkspaceEdit,
  type ConfigurationItem, type Diagnostic, type FileEvent, type Hover, type Location, type LocationLink,
  type LogMessageParams, type Position, type ProtocolConnection, type WorkDoneProgressBegin,
  type WorkDoneProgressEnd, type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { applyTextEdits } from '../../server/src/cli/apply';

export const REPO = path.resolve(__dirname, '..', '..');
export const SERVER_JS = path.join(REPO, 'server', 'out', 'main.js');
export const SAMPLE = path.join(REPO, 'sample');

export const fileUri = (p: string): string => URI.file(p).toString();

/** A fresh copy of `sample/` in a temp dir; paths are relative to the copy (e.g. `docs/prd/...`). */
export class SampleCopy {
  private readonly tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandocs-it-'));
  /** The workspace folder: the temp dir, or `name` inside it (to test odd folder names). */
  readonly dir: string;
  constructor(name?: string) {
    this.dir = name ? path.join(this.tmp, name) : this.tmp;
    fs.cpSync(SAMPLE, this.dir, { recursive: true });
  }
  path(rel: string): string { return path.join(this.dir, rel); }
  uri(rel: string): string { return fileUri(this.path(rel)); }
  read(rel: string): string { return fs.readFileSync(this.path(rel), 'utf8'); }
  write(rel: string, text: string | Buffer): string {
    fs.mkdirSync(path.dirname(this.path(rel)), { recursive: true });
    fs.writeFileSync(this.path(rel), text);
    return this.uri(rel);
  }
  /** Every Markdown file under `docs/`, relative to the copy. */
  docs(): string[] {
    return (fs.readdirSync(this.path('docs'), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f)).sort();
  }
  cleanup(): void { fs.rmSync(this.tmp, { recursive: true, force: true }); }
}

/** 0-based position of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
export function posOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) not found`);
  }
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export const lineOf = (text: string, line: number): string => text.split(/\r?\n/)[line];

/** A published diagnostic; its message as plain text (this client does not announce Markdown messages). */
export type Diag = Diagnostic & { message: string };

type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export interface StartOptions {
  /** The workspace folder (holds `docs/`). */
  folder: string;
  /** What `workspace/configuration` answers for each item (the `plandocs` section); default `{}`. */
  settings?: unknown;
  /** Extra Node.js options for the server process (e.g. `--require` a preload). */
  nodeArgs?: string[];
}

export class LspClient {
  readonly diagnostics = new Map<string, Diag[]>();
  /** How many times diagnostics were published per URI. */
  readonly publishCount = new Map<string, number>();
  readonly progress: { token: string | number; value: Progress }[] = [];
  readonly progressTokens: (string | number)[] = [];
  readonly configRequests: ConfigurationItem[][] = [];
  readonly logs: LogMessageParams[] = [];
  /** Methods the server registered dynamically (client/registerCapability). */
  readonly registrations: string[] = [];
  settings: unknown;
  /** Every workspace/applyEdit the server asked for (applied to disk unless refuseEdits). */
  readonly edits: WorkspaceEdit[] = [];
  refuseEdits = false;
  /** The commands the server advertised in its capabilities. */
  serverCommands: string[] = [];
  stderr = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly versions = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private barrierRound = 0;

  private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection, settings: unknown) {
    this.settings = settings;
    child.stderr?.on('data', (d) => { this.stderr += String(d); });
    child.on('exit', (code, signal) => { this.exit = { code, signal }; this.changed(); });
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p.diagnostics.map((d) => ({ ...d, message: typeof d.message === 'string' ? d.message : d.message.value })));
      this.publishCount.set(p.uri, (this.publishCount.get(p.uri) ?? 0) + 1);
      this.changed();
    });
    connection.onNotification(LogMessageNotification.type, (p) => { this.logs.push(p); });
    connection.onRequest(ConfigurationRequest.type, (p) => {
      this.configRequests.push(p.items);
      return p.items.map(() => this.settings ?? {});
    });
    connection.onRequest(RegistrationRequest.type, (p) => { this.registrations.push(...p.registrations.map((r) => r.method)); });
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.edits.push(p.edit);
      if (this.refuseEdits) return { applied: false, failureReason: 'refused by the test' };
      try {
        applyWorkspaceEditToDisk(p.edit);
        return { applied: true };
      } catch (e) {
        return { applied: false, failureReason: e instanceof Error ? e.message : String(e) };
      }
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      this.progressTokens.push(token);
      connection.onProgress(WorkDoneProgress.type, token, (value) => { this.progress.push({ token, value }); this.changed(); });
      // A void result goes over the wire as `result: null`.
    });
    connection.listen();
  }

  static async start(opts: StartOptions): Promise<LspClient> {
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), SERVER_JS, '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, opts.settings);
    const uri = fileUri(opts.folder);
    try {
      await client.initialize(uri, path.basename(opts.folder));
    } catch (e) {
      child.kill('SIGKILL');
      connection.dispose();
      throw e;
    }
    return client;
  }

  private async initialize(uri: string, name: string): Promise<void> {
    const connection = this.connection;
    const init = await withTimeout(connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name }],
      capabilities: {
        workspace: {
          configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false },
          applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        },
        window: { workDoneProgress: true },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: {} },
      },
    }), 5000, () => `initialize timed out; stderr: ${this.stderr}`);
    this.serverCommands = init.capabilities.executeCommandProvider?.commands ?? [];
    await connection.sendNotification(InitializedNotification.type, {});
  }

  private changed(): void { for (const l of [...this.listeners]) l(); }

  /** Resolves with check()'s value once it is not undefined; re-checked on every publish/progress/exit. */
  waitUntil<T>(check: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = (fn: () => void) => { clearTimeout(timer); this.listeners.delete(listener); fn(); };
      const listener = () => {
        let v: T | undefined;
        try { v = check(); } catch (e) { done(() => reject(e)); return; }
        if (v !== undefined) done(() => resolve(v as T));
        else if (this.exit) done(() => reject(new Error(`server exited (${JSON.stringify(this.exit)}) while waiting: ${describe()}\nstderr: ${this.stderr}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms: ${describe()}`))), timeoutMs);
      this.listeners.add(listener);
      listener();
    });
  }

  /** Waits until diagnostics were published for `uri` and the latest satisfy `predicate`. */
  waitForDiagnostics(uri: string, predicate: (d: Diag[]) => boolean, timeoutMs = 5000): Promise<Diag[]> {
    return this.waitUntil(() => {
      // no publication after indexing means no diagnostics
      const d = this.diagnostics.get(uri) ?? (this.indexed ? [] : undefined);
      return d && predicate(d) ? d : undefined;
    }, timeoutMs, () => `diagnostics for ${uri}; last seen: ${
      this.diagnostics.has(uri) ? JSON.stringify(this.diagnostics.get(uri)!.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character} ${d.message}`)) : 'none published'}`);
  }

  /** Waits until every one of `uris` has had diagnostics published. */
  /** Indexing is over (progress ended): every doc with findings has been published. */
  get indexed(): boolean {
    return this.indexings() > 0;
  }

  /** How many indexings (one per workspace folder added) have ended. */
  indexings(): number {
    return this.progress.filter((p) => p.value.kind === 'end').length;
  }

  /**
   * Waits until the `nth` indexing is over (the server publishes every doc with findings before it
   * ends its progress); `uris` are the docs the caller will look at (for the message).
   */
  waitForPublished(uris: string[], timeoutMs = 5000, nth = 1): Promise<void> {
    return this.waitUntil(() => (this.indexings() >= nth ? true : undefined), timeoutMs,
      () => `indexing #${nth} to end (progress); docs: ${uris.length}`).then(() => undefined);
  }

  /** The latest diagnostics of a doc; none published after indexing means none. */
  diagnosticsOf(uri: string): Diag[] | undefined {
    return this.diagnostics.get(uri) ?? (this.indexed ? [] : undefined);
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  /** Replaces the whole text (a change event without a range). */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async watched(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /**
   * Sends `changes` followed, in the same notification, by a change of a barrier doc written at
   * `barrierPath` (a Markdown file under the docs root). The server handles the changes in order, so
   * once the barrier's new diagnostics arrive, `changes` were fully handled and published.
   */
  async watchedAndSettled(changes: FileEvent[], barrierPath: string): Promise<void> {
    const n = ++this.barrierRound;
    const existed = fs.existsSync(barrierPath);
    fs.writeFileSync(barrierPath, `# Barrier\n\n[next](./barrier-missing-${n}.md)\n`);
    const uri = fileUri(barrierPath);
    await this.watched([...changes, { uri, type: existed ? FileChangeType.Changed : FileChangeType.Created }]);
    await this.waitForDiagnostics(uri, (l) => l.some((d) => d.message.includes(`barrier-missing-${n}.md`)));
  }

  /** New settings: the next `workspace/configuration` answers them. */
  async configure(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  definition(uri: string, position: Position): Promise<Location | Location[] | LocationLink[] | null> {
    return withTimeout(this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position }), 5000, () => 'definition timed out');
  }

  references(uri: string, position: Position, includeDeclaration = false): Promise<Location[] | null> {
    return this.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return withTimeout(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 5000, () => 'hover timed out');
  }

  /** Errors the server logged (handlers that threw and were answered with a fallback). */
  executeCommand(command: string, args: unknown): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<(Command | CodeAction)[] | null> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } });
  }

  errorLogs(): string[] { return this.logs.filter((l) => l.type === 1).map((l) => l.message); }

  async shutdown(timeoutMs = 3000): Promise<void> {
    if (!this.exit) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      try {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), timeoutMs, () => 'shutdown timed out');
        await this.connection.sendNotification(ExitNotification.type);
        await withTimeout(exited, timeoutMs, () => 'exit timed out');
      } catch {
        this.child.kill('SIGKILL');
        await exited;
      }
    }
    this.connection.dispose();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message())), ms); });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** Applies a WorkspaceEdit the way an editor would, straight to disk (creates never overwrite). */
export function applyWorkspaceEditToDisk(edit: WorkspaceEdit): void {
  const texts = new Map<string, TextEdit[]>();
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind !== 'create') throw new Error(`unsupported resource operation ${change.kind}`);
      const file = URI.parse(change.uri).fsPath;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '', { flag: 'wx' });
    } else {
      texts.set(change.textDocument.uri, [...(texts.get(change.textDocument.uri) ?? []), ...change.edits.filter((e): e is TextEdit => 'range' in e)]);
    }
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) texts.set(uri, [...(texts.get(uri) ?? []), ...edits]);
  for (const [uri, edits] of texts) {
    const file = URI.parse(uri).fsPath;
    fs.writeFileSync(file, applyTextEdits(fs.readFileSync(file, 'utf8'), edits.map((e) => ({ path: file, range: e.range, newText: e.newText }))));
  }
}

/**
 * Starts a server on `sample` before the suite's tests (waiting for indexing to end) and shuts it
 * down and removes the copy after them; `set` receives the client.
 */
export function useServer(sample: SampleCopy, set: (client: LspClient) => void, opts: Omit<StartOptions, 'folder'> = {}): void {
  let client: LspClient | undefined;
  before(async () => {
    client = await LspClient.start({ folder: sample.dir, ...opts });
    set(client);
    await client.waitForPublished(sample.docs().map((f) => sample.uri(f)));
  });
  after(async () => {
    await client?.shutdown();
    sample.cleanup();
  });
}
