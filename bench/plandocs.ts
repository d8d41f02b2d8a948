// Plandocs itself, driven the way the language server drives it: a PlanFolder over a NodeWorkspace.
// cold(): a new folder, `await load()` (lists, reads and indexes every doc and runs every rule).
// warm(): after a load, structural edits through `setText`, then definition/hover (and references
// when PlanFolder has them) at positions on links.
import { readFileSync } from 'node:fs';
import { URI } from 'vscode-uri';
import { PlanFolder, defaultSettings, type DiagnosticsChange } from '../server/src/core';
import type { DocEntry } from '../server/src/core/graph';
import type { Position } from '../server/src/core/types';
import { NodeWorkspace } from '../server/src/nodeWorkspace';
import { randomEdit, templateEdit, type EditKind } from './edits';
import { memorySampler, retainedHeapMb, type MemoryFigures } from './memory';
import { countBy, latency, median, msSince, type Latency } from './stats';
import { mulberry32 } from './text';

export interface ColdResult extends MemoryFigures {
  ms: number;
  docs: number;
  diagnostics: Record<string, number>;
}

export interface WarmResult {
  loadMs: number;
  edit: Latency & { changedMean: number; changedMax: number; byKind: Record<string, { n: number; p50: number; p95: number }> };
  templateEdit: { ms: number; changed: number };
  definition: Latency & { found: number };
  hover: Latency & { found: number };
  references: (Latency & { found: number }) | null;
}

export function newFolder(root: string): PlanFolder {
  return new PlanFolder(new NodeWorkspace(), URI.file(root), defaultSettings());
}

export function diagnosticCounts(changes: DiagnosticsChange[]): Record<string, number> {
  return countBy(changes.flatMap((c) => c.diagnostics), (d) => d.code);
}

export async function cold(root: string): Promise<ColdResult> {
  const mem = memorySampler();
  const t0 = process.hrtime.bigint();
  const folder = newFolder(root);
  const changes = await folder.load();
  const ms = msSince(t0);
  const figures = mem.stop();
  const docs = folder.index.docs.size;
  const diagnostics = diagnosticCounts(changes);
  return { ms, docs, diagnostics, ...figures, retainedHeapMb: retainedHeapMb() };
}

type RefsFn = (uri: string, pos: Position) => unknown;

/** Times `fn` at `n` positions (after `warmup` untimed calls); `found` counts non-empty answers. */
async function timeQueries(n: number, warmup: number, at: () => [string, Position], fn: (uri: string, pos: Position) => unknown) {
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < warmup + n; i++) {
    const [uri, pos] = at();
    const t0 = process.hrtime.bigint();
    let r = fn(uri, pos);
    if (r instanceof Promise) r = await r;
    const ms = msSince(t0);
    if (i < warmup) continue;
    times.push(ms);
    if (r !== undefined && r !== null && !(Array.isArray(r) && r.length === 0)) found++;
  }
  return { ...latency(times), found };
}

/** Hooks around the edit loop (the profiler uses them to profile the edits alone). */
export interface WarmHooks { beforeEdits?: () => Promise<void>; afterEdits?: () => Promise<void> }

export async function warm(root: string, seed: number, edits: number, hooks: WarmHooks = {}): Promise<WarmResult> {
  const t0 = process.hrtime.bigint();
  const folder = newFolder(root);
  await folder.load();
  const loadMs = msSince(t0);
  const rng = mulberry32(seed ^ 0x5eed);
  const docs = [...folder.index.docs.values()].filter((d) => !d.template).sort((a, b) => (a.path < b.path ? -1 : 1));
  const ofKind = (k: DocEntry['kind']) => docs.filter((d) => d.kind === k);
  const byKind = [ofKind('milestone'), ofKind('prd'), ofKind('story')].filter((g) => g.length > 0);
  const prds = ofKind('prd');
  const milestones = ofKind('milestone');
  const texts = new Map<string, string>();
  const textOf = (d: DocEntry) => texts.get(d.path) ?? readFileSync(URI.parse(d.uri).fsPath, 'utf8');
  let version = 1;

  // 1. edit → refreshed diagnostics of every affected doc, then the edit undone (both timed)
  const times: number[] = [];
  const changed: number[] = [];
  const kindTimes = new Map<EditKind, number[]>();
  const apply = async (d: DocEntry, text: string, kind: EditKind) => {
    const t = process.hrtime.bigint();
    const res = await folder.setText(d.uri, text, ++version, true);
    const ms = msSince(t);
    times.push(ms);
    changed.push(res.length);
    if (!kindTimes.has(kind)) kindTimes.set(kind, []);
    kindTimes.get(kind)?.push(ms);
    texts.set(d.path, text);
  };
  await hooks.beforeEdits?.();
  while (times.length < edits) {
    const group = byKind[Math.floor(rng() * byKind.length)];
    const doc = group[Math.floor(rng() * group.length)];
    const original = textOf(doc);
    const e = randomEdit(rng, doc, original, prds, milestones, docs);
    if (!e || e.text === original) continue;
    await apply(doc, e.text, e.kind);
    await apply(folder.index.docs.get(doc.path) ?? doc, original, e.kind);
  }
  await hooks.afterEdits?.();

  // 2. an edit of the story template: every story's sections are re-checked
  const tpl = folder.index.docs.get(URI.file(`${root}/docs/user-stories/template.md`).path);
  const tplTimes: number[] = [];
  let tplChanged = 0;
  if (tpl) {
    const original = readFileSync(URI.parse(tpl.uri).fsPath, 'utf8');
    for (let i = 0; i < 3; i++) {
      const t = process.hrtime.bigint();
      tplChanged = (await folder.setText(tpl.uri, templateEdit(original), ++version, true)).length;
      tplTimes.push(msSince(t));
      await folder.setText(tpl.uri, original, ++version, true);
    }
  }

  // 3. queries at positions on links (the second character of each link's destination)
  const linked = docs.filter((d) => d.parsed.links.length > 0);
  const at = (): [string, Position] => {
    const d = linked[Math.floor(rng() * linked.length)];
    const l = d.parsed.links[Math.floor(rng() * d.parsed.links.length)];
    return [d.uri, { line: l.range.start.line, character: l.range.start.character + 1 }];
  };
  const n = Math.min(edits, 1000);
  const definition = await timeQueries(n, 100, at, (u, p) => folder.definition(u, p));
  const hover = await timeQueries(n, 100, at, (u, p) => folder.hover(u, p));
  const refs = (folder as unknown as { references?: RefsFn }).references;
  const references = typeof refs === 'function' ? await timeQueries(n, 100, at, (u, p) => refs.call(folder, u, p)) : null;

  const kinds: WarmResult['edit']['byKind'] = {};
  for (const [k, xs] of kindTimes) { const l = latency(xs); kinds[k] = { n: l.n, p50: l.p50, p95: l.p95 }; }
  return {
    loadMs,
    edit: { ...latency(times), changedMean: changed.reduce((a, b) => a + b, 0) / changed.length, changedMax: Math.max(...changed), byKind: kinds },
    templateEdit: { ms: median(tplTimes), changed: tplChanged },
    definition,
    hover,
    references,
  };
}
