#!/usr/bin/env node
// `plandocs check` (the editor's checks, for CI) and `plandocs new` (docs from templates).
// Exit codes: 0 clean / done, 2 issues found, 1 usage error, missing folder or refused creation.
import { existsSync, statSync } from 'fs';
import * as path from 'path';
import { CreateError } from '../core';
import { parseArgs, USAGE } from './args';
import { runCheck } from './check';
import { runNew } from './new';

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    process.stderr.write(`plandocs: ${args.error}\n\n${USAGE}`);
    return 1;
  }
  if (args.cmd === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const folder = path.resolve(args.folder);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    process.stderr.write(`plandocs: no such folder: ${args.folder}\n`);
    return 1;
  }
  if (args.cmd === 'new') {
    try {
      process.stdout.write(await runNew(args));
      return 0;
    } catch (e) {
      if (e instanceof CreateError) { process.stderr.write(`plandocs: ${e.message}\n`); return 1; }
      throw e;
    }
  }
  const result = await runCheck(folder, args.docsRoot);
  if (result.error) {
    process.stderr.write(`plandocs: ${result.error}\n`);
    return 1;
  }
  process.stdout.write(args.format === 'json' ? JSON.stringify(result.items, null, 2) + '\n' : result.text);
  return result.items.length > 0 ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`plandocs: ${e instanceof Error ? e.stack : String(e)}\n`); process.exitCode = 1; },
);
