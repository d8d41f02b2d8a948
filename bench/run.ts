// `npm run bench`: generates (or reuses) the corpora, runs every measurement in fresh child
// processes, prints one table (plain and Markdown) and writes bench/results/<date>-<machine>.json.
// Env: BENCH_SIZES=1000,10000  BENCH_RUNS=3  BENCH_SEED=42  BENCH_EDITS=1000  BENCH_ANCHOR=0 (skip it)
//      BENCH_CHILD=tsx (run the children's TypeScript through tsx instead of an esbuild bundle)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { AnchorResult } from './anchor';
import { bundleEntry } from './bundle';
import { RESULT_PREFIX, type Task } from './child';
import { floor, type FloorResult } from './floor';
import { ensureCorpus } from './generate';
import type { ColdResult, WarmResult } from './plandocs';
import { printReport, type BenchResults, type SizeResult } from './report';
import { median } from './stats';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const seed = Number(process.env.BENCH_SEED ?? 42);
const edits = Number(process.env.BENCH_EDITS ?? 1000);
const withAnchor = process.env.BENCH_ANCHOR !== '0';
const runsFor = (size: number) => Number(process.env.BENCH_RUNS ?? (size >= 50000 ? 3 : 5));

const viaTsx = process.env.BENCH_CHILD === 'tsx';
// The bundle measures the code as shipped (see bundle.ts). With tsx, `--require tsx/cjs` rather
// than `--import tsx`: the latter's hooks run on a loader thread that costs ~35 MB more RSS.
const CHILD_ARGS = ['--expose-gc', '--max-old-space-size=8192',
  ...(viaTsx ? ['--require', 'tsx/cjs', join(__dirname, 'child.ts')] : [bundleEntry('child')])];

function child<T>(task: Task, root: string): T {
  const r = spawnSync(process.execPath, [...CHILD_ARGS, task, root, String(seed), String(edits)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = r.stdout?.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (r.status !== 0 || !line) throw new Error(`bench child "${task}" failed (status ${r.status}, signal ${r.signal})`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as T;
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const pick = <R extends object>(rs: R[], ...keys: (keyof R)[]) => rs.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
const med = <R>(rs: R[], f: (r: R) => number) => median(rs.map(f));

function measure(size: number): SizeResult {
  const t0 = performance.now();
  const loadBefore = loadavg()[0];
  if (loadBefore > cpus().length / 2) log(`[${size}] warning: load average ${loadBefore.toFixed(1)} on ${cpus().length} cores: other processes compete for the CPU`);
  const corpus = ensureCorpus(size, seed);
  log(`[${size}] corpus ${corpus.reused ? 'reused' : `generated in ${(corpus.generatedMs / 1000).toFixed(1)} s`}: ${corpus.root}`);
  floor(corpus.docsRoot); // warms the OS file cache: every figure below is with a warm cache
  const runs = runsFor(size);
  const floors: FloorResult[] = [];
  const colds: ColdResult[] = [];
  const anchors: AnchorResult[] = [];
  for (let i = 1; i <= runs; i++) {
    floors.push(child<FloorResult>('floor', corpus.root));
    colds.push(child<ColdResult>('cold', corpus.root));
    if (withAnchor) anchors.push(child<AnchorResult>('anchor', corpus.root));
    const a = anchors.at(-1);
    log(`[${size}] run ${i}/${runs}: floor ${floors[i - 1].readMs.toFixed(0)}+${floors[i - 1].grayMatterMs.toFixed(0)} ms, ` +
      `plandocs ${colds[i - 1].ms.toFixed(0)} ms (cpu ${colds[i - 1].cpuMs.toFixed(0)}) / ${colds[i - 1].peakRssMb.toFixed(0)} MB` +
      (a ? `, anchor ${a.ms.toFixed(0)} ms / ${a.peakRssMb.toFixed(0)} MB` : ''));
  }
  const warm = child<WarmResult>('warm', corpus.root);
  log(`[${size}] edits p50 ${warm.edit.p50.toFixed(3)} ms, p95 ${warm.edit.p95.toFixed(3)} ms (${((performance.now() - t0) / 1000).toFixed(0)} s in all)`);
  const corpusInfo: Partial<typeof corpus> = { ...corpus };
  delete corpusInfo.root; // machine-specific paths stay out of the results file
  delete corpusInfo.docsRoot;
  return {
    size,
    runs,
    loadAvg: [loadBefore, loadavg()[0]],
    corpus: { ...(corpusInfo as SizeResult['corpus']), mb: corpus.bytes / (1024 * 1024) },
    floor: {
      readMs: med(floors, (r) => r.readMs),
      grayMatterMs: med(floors, (r) => r.grayMatterMs),
      peakRssMb: med(floors, (r) => r.peakRssMb),
      cpuMs: med(floors, (r) => r.cpuMs),
      files: floors[0].files,
      runs: pick(floors, 'readMs', 'grayMatterMs', 'cpuMs', 'peakRssMb'),
    },
    plandocs: {
      ms: med(colds, (r) => r.ms),
      peakRssMb: med(colds, (r) => r.peakRssMb),
      peakHeapMb: med(colds, (r) => r.peakHeapMb),
      retainedHeapMb: med(colds, (r) => r.retainedHeapMb),
      baselineRssMb: med(colds, (r) => r.baselineRssMb),
      cpuMs: med(colds, (r) => r.cpuMs),
      docs: colds[0].docs,
      diagnostics: colds[0].diagnostics,
      runs: pick(colds, 'ms', 'cpuMs', 'peakRssMb', 'peakHeapMb'),
    },
    warm,
    anchor: anchors.length === 0 ? null : {
      ms: med(anchors, (r) => r.ms),
      peakRssMb: med(anchors, (r) => r.peakRssMb),
      peakHeapMb: med(anchors, (r) => r.peakHeapMb),
      retainedHeapMb: med(anchors, (r) => r.retainedHeapMb),
      cpuMs: med(anchors, (r) => r.cpuMs),
      docs: anchors[0].docs,
      diagnostics: anchors[0].diagnostics,
      runs: pick(anchors, 'ms', 'cpuMs', 'peakRssMb', 'peakHeapMb'),
    },
  };
}

function machineSlug(cpu: string, cores: number): string {
  const slug = cpu.toLowerCase().replace(/\(r\)|\(tm\)|cpu|processor|@.*$/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return process.env.BENCH_MACHINE ?? `${slug || 'unknown'}-${cores}c`;
}

function main(): void {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown';
  const cores = cpus().length;
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: { name: machineSlug(cpu, cores), node: process.version, cpu, cores, totalMemGb: totalmem() / 1024 ** 3, platform: `${process.platform}-${process.arch}` },
    seed,
    edits,
    child: viaTsx ? 'tsx' : 'esbuild bundle',
    sizes: sizes.map(measure),
  };
  printReport(results);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${results.date.slice(0, 10)}-${results.machine.name}.json`);
  const round = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v);
  writeFileSync(file, JSON.stringify(results, round, 2) + '\n');
  console.log(`\nwrote ${file}`);
}

main();
