// End-to-end tests in a real VS Code.
//   node scripts/e2e.mjs            `npm run test:e2e` (and the last step of `npm test`): packages the .vsix,
//                                   then runs test/e2e/*.test.ts with Node's test runner: UI flows on the
//                                   installed .vsix and the extension-host mocha suite, both in code-server
//                                   (VS Code in the browser) driven by headless Chromium, offline.
//   node scripts/e2e.mjs --vscode   `npm run test:vscode`: the same extension-host suite in desktop VS Code
//                                   through @vscode/test-electron (downloads VS Code: needs the network).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const ROOT = resolve(import.meta.dirname, '..');
const run = (args) => spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).status ?? 1;

if (process.argv.includes('--vscode')) {
  const built = run(['scripts/build.mjs']);
  if (built !== 0) process.exit(built);
  process.exit(run(['--import', 'tsx', 'test/e2e/runVscode.ts']));
}

const { missingInstall } = await tsImport('./code-server.ts', import.meta.url);
const problem = missingInstall({ browser: true });
if (problem) {
  console.error(`\nThe end-to-end tests run VS Code in the browser (code-server) with a headless Chromium.\n${problem}\n`);
  process.exit(1);
}
const packaged = run(['scripts/package.mjs']);
if (packaged !== 0) process.exit(packaged);
const files = readdirSync(join(ROOT, 'test', 'e2e')).filter((f) => f.endsWith('.test.ts')).sort().map((f) => join('test', 'e2e', f));
// one file at a time: each starts its own code-server and browser, and 2 cores are enough for one
process.exit(run(['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files]));
