// Runs the TextMate grammar tests (test/grammar/*.test.md) with vscode-tmgrammar-test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

test('injection grammar scopes story keywords, Given/When/Then, priorities and statuses (not in code)', () => {
  const bin = join('node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
  const r = spawnSync(process.execPath, [bin, '--config', 'test/grammar/grammars.json', 'test/grammar/*.test.md'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `grammar tests failed:\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /test\/grammar\/story\.test\.md/, 'the grammar test files were run');
});
