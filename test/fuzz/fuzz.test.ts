// Randomized operations through the server's real entry points; after every step the live server
// must answer exactly like a fresh server started on the same files. On a failure: the seed and the
// shortest failing sequence found. PLANDOCS_FUZZ_STEPS (default 2000) sets the total number of steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FOLDER, Session } from './session';
import { randomOp, rng, type Op } from './ops';

const SAMPLE = path.resolve(__dirname, '..', '..', 'sample');
const TOTAL = Number(process.env.PLANDOCS_FUZZ_STEPS ?? 2000);
const SEEDS = (process.env.PLANDOCS_FUZZ_SEEDS ?? '1,2,3,4').split(',').map(Number);

function sampleFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(`${FOLDER}/${path.relative(SAMPLE, p).split(path.sep).join('/')}`, fs.readFileSync(p, 'utf8'));
    }
  };
  walk(SAMPLE);
  return files;
}

/** Runs `ops`; returns the index and message of the first failing step, if any. */
async function run(ops: Op[]): Promise<{ at: number; message: string; log: string[] } | undefined> {
  const s = new Session(sampleFiles());
  const log: string[] = [];
  try {
    await s.start();
    for (let i = 0; i < ops.length; i++) {
      const what = await s.apply(ops[i]);
      log.push(what);
      if (what === 'skip') continue;
      try {
        await s.check(`step ${i}: ${what}`);
      } catch (e) {
        return { at: i, message: e instanceof Error ? e.message : String(e), log };
      }
    }
    return undefined;
  } finally {
    s.stop();
  }
}

/** Greedily drops operations while the run still fails. */
async function shrink(ops: Op[]): Promise<Op[]> {
  let current = ops;
  let budget = 150;
  for (let chunk = Math.max(1, Math.floor(current.length / 2)); chunk >= 1 && budget > 0; chunk = Math.floor(chunk / 2)) {
    for (let i = 0; i < current.length && budget > 0; ) {
      const candidate = [...current.slice(0, i), ...current.slice(i + chunk)];
      budget--;
      const f = await run(candidate);
      if (f) current = candidate.slice(0, f.at + 1);
      else i += chunk;
    }
  }
  return current;
}

for (const seed of SEEDS) {
  const steps = Math.ceil(TOTAL / SEEDS.length);
  test(`fuzz: ${steps} random operations equal a fresh server after every step (seed ${seed})`, { timeout: 600_000 }, async () => {
    const r = rng(seed);
    const files = sampleFiles().size + 4;
    const ops = Array.from({ length: steps }, () => randomOp(r, files));
    const failure = await run(ops);
    if (!failure) return;
    const minimal = await shrink(ops.slice(0, failure.at + 1));
    const replay = await run(minimal);
    const steps_ = (replay?.log ?? []).filter((l) => l !== 'skip');
    assert.fail(`seed ${seed} failed at step ${failure.at}: ${failure.message}\n\nshortest failing sequence (${minimal.length} ops):\n  ${steps_.join('\n  ')}\n\nops: ${JSON.stringify(minimal)}`);
  });
}
