// Runs the extension-host mocha suite (test/e2e/suite/) inside a real VS Code: code-server 4.96.4
// (VS Code 1.96.4) driven by headless Chromium, offline. The workbench URL's payload loads this folder as
// the extension under development and the suite as its tests; VS Code reports the suite's output and
// exit code through the automation hooks `codeAutomationLog` and `codeAutomationExit`.
// (The same suite runs in desktop VS Code with `npm run test:vscode`.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import * as util from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser, startCodeServer, type CodeServer } from '../../scripts/code-server';
import { buildSuite, copySample, removeCopy, RESULTS, ROOT, TEST_SETTINGS } from './helpers';
import type { SuiteResult } from './suite/index';

let server: CodeServer | undefined;
let browser: Browser | undefined;
let workspace: string;
let suiteEntry: string;
let resultsFile: string;

before(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  suiteEntry = await buildSuite();
  workspace = copySample('exthost');
  resultsFile = path.join(path.dirname(workspace), 'results.json');
  [server, browser] = await Promise.all([
    startCodeServer({ settings: TEST_SETTINGS, env: { PLANDOCS_E2E_RESULTS: resultsFile } }),
    launchBrowser(),
  ]);
});

after(async () => {
  await browser?.close();
  await server?.stop(path.join(RESULTS, 'exthost'));
  if (workspace) removeCopy(workspace);
});

// VS Code's own chatter that says nothing about the tests (offline: the extension gallery is unreachable)
const NOISE = /Creating a socket|connection token|Service Worker|builtin extensions cache|Creation of workbench contribution|vsda|marketplace|open-vsx|ENOTFOUND|telemetry|Long running operations during shutdown/i;

test('extension-host mocha suite (test/e2e/suite) in VS Code (code-server)', { timeout: 240_000 }, async (t) => {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
  const lines: string[] = [];
  let exit!: (code: number) => void;
  const exited = new Promise<number>((r) => (exit = r));
  // what the extension host prints (mocha's spec report among it), shown if the suite fails
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    if (!NOISE.test(line)) lines.push(line);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
  await page.goto(server!.workbenchUrl(workspace, [
    ['extensionDevelopmentPath', server!.remoteUri(ROOT)],
    ['extensionTestsPath', server!.remoteUri(suiteEntry)],
  ]));
  let timer: NodeJS.Timeout | undefined;
  let code: number | 'timeout';
  try {
    code = await Promise.race([exited, new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), 220_000); })]);
    await page.screenshot({ path: path.join(RESULTS, 'exthost-final.png') });
  } finally {
    clearTimeout(timer);
    await page.close();
  }
  // each mocha test, reported as a test of its own
  const results: SuiteResult[] = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : [];
  for (const r of results) {
    await t.test(`${r.title}${r.ms !== undefined ? ` (${r.ms} ms in VS Code)` : ''}`, { skip: r.state === 'pending' }, () => {
      if (r.state === 'failed') throw new Error(r.error);
    });
  }
  assert.equal(code, 0, `the extension-host suite failed (exit code ${code}):\n${lines.join('\n')}`);
  assert.ok(results.length > 0, `the extension-host suite ran no test:\n${lines.join('\n')}`);
});
