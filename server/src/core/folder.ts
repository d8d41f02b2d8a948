// One workspace folder's planning docs: loads them through the Workspace, keeps the index current
// on every change, and answers which docs' diagnostics changed. Operations run one at a time.
import { URI } from 'vscode-uri';
import { planRequest, templateTexts, type CreateRequest } from './create/requests';
import type { CreatePlan } from './create/types';
import { definition, Location } from './features/definition';
import { quickFixes, type QuickFix } from './features/quickFixes';
import { references } from './features/references';
import { hover, HoverAnswer } from './features/hover';
import { DocIndex } from './graph';
import { parseDoc } from './parse';
import { isMarkdownPath, isUnder, resolvePath } from './paths';
import { checkDoc, PlanDiagnostic } from './rules';
import { Settings } from './settings';
import type { Position, Range } from './types';
import { CancellationToken, NEVER_CANCELLED, Workspace } from './workspace';

export interface DiagnosticsChange { uri: string; diagnostics: PlanDiagnostic[] }
export type FileEvent = 'created' | 'changed' | 'deleted';

/** The diagnostics entry of every doc without findings (shared, so never changed). */
const CLEAN: { key: string; list: PlanDiagnostic[] } = Object.freeze({ key: '', list: Object.freeze([]) as unknown as PlanDiagnostic[] });

const READ_BATCH = 64;
const RECHECK_SLICE = 500;
/** Longest stretch of indexing work between two chances for requests to be answered. */
const SLICE_MS = 15;

/**
 * Lets queued I/O and requests run: a macrotask, not a microtask (awaiting a resolved promise, as a
 * synchronous Workspace returns, does not let anything else run).
 */
const schedule: (fn: () => void) => void = (globalThis as { setImmediate?: (fn: () => void) => void }).setImmediate ?? ((fn) => setTimeout(fn, 0));

/** Yields to the event loop when the current slice of work has run for SLICE_MS. */
function slicer(): () => Promise<void> {
  let start = Date.now();
  return async () => {
    if (Date.now() - start < SLICE_MS) return;
    await new Promise<void>((resolve) => schedule(resolve));
    start = Date.now();
  };
}

export class PlanFolder {
  readonly index: DocIndex;
  readonly rootUri: URI;
  private readonly diags = new Map<string, { key: string; list: PlanDiagnostic[] }>();
  private readonly open = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Docs that stopped being docs (now binary) since the last recheck: their diagnostics are cleared. */
  private readonly removed: string[] = [];

  constructor(
    private readonly workspace: Workspace,
    readonly folderUri: URI,
    readonly settings: Settings,
  ) {
    const rootPath = resolvePath(folderUri.path, settings.docsRoot);
    this.rootUri = folderUri.with({ path: rootPath });
    this.index = new DocIndex(resolvePath(folderUri.path, '.'), rootPath, (p) => folderUri.with({ path: p }).toString());
  }

  /** True when `uri` is a doc this folder indexes (a Markdown file under its docs root). */
  owns(uri: string | URI): boolean {
    const u = typeof uri === 'string' ? URI.parse(uri) : uri;
    return sameAuthority(u, this.folderUri) && isUnder(this.index.rootPath, u.path) && isMarkdownPath(u.path);
  }

  /** True when `uri` lies inside the workspace folder. */
  contains(uri: URI): boolean {
    return sameAuthority(uri, this.folderUri) && isUnder(this.index.folderPath, uri.path);
  }

  uriOf(path: string): string {
    return this.index.folderUriOf(path);
  }

  // ---- operations (serialized) --------------------------------------------------------------

  /**
   * Indexes every doc under the docs root; returns the diagnostics of the docs that have any (the
   * others have none to report). Yields to the event loop between slices of work, so that requests
   * are answered (from the partial index) while a large workspace loads.
   */
  load(token: CancellationToken = NEVER_CANCELLED, progress?: (done: number, total: number) => void): Promise<DiagnosticsChange[]> {
    return this.run(async () => {
      const files = await this.workspace.listFiles(this.rootUri, token).catch(() => [] as URI[]);
      const docs = files.filter((f) => isMarkdownPath(f.path));
      for (const f of files) if (!isMarkdownPath(f.path)) this.index.fileExists(f.path, true);
      const pause = slicer();
      for (let i = 0; i < docs.length; i += READ_BATCH) {
        await pause();
        if (token.isCancellationRequested) break;
        const batch = docs.slice(i, i + READ_BATCH);
        const texts = await Promise.all(batch.map((u) => this.workspace.readFile(u)));
        const unread: URI[] = [];
        batch.forEach((u, k) => {
          const text = texts[k];
          if (text === undefined) unread.push(u);
          else if (!this.open.has(u.toString())) this.upsertText(u, text, 0, true);
        });
        // not a readable doc (a symbolic link, a pipe, gone since the listing): still a file if it exists
        for (const u of unread) if (await this.workspace.stat(u).catch(() => undefined)) this.index.fileExists(u.path, true);
        progress?.(Math.min(i + READ_BATCH, docs.length), docs.length);
      }
      const all = [...this.index.docs.keys()];
      await this.statExternals(all);
      const changes: DiagnosticsChange[] = [];
      for (let i = 0; i < all.length; i += RECHECK_SLICE) {
        await pause();
        for (const c of this.recheck(all.slice(i, i + RECHECK_SLICE))) if (c.diagnostics.length > 0) changes.push(c);
      }
      return changes;
    });
  }

