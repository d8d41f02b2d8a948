// `npm run package`: a production bundle (minified, no source maps), then dist/plandocs.vsix with vsce.
// The .vscodeignore whitelist keeps the package to the bundles, the manifest, README, LICENSE, icon,
// snippets and grammar; the bundles carry their dependencies, hence --no-dependencies.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const VSIX = join('dist', 'plandocs.vsix');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(process.execPath, ['scripts/build.mjs', '--production']);
mkdirSync('dist', { recursive: true });
run(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', VSIX]);
console.log(`[package] ${VSIX}: ${(statSync(VSIX).size / 1024).toFixed(0)} KB`);
