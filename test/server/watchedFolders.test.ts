// Folder events: VS Code reports a deleted or renamed folder with one event for the folder, not one
// per file inside (microsoft/vscode-languageserver-node#1317), and the client watches '**/*'.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { FileChangeType, type FileEvent } from 'vscode-languageserver-protocol/node';
import { LspClient, useServer, SampleCopy, type Diag } from '../helpers/lspClient';

const codes = (list: Diag[]) => list.map((d) => d.code).sort();
const only = (...want: string[]) => (list: Diag[]) => JSON.stringify(codes(list)) === JSON.stringify(want.sort());

describe('watched folders', () => {
  const sample = new SampleCopy();
  let client: LspClient;
  const milestone = () => sample.uri('docs/milestones/reporting-insights.md');
  const watchedAndSettled = (changes: FileEvent[]) => client.watchedAndSettled(changes, sample.path('docs/barrier.md'));

  useServer(sample, (c) => { client = c; });

  test('a new folder holding a new PRD, announced file by file, is indexed', async () => {
    fs.mkdirSync(sample.path('docs/prd/scheduled-reports'));
    await client.watched([{ uri: sample.uri('docs/prd/scheduled-reports'), type: FileChangeType.Created }]);
    const prd = sample.write('docs/prd/scheduled-reports/scheduled-reports-prd.md', '---\nid: scheduled-reports-prd\n---\n# Scheduled\n');
    await client.watched([{ uri: prd, type: FileChangeType.Created }]);
    await client.waitForDiagnostics(milestone(), (l) => l.length === 0);
    await client.waitForDiagnostics(prd, (l) => l.some((d) => d.code === 'section.missing'));
    fs.rmSync(sample.path('docs/prd/scheduled-reports'), { recursive: true });
    await client.watched([{ uri: prd, type: FileChangeType.Deleted }, { uri: sample.uri('docs/prd/scheduled-reports'), type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(milestone(), only('link.broken'));
  });

  test('deleting a PRD folder (one Deleted event for the folder) breaks the links to its PRD', async () => {
    const dir = 'docs/prd/export-reports';
    const saved = sample.read(`${dir}/export-reports-prd.md`);
    fs.rmSync(sample.path(dir), { recursive: true });
    try {
      await watchedAndSettled([{ uri: sample.uri(dir), type: FileChangeType.Deleted }]);
      assert.deepEqual(codes(client.diagnosticsOf(milestone()) ?? []), ['link.broken', 'link.broken']);
      assert.ok(codes(client.diagnosticsOf(sample.uri('docs/user-stories/export-reports/story-1.md')) ?? []).includes('ref.unknown'));
      assert.deepEqual(client.diagnosticsOf(sample.uri(`${dir}/export-reports-prd.md`)), []);
    } finally {
      sample.write(`${dir}/export-reports-prd.md`, saved);
      await watchedAndSettled([{ uri: sample.uri(dir), type: FileChangeType.Created }, { uri: sample.uri(`${dir}/export-reports-prd.md`), type: FileChangeType.Created }]);
      assert.deepEqual(codes(client.diagnosticsOf(milestone()) ?? []), ['link.broken']);
    }
  });

  test('renaming a stories folder (Deleted old folder + Created new folder) re-indexes its stories', async () => {
    const from = 'docs/user-stories/customer-notes';
    const to = 'docs/user-stories/notes';
    fs.renameSync(sample.path(from), sample.path(to));
    try {
      await watchedAndSettled([{ uri: sample.uri(from), type: FileChangeType.Deleted }, { uri: sample.uri(to), type: FileChangeType.Created }]);
      // The moved story-2 still has no PRD; the PRD's three links to the old paths are broken.
      assert.deepEqual(codes(client.diagnosticsOf(sample.uri(`${to}/story-2.md`)) ?? []), ['story.no-prd'], 'story-2 indexed at its new path');
      assert.deepEqual(codes(client.diagnosticsOf(sample.uri('docs/prd/customer-notes/customer-notes-prd.md')) ?? []), ['link.broken', 'link.broken', 'link.broken']);
      assert.deepEqual(client.diagnosticsOf(sample.uri(`${from}/story-2.md`)), []);
    } finally {
      fs.renameSync(sample.path(to), sample.path(from));
      await watchedAndSettled([{ uri: sample.uri(to), type: FileChangeType.Deleted }, { uri: sample.uri(from), type: FileChangeType.Created }]);
    }
  });
});
