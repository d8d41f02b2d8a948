// A burst of edits is coalesced: the server does not publish per keystroke, and the last state wins.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, SampleCopy, useServer } from '../helpers/lspClient';

describe('a burst of 1,000 edits', () => {
  const sample = new SampleCopy();
  let client: LspClient;

  useServer(sample, (c) => { client = c; });

  test('is coalesced, and the last text wins', async () => {
    const rel = 'docs/user-stories/advanced-search/story-1.md';
    const uri = sample.uri(rel);
    const base = sample.read(rel);
    await client.open(uri, base);
    await client.waitForDiagnostics(uri, (l) => l.length === 0);
    const before = client.publishCount.get(uri) ?? 0;
    const pending: Promise<void>[] = [];
    for (let i = 1; i <= 1000; i++) {
      const broken = Array.from({ length: i % 7 }, (_, k) => `[b${k}](nope-${k}.md)`).join(' ');
      pending.push(client.change(uri, `${base}\n${broken}\n`));
    }
    await Promise.all(pending);
    // 1000 % 7 = 6 broken links in the last text
    const final = await client.waitForDiagnostics(uri, (l) => l.filter((d) => d.code === 'link.broken').length === 6, 10_000);
    assert.equal(final.length, 6);
    const published = (client.publishCount.get(uri) ?? 0) - before;
    assert.ok(published >= 1 && published <= 50, `published ${published} times for 1,000 edits`);
    await client.close(uri);
  });
});
