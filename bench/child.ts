// One measurement in a fresh process, so that its peak RSS is its own and its JIT is cold.
// Usage (run.ts does this): node --expose-gc --require tsx/cjs bench/child.ts <task> <root> [seed] [edits]
// The result is printed as the last stdout line, prefixed with RESULT_PREFIX.
import { join } from 'node:path';
import { anchor } from './anchor';
import { floor } from './floor';
import { cold, warm } from './plandocs';

export const RESULT_PREFIX = '@@bench-result ';

export type Task = 'floor' | 'cold' | 'warm' | 'anchor';

async function runTask(task: Task, root: string, seed: number, edits: number): Promise<unknown> {
  switch (task) {
    case 'floor': return floor(join(root, 'docs'));
    case 'cold': return cold(root);
    case 'warm': return warm(root, seed, edits);
    case 'anchor': return anchor(root);
  }
}

async function main(): Promise<void> {
  const [task, root, seed = '42', edits = '1000'] = process.argv.slice(2);
  if (!['floor', 'cold', 'warm', 'anchor'].includes(task) || !root) {
    console.error('usage: child.ts floor|cold|warm|anchor <corpus root> [seed] [edits]');
    process.exit(2);
  }
  const result = await runTask(task as Task, root, Number(seed), Number(edits));
  process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
