// Traceability live: files created, changed, deleted and renamed on disk (workspace/didChangeWatchedFiles)
// update the diagnostics of every doc that links to or references them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { LspClient, useServer, SampleCopy, lineOf, type Diag } from '../helpers/lspClient';
import { SCHEDULED_PRD } from '../helpers/fixtures';

const codes = (list: Diag[]) => list.map((d) => d.code);
const only = (...want: string[]) => (list: Diag[]) => JSON.stringify(codes(list).sort()) === JSON.stringify(want.sort());


describe('watched files', () => {
  const sample = new SampleCopy();
  let client: LspClient;
  const milestoneRI = () => sample.uri('docs/milestones/reporting-insights.md');
  const milestoneCM = () => sample.uri('docs/milestones/customer-management.md');
  const slice = (rel: string, d: Diag) =>
    lineOf(sample.read(rel), d.range.start.line).slice(d.range.start.character, d.range.end.character);

  useServer(sample, (c) => { client = c; });

  test('creating the missing scheduled-reports PRD clears the milestone\'s link.broken', async () => {
    assert.deepEqual(codes(client.diagnosticsOf(milestoneRI()) ?? []), ['link.broken']);
    const uri = sample.write('docs/prd/scheduled-reports/scheduled-reports-prd.md', SCHEDULED_PRD);
    await client.watched([{ uri, type: FileChangeType.Created }]);
    await client.waitForDiagnostics(milestoneRI(), (l) => l.length === 0);
    await client.waitForDiagnostics(uri, (l) => l.length === 0);
  });

  test('deleting a PRD breaks the milestone link and the stories\' prd: references', async () => {
    const rel = 'docs/prd/sales-dashboard/sales-dashboard-prd.md';
    const text = sample.read(rel);
    const story1 = 'docs/user-stories/sales-dashboard/story-1.md';
    const story2 = 'docs/user-stories/sales-dashboard/story-2.md';
    fs.rmSync(sample.path(rel));
    await client.watched([{ uri: sample.uri(rel), type: FileChangeType.Deleted }]);

    const [m] = await client.waitForDiagnostics(milestoneRI(), only('link.broken'));
    assert.equal(slice('docs/milestones/reporting-insights.md', m), '../prd/sales-dashboard/sales-dashboard-prd.md');
    const s1 = await client.waitForDiagnostics(sample.uri(story1), only('ref.unknown', 'link.broken'));
    assert.equal(slice(story1, s1.find((d) => d.code === 'ref.unknown')!), 'sales-dashboard-prd');
    assert.match(slice(story1, s1.find((d) => d.code === 'link.broken')!), /^\.\.\/\.\.\/prd\/sales-dashboard\/sales-dashboard-prd\.md/);
    // story-2 already had the typo; its body link to the PRD's #requirements is now broken too.
    const s2 = await client.waitForDiagnostics(sample.uri(story2), only('ref.unknown', 'link.broken'));
    assert.equal(slice(story2, s2.find((d) => d.code === 'link.broken')!), '../../prd/sales-dashboard/sales-dashboard-prd.md#requirements');
    // The deleted doc's own diagnostics are cleared.
    assert.deepEqual(client.diagnosticsOf(sample.uri(rel)), []);

    sample.write(rel, text);
    await client.watched([{ uri: sample.uri(rel), type: FileChangeType.Created }]);
    await client.waitForDiagnostics(milestoneRI(), (l) => l.length === 0);
    await client.waitForDiagnostics(sample.uri(story1), (l) => l.length === 0);
    await client.waitForDiagnostics(sample.uri(story2), only('ref.unknown'));
  });

  test('renaming a PRD (Deleted old + Created new) breaks path links but not id references', async () => {
    const oldRel = 'docs/prd/advanced-search/advanced-search-prd.md';
    const newRel = 'docs/prd/advanced-search/search-prd.md';
    const segmentation = sample.uri('docs/prd/customer-segmentation/customer-segmentation-prd.md');
    const story1 = 'docs/user-stories/advanced-search/story-1.md';
    const story3 = sample.uri('docs/user-stories/advanced-search/story-3.md');
    fs.renameSync(sample.path(oldRel), sample.path(newRel));
    await client.watched([
      { uri: sample.uri(oldRel), type: FileChangeType.Deleted },
      { uri: sample.uri(newRel), type: FileChangeType.Created },
    ]);

    const [m] = await client.waitForDiagnostics(milestoneCM(), only('link.broken'));
    assert.equal(slice('docs/milestones/customer-management.md', m), '../prd/advanced-search/advanced-search-prd.md');
    await client.waitForDiagnostics(segmentation, only('link.broken'));
    const [l] = await client.waitForDiagnostics(sample.uri(story1), only('link.broken'));
    assert.equal(slice(story1, l), '../../prd/advanced-search/advanced-search-prd.md#requirements');
    // story-3's only PRD reference that still works is `prd: advanced-search-prd` (an id).
    await client.waitForDiagnostics(story3, only('link.broken'));
    await client.waitForDiagnostics(sample.uri(newRel), (x) => x.length === 0);

    fs.renameSync(sample.path(newRel), sample.path(oldRel));
    await client.watched([
      { uri: sample.uri(newRel), type: FileChangeType.Deleted },
      { uri: sample.uri(oldRel), type: FileChangeType.Created },
    ]);
    await client.waitForDiagnostics(milestoneCM(), (x) => x.length === 0);
    await client.waitForDiagnostics(segmentation, only('link.broken-heading'));
    await client.waitForDiagnostics(sample.uri(story1), (x) => x.length === 0);
    await client.waitForDiagnostics(story3, (x) => x.length === 0);
    assert.deepEqual(client.diagnosticsOf(sample.uri(newRel)), []);
  });

  test('a file changed on disk is re-read', async () => {
    const rel = 'docs/user-stories/customer-notes/story-2.md';
    const uri = sample.uri(rel);
    assert.deepEqual(codes(client.diagnosticsOf(uri) ?? []), ['story.no-prd']);
    sample.write(rel, sample.read(rel).replace('status: in-progress\n', 'status: in-progress\nprd: customer-notes-prd\n'));
    await client.watched([{ uri, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(uri, (l) => l.length === 0);
  });

  test('link targets outside the docs root (but in the workspace folder) are tracked too', async () => {
    const rel = 'docs/milestones/customer-management.md';
    const uri = sample.write(rel, sample.read(rel) + '\nSee the [changelog](../../CHANGELOG.md).\n');
    await client.watched([{ uri, type: FileChangeType.Changed }]);
    const [d] = await client.waitForDiagnostics(uri, only('link.broken'));
    assert.match(d.message, /CHANGELOG\.md does not exist/);
    const changelog = sample.write('CHANGELOG.md', '# Changes\n');
    await client.watched([{ uri: changelog, type: FileChangeType.Created }]);
    await client.waitForDiagnostics(uri, (l) => l.length === 0);
    fs.rmSync(sample.path('CHANGELOG.md'));
    await client.watched([{ uri: changelog, type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(uri, only('link.broken'));
  });

  test('events for files outside the workspace folder change nothing', async () => {
    const before = JSON.stringify([...client.diagnostics]);
    await client.watched([{ uri: 'file:///elsewhere/docs/prd/x/x-prd.md', type: FileChangeType.Created }]);
    assert.equal(await client.hover(milestoneRI(), { line: 0, character: 0 }), null);
    assert.equal(JSON.stringify([...client.diagnostics]), before);
    assert.deepEqual(client.errorLogs(), []);
  });
});
