// Path helpers: resolvePath's fast path for ordinary links must agree with full normalization
// (node's path.posix.resolve) on every input, including odd ones.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { isUnder, resolvePath } from '../../server/src/core/paths';

const SEGMENTS = ['a', 'prd', 'x-prd.md', '.', '..', '', '.hidden', '...', 'b c', 'ü'];

function randomPath(rng: () => number, absolute: boolean): string {
  const n = Math.floor(rng() * 6);
  const segs = Array.from({ length: n }, () => SEGMENTS[Math.floor(rng() * SEGMENTS.length)]);
  return (absolute ? '/' : '') + segs.join('/');
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('paths', () => {
  test('resolvePath agrees with path.posix.resolve on ordinary and odd inputs', () => {
    const cases: [string, string][] = [
      ['/ws/docs/user-stories/f', '../../prd/f/f-prd.md'],
      ['/ws/docs/prd/f', './f-prd.md'],
      ['/ws/docs', '../../../../x.md'],
      ['/', '../a.md'],
      ['/ws/docs', '..'],
      ['/ws/docs', './'],
      ['/ws/docs', 'a/../b.md'],
      ['/ws/docs', '.hidden/x.md'],
      ['/ws/docs/', 'x.md'],
      ['/ws//docs', 'x.md'],
      ['/ws/./docs', '../x.md'],
      ['/ws/docs', '/abs/./x.md'],
      ['/ws/docs', 'x//y.md'],
      ['/ws/docs', 'dir/'],
    ];
    const rng = mulberry32(7);
    for (let i = 0; i < 5000; i++) cases.push([randomPath(rng, true) || '/', randomPath(rng, rng() < 0.2)]);
    for (const [dir, rel] of cases) {
      assert.equal(resolvePath(dir, rel), posix.resolve(dir, rel), `resolvePath(${JSON.stringify(dir)}, ${JSON.stringify(rel)})`);
    }
  });

  test('isUnder: the root itself and paths below it, not siblings that share a prefix', () => {
    assert.equal(isUnder('/ws/docs', '/ws/docs'), true);
    assert.equal(isUnder('/ws/docs', '/ws/docs/a.md'), true);
    assert.equal(isUnder('/ws/docs/', '/ws/docs/a.md'), true);
    assert.equal(isUnder('/ws/docs', '/ws/docs2/a.md'), false);
    assert.equal(isUnder('/ws/docs', '/ws'), false);
    assert.equal(isUnder('/', '/anything'), true);
  });
});
