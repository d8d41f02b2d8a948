// Go to definition: front matter references, links with #fragments and milestone feature links.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver-protocol/node';
import { LspClient, useServer, SampleCopy, posOf } from '../helpers/lspClient';

describe('definition', () => {
  const sample = new SampleCopy();
  let client: LspClient;

  useServer(sample, (c) => { client = c; });

  /** Asks for the definition at `needle` (+delta) in `rel`; expects a single Location. */
  async function defAt(rel: string, needle: string, delta = 0): Promise<Location | null> {
    const result = await client.definition(sample.uri(rel), posOf(sample.read(rel), needle, delta));
    if (result === null) return null;
    assert.ok(!Array.isArray(result) && 'uri' in result, `a single Location: ${JSON.stringify(result)}`);
    return result;
  }

  const headingLine = (rel: string, heading: string) => {
    const i = sample.read(rel).split('\n').indexOf(heading);
    assert.ok(i >= 0, `${heading} in ${rel}`);
    return i;
  };

  const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  test('a story\'s prd: value goes to the PRD file, line 0', async () => {
    const story = 'docs/user-stories/sales-dashboard/story-1.md';
    for (const delta of [0, 7, 'sales-dashboard-prd'.length]) {
      const loc = await defAt(story, 'sales-dashboard-prd', delta);
      assert.deepEqual(loc, { uri: sample.uri('docs/prd/sales-dashboard/sales-dashboard-prd.md'), range: TOP }, `delta ${delta}`);
    }
  });

  test('a PRD\'s milestone: value goes to the milestone', async () => {
    const loc = await defAt('docs/prd/export-reports/export-reports-prd.md', 'milestone: reporting-insights', 'milestone: '.length + 3);
    assert.deepEqual(loc, { uri: sample.uri('docs/milestones/reporting-insights.md'), range: TOP });
  });

  test('a link with #requirements goes to the PRD\'s "## Requirements" heading', async () => {
    const prd = 'docs/prd/sales-dashboard/sales-dashboard-prd.md';
    const loc = await defAt('docs/user-stories/sales-dashboard/story-2.md', 'sales-dashboard-prd.md#requirements', 3);
    const line = headingLine(prd, '## Requirements');
    assert.deepEqual(loc, { uri: sample.uri(prd), range: { start: { line, character: 0 }, end: { line, character: 0 } } });
  });

  test('a link to a ### sub-heading goes to that heading', async () => {
    const prd = 'docs/prd/advanced-search/advanced-search-prd.md';
    const loc = await defAt('docs/user-stories/advanced-search/story-2.md', 'advanced-search-prd.md#filters', 2);
    assert.equal(loc?.uri, sample.uri(prd));
    assert.equal(loc?.range.start.line, headingLine(prd, '### Filters'));
  });

  test('a Features-table PRD link in a milestone goes to that PRD', async () => {
    const ms = 'docs/milestones/customer-management.md';
    const rows: [string, string][] = [
      ['../prd/advanced-search/advanced-search-prd.md', 'docs/prd/advanced-search/advanced-search-prd.md'],
      ['../prd/customer-segmentation/customer-segmentation-prd.md', 'docs/prd/customer-segmentation/customer-segmentation-prd.md'],
      ['../prd/customer-notes/customer-notes-prd.md', 'docs/prd/customer-notes/customer-notes-prd.md'],
    ];
    for (const [dest, target] of rows) {
      assert.deepEqual(await defAt(ms, dest, 5), { uri: sample.uri(target), range: TOP }, dest);
    }
  });

  test('a link whose #fragment matches no heading still goes to the file', async () => {
    const loc = await defAt('docs/prd/customer-segmentation/customer-segmentation-prd.md', '#filters-and-facets', 4);
    assert.deepEqual(loc, { uri: sample.uri('docs/prd/advanced-search/advanced-search-prd.md'), range: TOP });
  });

  test('a broken link and an unknown prd: value have no definition', async () => {
    assert.equal(await defAt('docs/milestones/reporting-insights.md', 'scheduled-reports-prd.md', 2), null);
    assert.equal(await defAt('docs/user-stories/sales-dashboard/story-2.md', 'sales-dashbord-prd', 2), null);
  });

  test('positions outside any link have no definition', async () => {
    const ms = 'docs/milestones/customer-management.md';
    assert.equal(await defAt(ms, '# Customer Management Enhancements', 4), null);
    assert.equal(await defAt(ms, '../prd/advanced-search/advanced-search-prd.md) | High', '../prd/advanced-search/advanced-search-prd.md) '.length), null);
    assert.deepEqual(client.errorLogs(), []);
  });
});

describe('references', () => {
  const sample = new SampleCopy();
  let client: LspClient;
  useServer(sample, (c) => { client = c; });

  test('from a PRD: its milestone\'s Features row, its stories\' prd: values and links', async () => {
    const rel = 'docs/prd/advanced-search/advanced-search-prd.md';
    const refs = (await client.references(sample.uri(rel), { line: 0, character: 0 })) ?? [];
    const where = refs.map((r) => r.uri.slice(sample.uri('').length));
    assert.ok(where.includes('/docs/milestones/customer-management.md'), JSON.stringify(where));
    assert.ok(where.filter((w) => w.startsWith('/docs/user-stories/advanced-search/')).length >= 3, JSON.stringify(where));
    for (const r of refs) {
      const line = sample.read(r.uri.slice(sample.uri('').length + 1)).split('\n')[r.range.start.line];
      const text = line.slice(r.range.start.character, r.range.end.character);
      assert.ok(text === 'advanced-search-prd' || text.includes('advanced-search-prd.md'), `${r.uri}: ${text}`);
    }
  });
});
