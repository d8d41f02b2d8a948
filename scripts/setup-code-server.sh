#!/usr/bin/env bash
# `npm run setup:e2e`: installs what `npm start` (without desktop VS Code) and the end-to-end tests need:
# code-server (VS Code server + web workbench, from the npm registry) and a headless Chromium (Debian).
# Uses only the npm registry and Debian's apt repositories: no GitHub, no VS Code download servers.
# Idempotent: a finished install is marked with .ready and skipped the next time.
set -euo pipefail

CS_VERSION="${CS_VERSION:-4.96.4}"          # code-server 4.96.4 = VS Code 1.96.4; runs on Node 20
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server-$CS_VERSION}"
NPM_QUIET=(--no-audit --no-fund --loglevel=error)
log() { echo "[setup:e2e] $*"; }

# --- 1. OS packages (Debian): headless Chromium and fonts; ripgrep for VS Code's search; a C++
#        toolchain and Python for the native modules code-server builds with node-gyp ------------------
need_apt=()
# SETUP_BROWSER=0 (npm start's first run) skips the test browser: only code-server is needed then
if [ -z "${CHROMIUM_PATH:-}" ] && [ "${SETUP_BROWSER:-1}" != 0 ]; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium fonts-dejavu-core)
fi
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
{ command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1; } || need_apt+=(build-essential)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
if ((${#need_apt[@]})); then
  if [ "$(id -u)" != 0 ]; then
    echo "[setup:e2e] please install these Debian packages first (as root): apt-get install ${need_apt[*]}" >&2
    exit 1
  fi
  log "apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ -f "$DEST/.ready" ]; then log "code-server $CS_VERSION is already installed in $DEST"; exit 0; fi
log "installing code-server $CS_VERSION into $DEST"
rm -rf "$DEST"; mkdir -p "$DEST"; cd "$DEST"
echo '{"name":"plandocs-code-server","private":true}' > package.json

# --- 2. code-server; its postinstall would fetch a GitHub dependency, so its steps are done by hand ---
npm install "${NPM_QUIET[@]}" --ignore-scripts "code-server@$CS_VERSION"
npm rebuild "${NPM_QUIET[@]}" argon2      # the prebuilt download fails, so node-pre-gyp builds it

VS="$DEST/node_modules/code-server/lib/vscode"
cd "$VS"
# The only non-registry dependency, @vscode/proxy-agent, is pinned to a GitHub commit; the registry's
# 0.27.0 tarball has the very same integrity hash, so the shrinkwrap is pointed at it.
sed -i -E 's#"resolved": "git\+ssh://git@github.com/microsoft/vscode-proxy-agent.git\#[0-9a-f]+"#"resolved": "https://registry.npmjs.org/@vscode/proxy-agent/-/proxy-agent-0.27.0.tgz"#' npm-shrinkwrap.json
if grep -q 'git+ssh://' npm-shrinkwrap.json; then echo "[setup:e2e] the shrinkwrap still has git dependencies" >&2; exit 1; fi
npm install "${NPM_QUIET[@]}" --omit=dev --ignore-scripts

# @vscode/ripgrep's postinstall downloads rg from GitHub unless bin/ exists: use Debian's rg instead.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# Native modules, built by node-gyp against the local Node headers. kerberos (proxy authentication
# only; needs libkrb5-dev) and the Windows-only modules are skipped on purpose.
npm rebuild "${NPM_QUIET[@]}" @vscode/spdlog node-pty native-watchdog @parcel/watcher @vscode/ripgrep

# The rest of code-server's postinstall.sh
ln -sfn node_modules node_modules.asar
ln -sf code-linux.sh bin/remote-cli/code-server
ln -sf browser-linux.sh bin/helpers/browser.sh
(cd extensions && npm install "${NPM_QUIET[@]}" --omit=dev >/dev/null)   # TypeScript for the built-in extensions

node "$DEST/node_modules/code-server/out/node/entry.js" --version >/dev/null
touch "$DEST/.ready"
log "done: $(du -sh "$DEST" | cut -f1) in $DEST"
