// Runs VS Code in the browser: code-server (VS Code server + web workbench, installed by
// `npm run setup:e2e` into .vscode-test/) on 127.0.0.1, and a headless Chromium for the tests.
// Used by `npm start` (when desktop VS Code is not on the PATH) and by the end-to-end tests.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..');
export const CS_VERSION = process.env.CS_VERSION ?? '4.96.4';
const CS_DIR = process.env.CODE_SERVER_DIR ?? path.join(ROOT, '.vscode-test', `code-server-${CS_VERSION}`);
const CS_ENTRY = path.join(CS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why code-server or Chromium cannot run here, with what to do about it; undefined when both are installed. */
export function missingInstall(opts: { browser: boolean }): string | undefined {
  const missing: string[] = [];
  if (!fs.existsSync(path.join(CS_DIR, '.ready')) || !fs.existsSync(CS_ENTRY)) missing.push(`code-server ${CS_VERSION} (in ${CS_DIR})`);
  if (opts.browser && !fs.existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM}; or set CHROMIUM_PATH)`);
  if (missing.length === 0) return undefined;
  return `Not installed: ${missing.join(' and ')}.\nInstall with: npm run setup:e2e   (Debian packages with apt-get, and code-server from the npm registry into .vscode-test/; about a minute and 350 MB)`;
}

/** User settings that keep the workbench quiet and offline. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.colorTheme': 'Default Light Modern',
  'git.openRepositoryInParentFolders': 'never',
};

export interface CodeServerOptions {
  /** Where code-server keeps its user data, extensions and config (a fresh temporary folder by default; removed on stop unless given). */
  stateDir?: string;
  /** User settings.json (written only when the file does not exist yet, so a kept stateDir keeps the user's changes). */
  settings?: Record<string, unknown>;
  /** A .vsix to install before starting. */
  vsix?: string;
  /** 0 (default) lets the system pick a free port. */
  port?: number;
  /** Extra environment for code-server and what it starts (extension hosts inherit it). */
  env?: Record<string, string>;
}

export interface CodeServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT, the authority of vscode-remote:// URIs. */
  authority: string;
  pid: number;
  logFile: string;
  /** The workbench URL that opens `folder`, optionally with a VS Code "payload" (extension development, tests). */
  workbenchUrl(folder: string, payload?: [string, string][]): string;
  /** The vscode-remote:// URI of a path on this machine. */
  remoteUri(p: string): string;
  /** Stops code-server and every process it started (extension hosts, language servers, watchers); keeps the logs in `keepLogIn`. */
  stop(keepLogIn?: string): Promise<void>;
}

export async function startCodeServer(opts: CodeServerOptions = {}): Promise<CodeServer> {
  const problem = missingInstall({ browser: false });
  if (problem) throw new Error(problem);
  const temporary = !opts.stateDir;
  const state = opts.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'plandocs-code-server-'));
  const dirs = { userData: path.join(state, 'user-data'), exts: path.join(state, 'extensions'), xdg: path.join(state, 'xdg') };
  for (const d of [path.join(dirs.userData, 'User'), dirs.exts, dirs.xdg]) fs.mkdirSync(d, { recursive: true });
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  if (opts.settings && !fs.existsSync(settingsFile)) fs.writeFileSync(settingsFile, JSON.stringify(opts.settings, null, 2) + '\n');
  // An empty config file: otherwise code-server creates ~/.config/code-server/config.yaml with a password.
  const config = path.join(state, 'config.yaml');
  if (!fs.existsSync(config)) fs.writeFileSync(config, 'auth: none\ncert: false\n');
  // ... and XDG folders of its own, so that nothing is written to ~/.config or ~/.local/share.
  const env = {
    ...process.env,
    ...opts.env,
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
  };
  const common = ['--config', config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.exts];
  if (opts.vsix) execFileSync(process.execPath, [CS_ENTRY, ...common, '--install-extension', opts.vsix, '--force'], { env, stdio: 'pipe' });

  const logFile = path.join(state, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  // detached: code-server and all its children get a process group of their own, stopped as one.
  const child: ChildProcess = spawn(process.execPath, [CS_ENTRY, ...common,
    '--bind-addr', `127.0.0.1:${opts.port ?? 0}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'],
  { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid!;
  trackGroup(pid);
  let out = '';
  const onData = (b: Buffer) => { out += b.toString(); fs.writeSync(log, b); };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  const stop = async (keepLogIn?: string) => {
    await killGroup(pid);
    live.delete(pid);
    fs.closeSync(log);
    if (keepLogIn) {
      // code-server's own log, and VS Code's (extension host, remote agent, the Plandocs output channel)
      fs.rmSync(keepLogIn, { recursive: true, force: true });
      fs.mkdirSync(keepLogIn, { recursive: true });
      fs.copyFileSync(logFile, path.join(keepLogIn, 'code-server.log'));
      const vscodeLogs = path.join(dirs.userData, 'logs');
      if (fs.existsSync(vscodeLogs)) fs.cpSync(vscodeLogs, path.join(keepLogIn, 'logs'), { recursive: true });
    }
    if (temporary) fs.rmSync(state, { recursive: true, force: true });
  };

  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error('code-server did not start within 60 s:\n' + out)), 60_000);
      const check = () => {
        const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) done(undefined, m[1]);
      };
      const onExit = (code: number | null) => done(new Error(`code-server exited with ${code}:\n${out}`));
      function done(err?: Error, value?: string) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        child.off('exit', onExit);
        if (err) reject(err); else resolve(value!);
      }
      child.stdout!.on('data', check);
      child.on('exit', onExit);
      check();
    });
  } catch (e) {
    await stop();
    throw e;
  }
  // Once running, output only goes to the log file.
  child.stdout!.off('data', onData);
  child.stderr!.off('data', onData);
  child.stdout!.on('data', (b: Buffer) => fs.writeSync(log, b));
  child.stderr!.on('data', (b: Buffer) => fs.writeSync(log, b));
  const authority = new URL(url).host;
  return {
    url,
    authority,
    pid,
    logFile,
    workbenchUrl(folder, payload) {
      let u = `${url}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
      if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return u;
    },
    remoteUri: (p) => `vscode-remote://${authority}${p}`,
    stop,
  };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the process group, then SIGKILL for what is left after `graceMs`. */
export async function killGroup(pgid: number, graceMs = 3000): Promise<void> {
  try { process.kill(-pgid, 'SIGTERM'); } catch { return; }
  const end = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
}

function killGroupNow(pgid: number): void {
  try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
}

// Whatever way this process ends (an uncaught error, process.exit in a signal handler), the code-servers
// it started go with it: they run detached, in process groups of their own.
const live = new Set<number>();
function trackGroup(pgid: number): void {
  if (live.size === 0 && !exitHooked) {
    exitHooked = true;
    process.on('exit', () => { for (const g of live) killGroupNow(g); });
  }
  live.add(pgid);
}
let exitHooked = false;

/** Debian's Chromium, headless, driven by playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
