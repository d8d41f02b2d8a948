// Runs the test suites with Node's test runner (TypeScript through tsx).
// Usage: node scripts/test.mjs [unit|differential|grammar|server|cli|badinput|fuzz ...]   (default: all; server and cli need `npm run build`)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const suites = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const dirs = (suites.length ? suites : ['unit', 'differential', 'grammar', 'server', 'cli', 'badinput', 'fuzz']).map((s) => join('test', s));

function collect(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? collect(p) : p.endsWith('.test.ts') ? [p] : [];
  });
}

const files = dirs.flatMap(collect).sort();
if (files.length === 0) {
  console.error('no test files found in ' + dirs.join(', '));
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
