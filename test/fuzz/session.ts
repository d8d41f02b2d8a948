// Replays operations against a live server and, after each, compares it with a fresh server
// started on the same files (and the same open editors).
import assert from 'node:assert/strict';
import type { Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { applyTextEdits } from '../../server/src/cli/apply';
import { parseDoc } from '../../server/src/core/parse';
import { InProcessServer } from './inProcess';
import type { Op } from './ops';

export const FOLDER = '/ws';
const uriOf = (p: string) => URI.file(p).toString();

export class Session {
  readonly disk: Map<string, string>;
  readonly open = new Map<string, { text: string; version: number }>();
  live!: InProcessServer;

  constructor(files: Map<string, string>) {
    this.disk = new Map(files);
  }

  async start(): Promise<void> {
    this.live = await InProcessServer.start(this.disk, FOLDER, (e) => this.applyEdit(e));
  }

  stop(): void { this.live?.stop(); }

  private paths(): string[] { return [...this.disk.keys()].sort(); }

  /** Applies an edit the server asked for, like an editor: open docs in memory, the rest on disk. */
  private pendingEvents: { uri: string; type: 1 | 2 }[] = [];
  private applyEdit(edit: WorkspaceEdit): boolean {
    for (const c of edit.documentChanges ?? []) {
      if ('kind' in c && (c.kind !== 'create' || this.disk.has(URI.parse(c.uri).path))) return false;
    }
    for (const c of edit.documentChanges ?? []) {
      if ('kind' in c) {
        if (c.kind === 'create') { this.disk.set(URI.parse(c.uri).path, ''); this.pendingEvents.push({ uri: c.uri, type: 1 }); }
        continue;
      }
      const edits = c.edits.filter((e): e is { range: never; newText: string } => 'range' in e).map((e) => ({ path: '', range: e.range, newText: e.newText }));
      const o = this.open.get(c.textDocument.uri);
      if (o) {
        o.text = applyTextEdits(o.text, edits);
        o.version++;
        void this.live.change(c.textDocument.uri, o.text, o.version);
      } else {
        const p = URI.parse(c.textDocument.uri).path;
        this.disk.set(p, applyTextEdits(this.disk.get(p) ?? '', edits));
        if (!this.pendingEvents.some((e) => e.uri === c.textDocument.uri)) this.pendingEvents.push({ uri: c.textDocument.uri, type: 2 });
      }
    }
    return true;
  }

  async apply(op: Op): Promise<string> {
    const paths = this.paths();
    const path = 'file' in op ? paths[op.file % Math.max(paths.length, 1)] : undefined;
    const uri = path ? uriOf(path) : '';
    const s = this.live;
    switch (op.t) {
      case 'open':
        if (!path || this.open.has(uri)) return 'skip';
        this.open.set(uri, { text: this.disk.get(path) as string, version: 1 });
        await s.open(uri, this.disk.get(path) as string, 1);
        return `open ${path}`;
      case 'edit': {
        const o = this.open.get(uri);
        if (!o) return 'skip';
        const lines = o.text.split('\n');
        const at = Math.floor(op.at * lines.length);
        if (op.del) lines.splice(at, 1); else lines.splice(at, 0, op.text);
        o.text = lines.join('\n');
        o.version++;
        await s.change(uri, o.text, o.version);
        return `edit ${path} ${op.del ? `delete line ${at}` : `insert at ${at}: ${JSON.stringify(op.text)}`}`;
      }
      case 'close':
        if (!this.open.delete(uri)) return 'skip';
        await s.close(uri);
        return `close ${path}`;
      case 'save': {
        const o = this.open.get(uri);
        if (!o || !path) return 'skip';
        this.disk.set(path, o.text);
        await s.watched([{ uri, type: 2 }]);
        return `save ${path}`;
      }
      case 'create': {
        const p = `${FOLDER}/${op.path}`;
        if (this.disk.has(p)) return 'skip';
        this.disk.set(p, op.text);
        await s.watched([{ uri: uriOf(p), type: 1 }]);
        return `create ${op.path}`;
      }
      case 'delete':
        if (!path) return 'skip';
        this.disk.delete(path);
        await s.watched([{ uri, type: 3 }]);
        return `delete ${path}`;
      case 'rename': {
        const to = `${FOLDER}/${op.to}`;
        if (!path || this.disk.has(to) || this.open.has(uri)) return 'skip';
        this.disk.set(to, this.disk.get(path) as string);
        this.disk.delete(path);
        await s.watched([{ uri, type: 3 }, { uri: uriOf(to), type: 1 }]);
        return `rename ${path} -> ${op.to}`;
      }
      case 'command': {
        this.pendingEvents = [];
        await s.command(op.command, op.args).catch(() => undefined);
        if (this.pendingEvents.length) await s.watched(this.pendingEvents);
        return `command ${op.command} ${JSON.stringify(op.args)}`;
      }
    }
  }

  /** The live server's answers equal a fresh server's on the same files and open docs. */
  async check(step: string): Promise<void> {
    await this.live.settle();
    const fresh = await InProcessServer.start(new Map(this.disk), FOLDER);
    try {
      for (const [uri, o] of this.open) await fresh.open(uri, o.text, o.version);
      await fresh.settle();
      assert.deepEqual(this.live.errors, [], `a handler failed after ${step}`);
      assert.deepEqual(sorted(this.live.diagnostics), sorted(fresh.diagnostics), `published diagnostics differ after ${step}`);
      for (const [uri, pos] of this.probes()) {
        const [a, b] = [await this.live.definition(uri, pos), await fresh.definition(uri, pos)];
        assert.deepEqual(a as Location | null, b as Location | null, `definition at ${uri} ${JSON.stringify(pos)} differs after ${step}`);
        const [h1, h2] = [await this.live.hover(uri, pos), await fresh.hover(uri, pos)];
        assert.deepEqual(h1 as Hover | null, h2 as Hover | null, `hover at ${uri} ${JSON.stringify(pos)} differs after ${step}`);
      }
    } finally {
      fresh.stop();
    }
  }

  /** A few link positions in the open docs and on disk (where definition and hover answer). */
  private probes(): [string, { line: number; character: number }][] {
    const out: [string, { line: number; character: number }][] = [];
    const docs: [string, string][] = [...this.open].map(([u, o]) => [u, o.text]);
    for (const p of this.paths()) if (p.endsWith('.md') && out.length < 40) docs.push([uriOf(p), this.disk.get(p) as string]);
    for (const [uri, text] of docs) {
      for (const l of parseDoc(uri, text).links.slice(0, 3)) out.push([uri, l.range.start]);
      if (out.length >= 12) break;
    }
    return out;
  }
}

function sorted(m: Map<string, unknown>): [string, unknown][] {
  return [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
