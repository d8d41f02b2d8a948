// Summarizes a V8 .cpuprofile: top functions by self time, self time by file or package, and the
// engine's functions by inclusive time. Usage: node --import tsx bench/profileSummary.ts <file> [top]
import { existsSync, readFileSync } from 'node:fs';

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** For an esbuild bundle: the first line of each source module (esbuild writes `// <path>` there). */
const bundleModules = new Map<string, [line: number, path: string][]>();
function moduleAt(file: string, line: number): string | undefined {
  let mods = bundleModules.get(file);
  if (!mods) {
    mods = [];
    if (existsSync(file)) {
      readFileSync(file, 'utf8').split('\n').forEach((l, i) => {
        const m = /^\/\/ ((?:node_modules|server|bench|client)\/\S+\.[cm]?[jt]s)$/.exec(l);
        if (m) mods?.push([i, m[1]]);
      });
    }
    bundleModules.set(file, mods);
  }
  let found: string | undefined;
  for (const [start, path] of mods) if (start <= line) found = path; else break;
  return found;
}

function shortUrl(url: string, line = 0): string {
  let u = url.replace(/^file:\/\//, '');
  if (u.endsWith('.cjs')) u = moduleAt(u, line) ?? u;
  if (u.startsWith('node_modules/')) u = '/' + u;
  const nm = u.lastIndexOf('/node_modules/');
  if (nm >= 0) return u.slice(nm + 14);
  const i = u.search(/\/(server|bench|client|test)\//);
  return i >= 0 ? u.slice(i + 1) : u;
}

function group(url: string, line: number): string {
  const u = shortUrl(url, line);
  if (u === '') return '(native / V8 builtins)';
  if (u.startsWith('node:')) return 'node internals';
  if (/^(server|bench)\//.test(u)) return u;
  const pkg = u.startsWith('@') ? u.split('/').slice(0, 2).join('/') : u.split('/')[0];
  return `${pkg} (package)`;
}

const pct = (x: number, total: number) => ((100 * x) / total).toFixed(1).padStart(5) + '%';
const ms = (us: number) => (us / 1000).toFixed(1).padStart(8) + ' ms';

export function summarize(p: CpuProfile, opts: { top?: number } = {}): string {
  const top = opts.top ?? 25;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (id: number) => {
    const f = (byId.get(id) as CpuProfile['nodes'][number]).callFrame;
    const name = f.functionName || '(anonymous)';
    const where = shortUrl(f.url, f.lineNumber);
    return SPECIAL.has(name) ? name : `${name}  ${where || '(native)'}${f.url && !f.url.endsWith('.cjs') ? ':' + (f.lineNumber + 1) : ''}`;
  };
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i + 1] ?? 0; // time until the next sample is what this one stands for
    const id = p.samples[i];
    const k = key(id);
    total += dt;
    self.set(k, (self.get(k) ?? 0) + dt);
    const f = (byId.get(id) as CpuProfile['nodes'][number]).callFrame;
    const g = SPECIAL.has(f.functionName) ? f.functionName : group(f.url, f.lineNumber);
    files.set(g, (files.get(g) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const kk = key(n);
      if (seen.has(kk)) continue;
      seen.add(kk);
      incl.set(kk, (incl.get(kk) ?? 0) + dt);
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  const out: string[] = [];
  const idle = self.get('(idle)') ?? 0;
  out.push(`sampled ${ms(total).trim()} (${p.samples.length} samples); idle ${pct(idle, total).trim()}, ` +
    `GC ${pct(self.get('(garbage collector)') ?? 0, total).trim()}, (program) ${pct(self.get('(program)') ?? 0, total).trim()}`);
  out.push('', `Top ${top} functions by self time (% of sampled time):`);
  for (const [k, v] of sorted(self).slice(0, top)) out.push(`${pct(v, total)} ${ms(v)}  ${k}`);
  out.push('', 'Self time by file / package:');
  for (const [k, v] of sorted(files).slice(0, 15)) out.push(`${pct(v, total)} ${ms(v)}  ${k}`);
  out.push('', `Engine functions (server/src) by inclusive time:`);
  for (const [k, v] of sorted(incl).filter(([k]) => k.includes('server/src/')).slice(0, top)) out.push(`${pct(v, total)} ${ms(v)}  ${k}`);
  return out.join('\n');
}

// Run directly (in a bundle of profile.ts, `require.main === module` holds too: check the name).
if (require.main === module && /profileSummary\.ts$/.test(process.argv[1] ?? '')) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: profileSummary.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, { top: Number(process.argv[3] ?? 25) }));
}
