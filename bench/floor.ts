// The floor: the least any tool that reads planning docs must do. Every file under the docs root is
// listed (readdirSync) and read (readFileSync, sequentially), then gray-matter parses each text's
// front matter. gray-matter always gets an options object: without one it caches every parse forever.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { memorySampler, retainedHeapMb, type MemoryFigures } from './memory';

export interface FloorResult extends MemoryFigures {
  files: number;
  mb: number;
  readMs: number;
  grayMatterMs: number;
  withFrontMatter: number;
}

function walk(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && p.endsWith('.md')) out.push(p);
  }
  return out;
}

export function floor(docsRoot: string): FloorResult {
  const mem = memorySampler();
  const t0 = performance.now();
  const texts = walk(docsRoot, []).map((f) => readFileSync(f, 'utf8'));
  const t1 = performance.now();
  let withFrontMatter = 0;
  for (const t of texts) if (Object.keys(matter(t, {}).data).length > 0) withFrontMatter++;
  const t2 = performance.now();
  const figures = mem.stop();
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / (1024 * 1024);
  const retained = retainedHeapMb(); // the texts are still referenced here: that is what reading keeps
  return { files: texts.length, mb, readMs: t1 - t0, grayMatterMs: t2 - t1, withFrontMatter, ...figures, retainedHeapMb: retained };
}
