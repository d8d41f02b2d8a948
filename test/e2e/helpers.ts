// Shared by the end-to-end drivers: the temporary copy of sample/, screenshots, polling with a deadline,
// and the build of the extension-host suite.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { QUIET_SETTINGS, ROOT } from '../../scripts/code-server';

export { ROOT };
/** The user settings of the test workbenches. */
export const TEST_SETTINGS = { ...QUIET_SETTINGS, 'git.enabled': false };
export const RESULTS = path.join(ROOT, 'test-results');
export const SAMPLE = path.join(ROOT, 'sample');
export const VSIX = path.join(ROOT, 'dist', 'plandocs.vsix');
export const SUITE_DIR = path.join(ROOT, 'test', 'e2e', 'out', 'suite');

/** A fresh copy of sample/ in a temporary folder (the tests create and edit docs; sample/ stays as it is). */
export function copySample(name: string): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `plandocs-e2e-${name}-`)), 'sample');
  fs.cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

export function removeCopy(dir: string): void {
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}

/** Polls `fn` every 100 ms until it returns a truthy value; throws after `ms`. */
export async function poll<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Bundles test/e2e/suite/*.ts for VS Code's extension host into test/e2e/out/suite/ (mocha included, vscode external). */
export async function buildSuite(): Promise<string> {
  const src = path.join(ROOT, 'test', 'e2e', 'suite');
  const entryPoints = fs.readdirSync(src).filter((f) => f.endsWith('.ts')).map((f) => path.join(src, f));
  fs.rmSync(SUITE_DIR, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: SUITE_DIR,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves its worker files at run time
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return path.join(SUITE_DIR, 'index.js');
}
