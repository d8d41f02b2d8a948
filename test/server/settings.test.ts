// Settings pulled with workspace/configuration: severities per code (nested objects, as VS Code sends
// dotted keys), 'off', bad values, live changes and a moved docs root.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient, SampleCopy } from '../helpers/lspClient';

const PRD = 'docs/prd/export-reports/export-reports-prd.md';
const MILESTONE = 'docs/milestones/reporting-insights.md';
const NO_PRD_STORY = 'docs/user-stories/customer-notes/story-2.md';
const TYPO_STORY = 'docs/user-stories/sales-dashboard/story-2.md';
const HEADING_PRD = 'docs/prd/customer-segmentation/customer-segmentation-prd.md';

const sev = (list: Diagnostic[] | undefined, code: string) => list?.find((d) => d.code === code)?.severity;

describe('settings', () => {
  const sample = new SampleCopy();
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({
      folder: sample.dir,
      settings: {
        docsRoot: 'docs',
        diagnostics: { story: { 'no-prd': 'off' }, section: { missing: 'error' }, ref: { unknown: 'loud' } },
      },
    });
    await client.waitForPublished(sample.docs().map((f) => sample.uri(f)));
  });
  after(async () => {
    await client?.shutdown();
    sample.cleanup();
  });

  test('story.no-prd set to off is not published', () => {
    assert.deepEqual(client.diagnosticsOf(sample.uri(NO_PRD_STORY)), []);
  });

  test('section.missing set to error is published with severity 1', () => {
    const list = client.diagnosticsOf(sample.uri(PRD));
    assert.equal(list?.length, 1);
    assert.equal(sev(list, 'section.missing'), DiagnosticSeverity.Error);
  });

  test('codes not set, or set to a bad value, keep their defaults', () => {
    assert.equal(sev(client.diagnosticsOf(sample.uri(MILESTONE)), 'link.broken'), DiagnosticSeverity.Error);
    assert.equal(sev(client.diagnosticsOf(sample.uri(HEADING_PRD)), 'link.broken-heading'), DiagnosticSeverity.Warning);
    assert.equal(sev(client.diagnosticsOf(sample.uri(TYPO_STORY)), 'ref.unknown'), DiagnosticSeverity.Error);
  });

  test('a configuration change re-publishes with the new severities', async () => {
    await client.configure({ diagnostics: { link: { broken: 'hint', 'broken-heading': 'info' }, 'ref.unknown': 'off' } });
    await client.waitForDiagnostics(sample.uri(MILESTONE), (l) => sev(l, 'link.broken') === DiagnosticSeverity.Hint);
    await client.waitForDiagnostics(sample.uri(HEADING_PRD), (l) => sev(l, 'link.broken-heading') === DiagnosticSeverity.Information);
    await client.waitForDiagnostics(sample.uri(TYPO_STORY), (l) => l.length === 0);
    // No longer set: back to the defaults.
    await client.waitForDiagnostics(sample.uri(NO_PRD_STORY), (l) => sev(l, 'story.no-prd') === DiagnosticSeverity.Warning);
    await client.waitForDiagnostics(sample.uri(PRD), (l) => sev(l, 'section.missing') === DiagnosticSeverity.Warning);
  });

  test('an edit after a configuration change uses the new severities', async () => {
    const rel = 'docs/user-stories/sales-dashboard/story-1.md';
    const uri = sample.uri(rel);
    const text = sample.read(rel);
    await client.open(uri, text.replace('](../../prd/sales-dashboard/sales-dashboard-prd.md', '](../../prd/nowhere.md'));
    const [d] = await client.waitForDiagnostics(uri, (l) => l.length > 0);
    assert.equal(d.code, 'link.broken');
    assert.equal(d.severity, DiagnosticSeverity.Hint);
    await client.close(uri);
    await client.waitForDiagnostics(uri, (l) => l.length === 0);
  });

  test('moving the docs root re-indexes the new folder and clears the old one', async () => {
    fs.cpSync(sample.path('docs'), sample.path('plan'), { recursive: true });
    await client.configure({ docsRoot: 'plan' });
    const moved = (rel: string) => sample.uri(rel.replace(/^docs\//, 'plan/'));
    for (const rel of [PRD, MILESTONE, NO_PRD_STORY, TYPO_STORY, HEADING_PRD]) {
      await client.waitForDiagnostics(sample.uri(rel), (l) => l.length === 0);
      await client.waitForDiagnostics(moved(rel), (l) => l.length === 1);
    }
    assert.equal(sev(client.diagnosticsOf(moved(MILESTONE)), 'link.broken'), DiagnosticSeverity.Error);
    const published = [...client.diagnostics].filter(([, l]) => l.length > 0).map(([u]) => u).sort();
    assert.deepEqual(published, [PRD, MILESTONE, NO_PRD_STORY, TYPO_STORY, HEADING_PRD].map(moved).sort());
  });
});