  /** New text for a doc (an edit in an open editor, or a file read from disk). */
  setText(uri: string, text: string, version = 0, isOpen = false): Promise<DiagnosticsChange[]> {
    return this.run(() => this.applyText(uri, text, version, isOpen));
  }

  /** The editor closed a doc: from now on the disk is the truth. */
  close(uri: string): Promise<DiagnosticsChange[]> {
    return this.run(async () => {
      this.open.delete(URI.parse(uri).toString());
      return this.reload(URI.parse(uri));
    });
  }

  /** A file was created, changed or deleted on disk (watched files; renames come as delete + create). */
  fileEvent(uri: string, event: FileEvent): Promise<DiagnosticsChange[]> {
    return this.run(async () => {
      const u = URI.parse(uri);
      if (!this.contains(u)) return [];
      if (event !== 'changed' && !this.index.docs.has(u.path) && !this.index.hasFile(u.path)) {
        const folderChanges = await this.folderEvent(u, event);
        if (folderChanges) return folderChanges;
      }
      if (this.owns(u)) {
        if (this.open.has(u.toString())) return []; // the editor's text is the truth until it is closed
        return event === 'deleted' ? this.removeDoc(u.path) : this.reload(u);
      }
      if (event === 'changed') return [];
      return this.recheck(this.index.fileExists(u.path, event === 'created'));
    });
  }

  // ---- queries (synchronous, on the current index) -----------------------------------------

  diagnostics(uri: string): PlanDiagnostic[] {
    return this.diags.get(URI.parse(uri).path)?.list ?? [];
  }

