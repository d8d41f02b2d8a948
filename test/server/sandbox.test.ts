// The language server opens no network connection and starts no process, whatever it is asked.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { LspClient, useServer, REPO, SampleCopy, posOf } from '../helpers/lspClient';

const PRELOAD = path.join(REPO, 'test', 'helpers', 'sandbox.cjs');

describe('sandbox', () => {
  const sample = new SampleCopy();
  let client: LspClient;

  useServer(sample, (c) => { client = c; }, { nodeArgs: ['--require', PRELOAD] });

  test('the trap works (a control: the preload reports a process start)', () => {
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "require('child_process').execSync('true')"], { encoding: 'utf8' });
    assert.match(r.stderr, /PLANDOCS-SANDBOX-VIOLATION child_process\.execSync/);
  });

  test('indexing, editing, hover, definition, quick fixes and commands touch no network or process', async () => {
    const rel = 'docs/milestones/customer-management.md';
    const text = sample.read(rel);
    await client.hover(sample.uri(rel), posOf(text, 'advanced-search-prd.md', 2));
    await client.definition(sample.uri(rel), posOf(text, 'advanced-search-prd.md', 2));
    await client.open(sample.uri(rel), text + '\n[x](https://example.com/a.md) [y](file:///etc/hostname) [z](../../../../etc/passwd)\n');
    await client.waitForDiagnostics(sample.uri(rel), (l) => l.some((d) => d.code === 'link.outside-workspace'));
    await client.codeActions(sample.uri(rel), { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } }, []);
    await client.executeCommand('plandocs.newMilestone', { title: 'Sandboxed' });
    await client.watched([{ uri: sample.uri('docs/milestones/sandboxed.md'), type: 1 }]);
    await client.waitForDiagnostics(sample.uri('docs/milestones/sandboxed.md'), () => true);
    assert.doesNotMatch(client.stderr, /PLANDOCS-SANDBOX-VIOLATION/, client.stderr);
    assert.deepEqual(client.errorLogs(), []);
  });
});
