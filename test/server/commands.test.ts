// The creation commands through workspace/executeCommand: the edit they ask the client to apply,
// what they answer, and refusals. Quick fixes through textDocument/codeAction.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient, useServer, SampleCopy, applyWorkspaceEditToDisk } from '../helpers/lspClient';

interface Result { uri: string; selection: { start: { line: number } }; changed: string[] }

describe('commands', () => {
  const sample = new SampleCopy();
  let client: LspClient;

  useServer(sample, (c) => { client = c; });

  const run = (command: string, args: unknown) => client.executeCommand(command, args) as Promise<Result>;
  const created = (rel: string) => client.watched([{ uri: sample.uri(rel), type: 1 }]);

  test('the commands are advertised to clients that do not register them themselves', () => {
    // (the VS Code client registers its own prompting commands; other editors see these)
    assert.ok(client.serverCommands.includes('plandocs.newMilestone'));
    assert.ok(client.serverCommands.includes('plandocs.newStory'));
  });

  test('plandocs.newMilestone creates the file from the template in one edit', async () => {
    const edits = client.edits.length;
    const r = await run('plandocs.newMilestone', { title: 'Mobile Beta', start: '2026-07-06', end: '2026-09-25' });
    assert.equal(r.uri, sample.uri('docs/milestones/mobile-beta.md'));
    assert.deepEqual(r.changed, [r.uri]);
    assert.equal(client.edits.length, edits + 1, 'one WorkspaceEdit');
    const [create, fill] = client.edits[edits].documentChanges ?? [];
    assert.deepEqual(create, { kind: 'create', uri: r.uri, options: { overwrite: false, ignoreIfExists: false } });
    assert.ok(fill && 'edits' in fill);
    const text = sample.read('docs/milestones/mobile-beta.md');
    assert.match(text, /^---\nid: mobile-beta\ntitle: Mobile Beta\nstatus: planned\nstart: 2026-07-06\nend: 2026-09-25\n---\n/);
    assert.match(text.split('\n')[r.selection.start.line], /^_/, 'the first section\'s guidance is selected');
    await created('docs/milestones/mobile-beta.md');
  });

  test('plandocs.newPrd creates the PRD and adds its row to the milestone\'s Features table', async () => {
    await client.waitUntil(() => (client.diagnostics.has(sample.uri('docs/milestones/mobile-beta.md')) ? true : undefined), 5000, () => 'milestone indexed');
    const r = await run('plandocs.newPrd', { title: 'Offline mode', milestone: 'mobile-beta', priority: 'High' });
    assert.equal(r.uri, sample.uri('docs/prd/offline-mode/offline-mode-prd.md'));
    assert.deepEqual(r.changed.sort(), [r.uri, sample.uri('docs/milestones/mobile-beta.md')].sort());
    assert.match(sample.read('docs/milestones/mobile-beta.md'), /\| Offline mode \| \[Offline mode\]\(\.\.\/prd\/offline-mode\/offline-mode-prd\.md\) \| High \|\n/);
    assert.match(sample.read('docs/prd/offline-mode/offline-mode-prd.md'), /milestone: mobile-beta\npriority: High\n/);
    await created('docs/prd/offline-mode/offline-mode-prd.md');
  });

  test('plandocs.newStory numbers the story and links it from the PRD (by URI too)', async () => {
    await client.waitUntil(() => (client.diagnostics.has(sample.uri('docs/prd/offline-mode/offline-mode-prd.md')) ? true : undefined), 5000, () => 'PRD indexed');
    const r = await run('plandocs.newStory', { title: 'Read customers offline', prd: sample.uri('docs/prd/offline-mode/offline-mode-prd.md') });
    assert.equal(r.uri, sample.uri('docs/user-stories/offline-mode/story-1.md'));
    assert.match(sample.read('docs/prd/offline-mode/offline-mode-prd.md'), /- \[Read customers offline\]\(\.\.\/\.\.\/user-stories\/offline-mode\/story-1\.md\)/);
    assert.match(sample.read('docs/user-stories/offline-mode/story-1.md'), /prd: offline-mode-prd\n/);
    const next = await run('plandocs.newStory', { title: 'Search in the sample', prd: 'advanced-search-prd' });
    assert.equal(next.uri, sample.uri('docs/user-stories/advanced-search/story-4.md'), 'after story-3');
  });

  test('refusals are errors naming the problem, and change nothing', async () => {
    const before = client.edits.length;
    await assert.rejects(run('plandocs.newMilestone', { title: 'Customer Management' }), /docs\/milestones\/customer-management\.md already exists/);
    await assert.rejects(run('plandocs.newPrd', { title: 'X', milestone: 'nope' }), /No milestone "nope"/);
    await assert.rejects(run('plandocs.newMilestone', { title: 'Y', start: '2026-02-30' }), /not a date/);
    await assert.rejects(run('plandocs.newStory', { title: '', prd: 'advanced-search-prd' }), /title/);
    await assert.rejects(run('plandocs.nope', {}), /Unknown command/);
    assert.equal(client.edits.length, before, 'no edit was sent');
  });

  test('when the client does not apply the edit, the command fails and says so', async () => {
    client.refuseEdits = true;
    try {
      await assert.rejects(run('plandocs.newMilestone', { title: 'Refused' }), /did not apply the change/);
      assert.equal(fs.existsSync(sample.path('docs/milestones/refused.md')), false);
    } finally {
      client.refuseEdits = false;
    }
  });

  test('quick fix for section.missing inserts the section; for a broken PRD link offers to create it', async () => {
    const prd = 'docs/prd/export-reports/export-reports-prd.md';
    const diags = await client.waitForDiagnostics(sample.uri(prd), (l) => l.some((d) => d.code === 'section.missing'));
    const missing = diags.find((d) => d.code === 'section.missing') as Diagnostic;
    const actions = (await client.codeActions(sample.uri(prd), missing.range, [missing])) as CodeAction[];
    const add = actions.find((a) => a.title === 'Add section "Success Metrics" from the PRD template');
    assert.ok(add?.edit, JSON.stringify(actions));
    assert.deepEqual(add.diagnostics, [missing]);
    applyWorkspaceEditToDisk(add.edit);
    await client.watched([{ uri: sample.uri(prd), type: 2 }]);
    await client.waitForDiagnostics(sample.uri(prd), (l) => !l.some((d) => d.code === 'section.missing'));

    const ms = 'docs/milestones/reporting-insights.md';
    const broken = (await client.waitForDiagnostics(sample.uri(ms), (l) => l.some((d) => d.code === 'link.broken'))).find((d) => d.code === 'link.broken') as Diagnostic;
    const fixes = (await client.codeActions(sample.uri(ms), broken.range, [broken])) as CodeAction[];
    const create = fixes.find((a) => a.command?.command === 'plandocs.createFromLink');
    assert.ok(create, JSON.stringify(fixes));
    const r = (await client.executeCommand('plandocs.createFromLink', create.command?.arguments?.[0])) as Result;
    assert.equal(r.uri, sample.uri('docs/prd/scheduled-reports/scheduled-reports-prd.md'));
    assert.match(sample.read('docs/prd/scheduled-reports/scheduled-reports-prd.md'), /milestone: reporting-insights\n/);
    await created('docs/prd/scheduled-reports/scheduled-reports-prd.md');
    await client.waitForDiagnostics(sample.uri(ms), (l) => !l.some((d) => d.code === 'link.broken'));
  });
});
