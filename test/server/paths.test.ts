// A workspace folder whose path has spaces, '#' and '%': URIs are encoded, links resolve the same.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { LspClient, useServer, SampleCopy, posOf } from '../helpers/lspClient';

describe('odd workspace folder names', () => {
  const sample = new SampleCopy('my plan #1 100%20');
  let client: LspClient;

  useServer(sample, (c) => { client = c; });

  test('the URIs are percent-encoded and the five problems are published', () => {
    assert.match(sample.uri('docs'), /my%20plan%20%231%20100%2520\/docs$/);
    const dirty = [...client.diagnostics].filter(([, l]) => l.length > 0).map(([u, l]) => [u, l.map((d) => d.code).join()]).sort();
    assert.deepEqual(dirty, [
      [sample.uri('docs/milestones/reporting-insights.md'), 'link.broken'],
      [sample.uri('docs/prd/customer-segmentation/customer-segmentation-prd.md'), 'link.broken-heading'],
      [sample.uri('docs/prd/export-reports/export-reports-prd.md'), 'section.missing'],
      [sample.uri('docs/user-stories/customer-notes/story-2.md'), 'story.no-prd'],
      [sample.uri('docs/user-stories/sales-dashboard/story-2.md'), 'ref.unknown'],
    ]);
  });

  test('definition answers URIs in the same encoding', async () => {
    const rel = 'docs/user-stories/sales-dashboard/story-1.md';
    const loc = await client.definition(sample.uri(rel), posOf(sample.read(rel), 'sales-dashboard-prd', 2));
    assert.deepEqual(loc, { uri: sample.uri('docs/prd/sales-dashboard/sales-dashboard-prd.md'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  });

  test('percent-encoded links to files with spaces resolve; a created file clears a broken link', async () => {
    const rel = 'docs/user-stories/sales-dashboard/story-1.md';
    const uri = sample.uri(rel);
    const text = sample.read(rel) + '\nSee the [design notes](../../design%20notes/notes%20%231.md).\n';
    await client.open(uri, text);
    const [d] = await client.waitForDiagnostics(uri, (l) => l.length === 1);
    assert.equal(d.code, 'link.broken');
    assert.match(d.message, /design notes\/notes #1\.md/);
    const created = sample.write('docs/design notes/notes #1.md', '# Design notes\n');
    await client.watched([{ uri: created, type: FileChangeType.Created }]);
    await client.waitForDiagnostics(uri, (l) => l.length === 0);
    const loc = await client.definition(uri, posOf(text, 'design%20notes/', 3));
    assert.deepEqual(loc && 'uri' in loc ? loc.uri : loc, created);
    await client.close(uri);
  });
});
