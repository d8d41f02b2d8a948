// CPU profile of Plandocs on a benchmark corpus, scoped to the work itself (not node's start-up):
// the V8 profiler is started through node:inspector right before the measured region and stopped
// right after it. Writes bench/results/<mode>-<size>.cpuprofile (git-ignored; open it in Chrome
// DevTools or VS Code) and prints a summary (profileSummary.ts). Like the benchmark's children, it
// profiles an esbuild bundle of itself (the engine as shipped; BENCH_CHILD=tsx profiles via tsx).
//
//   node --import tsx bench/profile.ts load 10000    one cold load
//   node --import tsx bench/profile.ts edit 10000    1,000 edits after a load
//
// `node --cpu-prof --import tsx bench/profile.ts ...` works too (the whole process, 1 ms samples).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { BENCH_DIR, bundleEntry } from './bundle';
import { ensureCorpus } from './generate';
import { cold, warm } from './plandocs';
import { summarize, type CpuProfile } from './profileSummary';

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T)));
  });
}

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'load';
  const size = Number(process.argv[3] ?? 10000);
  const seed = Number(process.env.BENCH_SEED ?? 42);
  if (mode !== 'load' && mode !== 'edit') throw new Error('usage: profile.ts load|edit [size]');
  const corpus = ensureCorpus(size, seed);
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 100 }); // µs
  let t0 = 0;
  let ms = 0;
  let profile: CpuProfile | undefined;
  const start = async () => { await post(session, 'Profiler.start'); t0 = performance.now(); };
  const stop = async () => {
    ms = performance.now() - t0;
    profile = (await post<{ profile: CpuProfile }>(session, 'Profiler.stop')).profile;
  };
  let result: unknown;
  if (mode === 'load') {
    await start();
    result = await cold(corpus.root);
    await stop();
  } else {
    result = await warm(corpus.root, seed, 1000, { beforeEdits: start, afterEdits: stop });
  }
  session.disconnect();
  if (!profile) throw new Error('no profile');
  const dir = join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${mode}-${size}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`${mode} at ${size} docs: ${ms.toFixed(0)} ms in the profiled region (the profiler slows it down)`);
  if (mode === 'edit') {
    const w = result as Awaited<ReturnType<typeof warm>>;
    console.log(`load ${w.loadMs.toFixed(0)} ms, edit p50 ${w.edit.p50.toFixed(3)} ms p95 ${w.edit.p95.toFixed(3)} ms`);
  }
  console.log(`wrote ${file}\n`);
  console.log(summarize(profile, { top: Number(process.env.PROFILE_TOP ?? 25) }));
}

// Under tsx, bundle this file like the server is bundled and profile that (see bundle.ts).
if (__filename.endsWith('.ts') && process.env.BENCH_CHILD !== 'tsx') {
  const flags = process.execArgv.filter((a) => a.startsWith('--cpu-prof'));
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', ...flags, bundleEntry('profile'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
