// Multi-root: workspace folders added and removed while the server runs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DidChangeWorkspaceFoldersNotification } from 'vscode-languageserver-protocol/node';
import { LspClient, SampleCopy, fileUri } from '../helpers/lspClient';

describe('workspace folders', () => {
  const first = new SampleCopy();
  const second = new SampleCopy();
  let client: LspClient;
  const problems = (s: SampleCopy) => [
    'docs/milestones/reporting-insights.md',
    'docs/prd/customer-segmentation/customer-segmentation-prd.md',
    'docs/prd/export-reports/export-reports-prd.md',
    'docs/user-stories/customer-notes/story-2.md',
    'docs/user-stories/sales-dashboard/story-2.md',
  ].map((f) => s.uri(f));
  const dirty = () => [...client.diagnostics].filter(([, l]) => l.length > 0).map(([u]) => u).sort();
  const changeFolders = (added: SampleCopy[], removed: SampleCopy[]) =>
    client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: {
        added: added.map((s) => ({ uri: fileUri(s.dir), name: 'added' })),
        removed: removed.map((s) => ({ uri: fileUri(s.dir), name: 'removed' })),
      },
    });

  before(async () => {
    client = await LspClient.start({ folder: first.dir });
    await client.waitForPublished(first.docs().map((f) => first.uri(f)));
  });
  after(async () => {
    await client?.shutdown();
    first.cleanup();
    second.cleanup();
  });

  test('an added folder is indexed with its own settings and published', async () => {
    const asked = client.configRequests.length;
    await changeFolders([second], []);
    await client.waitForPublished(second.docs().map((f) => second.uri(f)), 5000, 2);
    assert.deepEqual(dirty(), [...problems(first), ...problems(second)].sort());
    assert.ok(client.configRequests.slice(asked).some((items) => items.some((i) => i.scopeUri === fileUri(second.dir))));
  });

  test('each folder resolves its own links', async () => {
    const rel = 'docs/user-stories/sales-dashboard/story-1.md';
    const loc = await client.definition(second.uri(rel), { line: 4, character: 8 });
    assert.deepEqual(loc && 'uri' in loc ? loc.uri : loc, second.uri('docs/prd/sales-dashboard/sales-dashboard-prd.md'));
  });

  test('a removed folder has its diagnostics cleared and answers no more requests', async () => {
    await changeFolders([], [first]);
    for (const uri of problems(first)) await client.waitForDiagnostics(uri, (l) => l.length === 0);
    assert.deepEqual(dirty(), problems(second).sort());
    const rel = 'docs/user-stories/sales-dashboard/story-1.md';
    assert.equal(await client.definition(first.uri(rel), { line: 4, character: 8 }), null);
    assert.deepEqual(client.errorLogs(), []);
  });
});