  allDiagnostics(): DiagnosticsChange[] {
    return [...this.diags].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([p, d]) => ({ uri: this.uriOf(p), diagnostics: d.list }));
  }

  definition(uri: string, pos: Position): (Location & { uri: string }) | undefined {
    const doc = this.index.docs.get(URI.parse(uri).path);
    const loc = doc && definition(this.index, doc, pos);
    return loc && { ...loc, uri: this.uriOf(loc.path) };
  }

  references(uri: string, pos: Position, withDeclaration = false): (Location & { uri: string })[] {
    const doc = this.index.docs.get(URI.parse(uri).path);
    return doc ? references(this.index, doc, pos, withDeclaration).map((l) => ({ ...l, uri: this.uriOf(l.path) })) : [];
  }

  hover(uri: string, pos: Position): HoverAnswer | undefined {
    const doc = this.index.docs.get(URI.parse(uri).path);
    return doc && hover(this.index, doc, pos);
  }

  /** Resolves once every operation queued so far has finished. */
  idle(): Promise<void> {
    return this.run(async () => undefined);
  }

  /** What a creation request would do (nothing is written: the caller applies the plan). */
  planCreate(req: CreateRequest, today: string): Promise<CreatePlan> {
    return this.run(() => planRequest({ index: this.index, workspace: this.workspace }, req, today));
  }

  /** Quick fixes for this doc's diagnostics that touch `range`. */
  async quickFixes(uri: string, range: Range): Promise<QuickFix[]> {
    const u = URI.parse(uri);
    const doc = this.index.docs.get(u.path);
    if (!doc) return [];
    const diagnostics = this.diagnostics(uri).filter((d) => touches(d.range, range));
    if (diagnostics.length === 0) return [];
    const [text, templates] = await Promise.all([this.workspace.readFile(u), templateTexts({ index: this.index, workspace: this.workspace })]);
    return text === undefined ? [] : quickFixes({ index: this.index, doc, text, templates, diagnostics });
  }

  // ---- internals ------------------------------------------------------------------------------

  /**
   * Editors report a folder deleted, created or renamed as one event for the folder. Returns
   * undefined when `u` is not a folder event this index cares about.
   */
  private async folderEvent(u: URI, event: 'created' | 'deleted'): Promise<DiagnosticsChange[] | undefined> {
    const dir = u.path;
    const overlapsRoot = isUnder(this.index.rootPath, dir) || isUnder(dir, this.index.rootPath);
    if (event === 'deleted') {
      const known = this.index.knownUnder(dir);
      if (known.files.length === 0 && known.externals.length === 0) return undefined;
      const changes: DiagnosticsChange[] = [];
      for (const p of known.files) {
        if (this.index.docs.has(p) && !this.open.has(this.uriOf(p))) changes.push(...this.removeDoc(p));
        else if (!this.index.docs.has(p)) changes.push(...this.recheck(this.index.fileExists(p, false)));
      }
      for (const p of known.externals) changes.push(...this.recheck(this.index.fileExists(p, false)));
      return changes;
    }
    if ((await this.workspace.stat(u).catch(() => undefined)) !== 'directory') return undefined;
    const changes: DiagnosticsChange[] = [];
    if (overlapsRoot) {
      for (const f of await this.workspace.listFiles(u, NEVER_CANCELLED).catch(() => [] as URI[])) {
        if (this.owns(f)) { if (!this.open.has(f.toString())) changes.push(...(await this.reload(f))); }
        else changes.push(...this.recheck(this.index.fileExists(f.path, true)));
      }
    }
    for (const p of this.index.knownUnder(dir).externals) {
      const kind = await this.workspace.stat(this.folderUri.with({ path: p })).catch(() => undefined);
      changes.push(...this.recheck(this.index.fileExists(p, kind !== undefined)));
    }
    return changes;
  }

  private run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async applyText(uri: string, text: string, version: number, isOpen: boolean): Promise<DiagnosticsChange[]> {
    const u = URI.parse(uri);
    if (!this.owns(u)) return [];
    if (isOpen) this.open.add(u.toString());
    const affected = this.upsertText(u, text, version);
    await this.statExternals([u.path]);
    return this.recheck(affected);
  }

  /** Indexes a doc, or, when its content is binary, only notes that the file exists. */
  private upsertText(u: URI, text: string, version: number, quiet = false): Set<string> {
    if (!looksBinary(text)) return this.index.upsert(u.path, u.toString(), parseDoc(u.toString(), text, version), quiet);
    const affected = this.index.docs.has(u.path) ? this.index.remove(u.path) : new Set<string>();
    for (const p of this.index.fileExists(u.path, true)) affected.add(p);
    if (this.diags.delete(u.path)) this.removed.push(u.toString());
    return affected;
  }

  private async reload(u: URI): Promise<DiagnosticsChange[]> {
    const text = await this.workspace.readFile(u);
    if (text === undefined) return this.removeDoc(u.path);
    const affected = this.upsertText(u, text, 0);
    await this.statExternals([u.path]);
    return this.recheck(affected);
  }

  private removeDoc(path: string): DiagnosticsChange[] {
    const affected = this.index.remove(path);
    const changes = this.recheck(affected);
    if (this.diags.delete(path)) changes.push({ uri: this.folderUri.with({ path }).toString(), diagnostics: [] });
    return changes;
  }

  /** Learns whether link targets outside the docs root exist, then re-checks whoever links there. */
  private async statExternals(paths: Iterable<string>): Promise<void> {
    const unknown = new Set<string>();
    const pause = slicer();
    for (const p of paths) {
      await pause();
      const e = this.index.docs.get(p);
      if (e) for (const x of this.index.unknownExternals(e)) unknown.add(x);
    }
    for (const p of unknown) {
      await pause();
      const kind = await this.workspace.stat(this.folderUri.with({ path: p })).catch(() => undefined);
      this.index.fileExists(p, kind !== undefined, true);
    }
  }

  /** Recomputes the diagnostics of `paths`; returns those that changed. */
  private recheck(paths: Iterable<string>): DiagnosticsChange[] {
    const changes: DiagnosticsChange[] = this.removed.map((uri) => ({ uri, diagnostics: [] }));
    this.removed.length = 0;
    for (const p of paths) {
      const doc = this.index.docs.get(p);
      if (!doc) continue;
      const list = checkDoc(this.index, doc);
      const key = list.length === 0 ? '' : JSON.stringify(list);
      const old = this.diags.get(p);
      if (old && old.key === key) continue;
      // most docs have no findings: they share one entry (a large workspace has many docs)
      this.diags.set(p, key === '' ? CLEAN : { key, list });
      changes.push({ uri: doc.uri, diagnostics: list });
    }
    return changes;
  }
}

function touches(a: Range, b: Range): boolean {
  const before = (x: Position, y: Position) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** NUL characters in the first 8 KB: not a text doc, whatever its name. */
function looksBinary(text: string): boolean {
  const i = text.indexOf('\u0000');
  return i >= 0 && i < 8192;
}

function sameAuthority(a: URI, b: URI): boolean {
  return a.scheme === b.scheme && a.authority === b.authority;
}
