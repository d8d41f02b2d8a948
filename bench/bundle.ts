// Bundles a benchmark entry with esbuild the way scripts/build.mjs bundles the server (CommonJS,
// node18, no keepNames), into bench/out/ (git-ignored, not linted). Children run that bundle with plain node,
// so they measure the engine as shipped: tsx would add its own RSS (~20 MB with --require tsx/cjs,
// ~45 MB with --import tsx, whose hooks run on a loader thread) and esbuild's keepNames helper
// (`__name`) to every closure. The ESM-only packages stay external and are import()ed at run time;
// bench/out/ sits inside the repo so that node_modules resolves.
import { buildSync } from 'esbuild';
import { basename, dirname, join } from 'node:path';

/** This folder (bench/), also when running from a bundle in bench/out/. */
export const BENCH_DIR = basename(__dirname) === 'out' ? dirname(__dirname) : __dirname;

export function bundleEntry(name: 'child' | 'profile'): string {
  const outfile = join(BENCH_DIR, 'out', `${name}.cjs`);
  buildSync({
    entryPoints: [join(BENCH_DIR, `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: ['vscode-markdown-languageservice', 'markdown-it', 'markdown-it-front-matter', 'esbuild'],
    logLevel: 'warning',
  });
  return outfile;
}
