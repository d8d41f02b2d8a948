// `npm run test:vscode`: the extension-host suite (test/e2e/suite/) in desktop VS Code, through
// @vscode/test-electron, on a temporary copy of sample/. It downloads VS Code into .vscode-test/ the first
// time (set VSCODE_VERSION to pick one; default: the oldest the manifest supports, 1.96.4), so it needs
// the network; on a Linux machine without a display, run it under xvfb-run. `npm test` runs the same
// suite offline in code-server instead (test/e2e/exthost.test.ts).
import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSuite, copySample, removeCopy, ROOT } from './helpers';

async function main(): Promise<number> {
  const extensionTestsPath = await buildSuite();
  const workspace = copySample('vscode');
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'plandocs-vscode-user-'));
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? '1.96.4',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', userData],
    });
    return 0;
  } catch (e) {
    console.error(`The extension-host suite failed in VS Code: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    removeCopy(workspace);
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
