// The planning folders of the session (one per workspace folder), their settings, and publishing
// of the diagnostics that changed.
import { Connection, WorkspaceFolder } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { DiagnosticsChange, PlanFolder, Settings, Workspace, resolveSettings } from './core';
import { toLspDiagnostics } from './lspTypes';

/** Diagnostics sent per turn of the event loop after a first load. */
const PUBLISH_SLICE = 200;

export class Folders {
  private readonly folders = new Map<string, PlanFolder>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly canPullConfig: () => boolean,
    private readonly canReportProgress: () => boolean,
  ) {}

  /** Resolves when every folder has finished the work queued so far (indexing included). */
  async idle(): Promise<void> {
    await Promise.all([...this.pending]);
    await Promise.all(this.all().map((f) => f.idle()));
  }

  all(): PlanFolder[] {
    return [...this.folders.values()];
  }

  /** The folder that indexes `uri` (the innermost, for nested workspace folders). */
  forDoc(uri: string): PlanFolder | undefined {
    let best: PlanFolder | undefined;
    for (const f of this.folders.values()) {
      if (f.owns(uri) && (!best || f.index.rootPath.length > best.index.rootPath.length)) best = f;
    }
    return best;
  }

  /** The folder for a command: named by its URI or by a doc in it; else the only (or first) one. */
  pick(anchor?: string): PlanFolder | undefined {
    if (anchor) {
      const exact = this.folders.get(anchor) ?? [...this.folders.values()].find((f) => f.folderUri.toString() === URI.parse(anchor).toString());
      if (exact) return exact;
      const u = URI.parse(anchor);
      let best: PlanFolder | undefined;
      for (const f of this.folders.values()) {
        if (f.contains(u) && (!best || f.index.folderPath.length > best.index.folderPath.length)) best = f;
      }
      if (best) return best;
    }
    return this.folders.values().next().value;
  }

  async add(folders: WorkspaceFolder[]): Promise<void> {
    const work = Promise.all(folders.map((f) => this.open(f.uri))).then(() => undefined);
    this.pending.add(work);
    try { await work; } finally { this.pending.delete(work); }
  }

  remove(uris: string[]): void {
    for (const uri of uris) {
      const f = this.folders.get(uri);
      if (!f) continue;
      this.folders.delete(uri);
      for (const c of f.allDiagnostics()) this.connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
    }
  }

  /** Settings changed: re-index folders whose docs root moved, re-publish the others. */
  async reconfigure(): Promise<void> {
    await Promise.all([...this.folders.keys()].map(async (uri) => {
      const old = this.folders.get(uri) as PlanFolder;
      const settings = await this.settingsFor(uri);
      if (settings.docsRoot !== old.settings.docsRoot) {
        this.remove([uri]);
        await this.open(uri, settings);
      } else {
        Object.assign(old.settings.severity, settings.severity);
        this.publish(old, old.allDiagnostics());
      }
    }));
  }

  publish(folder: PlanFolder, changes: DiagnosticsChange[]): void {
    for (const c of changes) {
      this.connection.sendDiagnostics({ uri: c.uri, diagnostics: toLspDiagnostics(c.diagnostics, folder.settings) });
    }
  }

  private async open(uri: string, known?: Settings): Promise<void> {
    const settings = known ?? (await this.settingsFor(uri));
    const folder = new PlanFolder(this.workspace, URI.parse(uri), settings);
    this.folders.set(uri, folder);
    const progress = this.canReportProgress() ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Plandocs: indexing planning docs', 0, undefined, true);
    const changes = await folder.load(progress?.token, (done, total) => {
      progress?.report(Math.round((100 * done) / Math.max(total, 1)), `${done}/${total} docs`);
    });
    if (this.folders.get(uri) === folder) await this.publishGradually(uri, folder, changes);
    progress?.done();
  }

  /**
   * A first load's diagnostics, a slice at a time with a turn of the event loop in between, so that
   * thousands of publications do not hold up requests. Each doc gets its diagnostics as they are
   * when it is sent: an edit made meanwhile is never overwritten by an older answer.
   */
  private async publishGradually(uri: string, folder: PlanFolder, changes: DiagnosticsChange[]): Promise<void> {
    for (let i = 0; i < changes.length; i += PUBLISH_SLICE) {
      if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.folders.get(uri) !== folder) return;
      const slice = changes.slice(i, i + PUBLISH_SLICE).map((c) => ({ uri: c.uri, diagnostics: folder.diagnostics(c.uri) }));
      this.publish(folder, slice);
    }
  }

  private async settingsFor(uri: string): Promise<Settings> {
    if (!this.canPullConfig()) return resolveSettings(undefined);
    try {
      const raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'plandocs' });
      return resolveSettings(raw);
    } catch {
      return resolveSettings(undefined);
    }
  }
}
