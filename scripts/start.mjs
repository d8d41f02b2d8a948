// `npm start`: builds, then checks the sample workspace with the same engine the editor uses.
// (Opening the sample in a real VS Code is the next step; see the README.)
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
const build = run(process.execPath, ['scripts/build.mjs']);
if (build.status !== 0) process.exit(build.status ?? 1);
console.log('Plandocs: checking sample/ (it has five deliberate problems, see sample/PROBLEMS.md)\n');
const r = run(process.execPath, ['server/out/cli.js', 'check', 'sample']);
process.exit(r.status === 2 ? 0 : r.status ?? 1);
