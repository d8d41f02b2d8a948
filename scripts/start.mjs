// `npm start`: builds, then opens sample/ in a real VS Code with the extension loaded from this folder
// (extension development mode: rebuild with `npm run watch` and reload the window to try a change).
//  - desktop VS Code when `code` is on the PATH (or PLANDOCS_CODE names its CLI);
//  - otherwise VS Code in the browser: code-server (`npm run setup:e2e` installs it) on 127.0.0.1,
//    printing the URL to open. Its state (settings, UI layout) is kept in .vscode-test/start/.
// Options: --browser (code-server even when `code` exists), --port N (default: a free port).
// Ctrl+C stops everything it started (with desktop VS Code: close its window).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'sample');
const argv = process.argv.slice(2);
const portArg = argv.indexOf('--port');
const port = portArg >= 0 ? Number(argv[portArg + 1]) : Number(process.env.PORT ?? 0);

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function onPath(cmd) {
  const exts = process.platform === 'win32' ? ['.cmd', '.exe', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const ext of exts) if (dir && existsSync(join(dir, cmd + ext))) return join(dir, cmd + ext);
  }
  return undefined;
}

const code = process.env.PLANDOCS_CODE ?? onPath('code');
if (code && !argv.includes('--browser')) {
  // --wait keeps this process until the window is closed. The window belongs to VS Code (to the instance
  // already running, if any), so Ctrl+C here only stops the waiting: close the window to end the session.
  console.log(`Plandocs: opening sample/ in VS Code (${code}) with the extension in development mode.\nClose the window to stop.`);
  const child = spawn(code, ['--new-window', '--wait', `--extensionDevelopmentPath=${ROOT}`, SAMPLE], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (status) => process.exit(status ?? 0));
} else {
  const cs = await tsImport('./code-server.ts', import.meta.url);
  if (cs.missingInstall({ browser: false })) {
    // first run without desktop VS Code: install VS Code for the browser (code-server) once
    console.log('Plandocs: desktop VS Code (`code`) is not on the PATH, so npm start uses VS Code in the browser.');
    console.log('Plandocs: first run: installing code-server into .vscode-test/ (about a minute, once)…');
    const setup = spawnSync('bash', [fileURLToPath(new URL('./setup-code-server.sh', import.meta.url))], { stdio: 'inherit', env: { ...process.env, SETUP_BROWSER: '0' } });
    const problem = cs.missingInstall({ browser: false });
    if (setup.status !== 0 || problem) {
      console.error(`Plandocs: could not install code-server.${problem ? `\n${problem}` : ''}`);
      process.exit(1);
    }
  }
  // Ctrl+C at any time stops what was started (code-server runs in a process group of its own;
  // code-server.ts also kills it when this process exits).
  let server;
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nPlandocs: ${signal}, stopping code-server.`);
    await server?.stop();
    process.exit(0);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void stop(sig));
  server = await cs.startCodeServer({
    stateDir: join(ROOT, '.vscode-test', 'start'),
    settings: cs.QUIET_SETTINGS,
    port,
  });
  const url = server.workbenchUrl(SAMPLE, [['extensionDevelopmentPath', server.remoteUri(ROOT)]]);
  console.log([
    '',
    'Plandocs: VS Code in the browser is running, with sample/ open and the extension loaded from this folder.',
    '',
    `  Open: ${url}`,
    '',
    `Log: ${server.logFile}`,
    'Press Ctrl+C to stop.',
  ].join('\n'));
}
