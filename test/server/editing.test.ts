// Checks as you type: edits in open editors update the doc's diagnostics and those of the docs that
// depend on it; closing an editor with unsaved edits goes back to the file on disk.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, useServer, SampleCopy, lineOf, type Diag } from '../helpers/lspClient';

const codes = (list: Diag[]) => list.map((d) => d.code);
const has = (code: string) => (list: Diag[]) => codes(list).includes(code);

describe('edit as you type', () => {
  const sample = new SampleCopy();
  let client: LspClient;

  useServer(sample, (c) => { client = c; });

  test('deleting a PRD\'s "## Success Metrics" heading reports section.missing; restoring it clears it', async () => {
    const rel = 'docs/prd/sales-dashboard/sales-dashboard-prd.md';
    const uri = sample.uri(rel);
    const text = sample.read(rel);
    assert.deepEqual(client.diagnosticsOf(uri), []);
    await client.open(uri, text);
    const edited = text.replace('## Success Metrics\n', '');
    await client.change(uri, edited);
    const list = await client.waitForDiagnostics(uri, has('section.missing'));
    assert.equal(list.length, 1, JSON.stringify(list));
    assert.match(list[0].message, /"Success Metrics"/);
    assert.equal(list[0].source, 'plandocs');
    assert.equal(lineOf(edited, list[0].range.start.line), '## User Stories', 'where the section belongs');
    await client.change(uri, text);
    await client.waitForDiagnostics(uri, (l) => l.length === 0);
    await client.close(uri);
  });

  test('a story\'s prd: changed to an unknown id reports ref.unknown; fixing it clears it', async () => {
    const rel = 'docs/user-stories/sales-dashboard/story-1.md';
    const uri = sample.uri(rel);
    const text = sample.read(rel);
    await client.open(uri, text);
    const broken = text.replace('prd: sales-dashboard-prd', 'prd: no-such-prd');
    assert.notEqual(broken, text);
    await client.change(uri, broken);
    const [d] = await client.waitForDiagnostics(uri, has('ref.unknown'));
    assert.equal(d.code, 'ref.unknown');
    assert.equal(lineOf(broken, d.range.start.line).slice(d.range.start.character, d.range.end.character), 'no-such-prd');
    assert.match(d.message, /no-such-prd/);
    await client.change(uri, text);
    await client.waitForDiagnostics(uri, (l) => l.length === 0);
    await client.close(uri);
  });

  test('fixing the sample\'s prd: typo clears its ref.unknown and no story.no-prd appears', async () => {
    const rel = 'docs/user-stories/sales-dashboard/story-2.md';
    const uri = sample.uri(rel);
    const text = sample.read(rel);
    assert.deepEqual(codes(client.diagnosticsOf(uri) ?? []), ['ref.unknown']);
    await client.open(uri, text);
    await client.change(uri, text.replace('sales-dashbord-prd', 'sales-dashboard-prd'));
    await client.waitForDiagnostics(uri, (l) => l.length === 0);
    await client.close(uri);
    await client.waitForDiagnostics(uri, has('ref.unknown'));
  });

  test('renaming a heading in one doc updates link.broken-heading in a doc that is not open', async () => {
    const rel = 'docs/prd/advanced-search/advanced-search-prd.md';
    const uri = sample.uri(rel);
    const linking = sample.uri('docs/prd/customer-segmentation/customer-segmentation-prd.md');
    const story = sample.uri('docs/user-stories/advanced-search/story-2.md'); // links to #filters
    const text = sample.read(rel);
    assert.deepEqual(codes(client.diagnosticsOf(linking) ?? []), ['link.broken-heading']);
    await client.open(uri, text);
    await client.change(uri, text.replace('### Filters\n', '### Filters and Facets\n'));
    await client.waitForDiagnostics(linking, (l) => l.length === 0);
    const [d] = await client.waitForDiagnostics(story, has('link.broken-heading'));
    assert.match(d.message, /#filters/);
    // Closing without saving: the disk is the truth again.
    await client.close(uri);
    await client.waitForDiagnostics(linking, has('link.broken-heading'));
    await client.waitForDiagnostics(story, (l) => l.length === 0);
  });

  test('a burst of edits ends in the diagnostics of the last text', async () => {
    const rel = 'docs/prd/customer-notes/customer-notes-prd.md';
    const uri = sample.uri(rel);
    const text = sample.read(rel);
    await client.open(uri, text);
    const sections = ['## Overview\n', '## Goals\n', '## Requirements\n', '## User Stories\n'];
    let current = text;
    for (const s of sections) {
      current = current.replace(s, '');
      await client.change(uri, current);
    }
    const list = await client.waitForDiagnostics(uri, (l) => l.filter((d) => d.code === 'section.missing').length === 4);
    assert.deepEqual(list.map((d) => /"(.*?)"/.exec(d.message)?.[1]).sort(), ['Goals', 'Overview', 'Requirements', 'User Stories']);
    await client.change(uri, text);
    await client.waitForDiagnostics(uri, (l) => l.length === 0);
    await client.close(uri);
  });

  test('edits to a file outside the docs root publish nothing', async () => {
    const uri = sample.uri('PROBLEMS.md');
    await client.open(uri, '# Problems\n\n[broken](./nowhere.md)\n');
    // A request after the notification is answered after it was handled.
    assert.equal(await client.hover(uri, { line: 2, character: 12 }), null);
    assert.equal(client.diagnostics.has(uri), false);
    await client.close(uri);
  });
});
