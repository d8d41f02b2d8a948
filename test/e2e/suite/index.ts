// The extension-host side of the end-to-end suite: VS Code loads this file (extensionTestsPath) in its
// extension host, with the extension under development loaded, and calls run(). The same file serves
// code-server (test/e2e/exthost.test.ts) and desktop VS Code through @vscode/test-electron (runVscode.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** One line per test for the driver (test/e2e/exthost.test.ts), which reports each as a test of its own. */
export interface SuiteResult { title: string; state: 'passed' | 'failed' | 'pending'; ms?: number; error?: string }

export function run(): Promise<void> {
  // mocha is bundled into this file (mocha 12 is an ES module, which older extension hosts cannot require)
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  const results: SuiteResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const out = process.env.PLANDOCS_E2E_RESULTS; // set by the code-server driver
      if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed.`));
      else resolve();
    });
    const title = (t: Mocha.Runnable) => t.titlePath().slice(1).join(' › '); // without the top suite's title
    runner.on('pass', (t) => results.push({ title: title(t), state: 'passed', ms: t.duration }));
    runner.on('pending', (t) => results.push({ title: title(t), state: 'pending' }));
    runner.on('fail', (t, err: Error) => results.push({ title: title(t), state: 'failed', ms: t.duration, error: err.stack ?? String(err) }));
  });
}
