// Startup: without opening anything, the server indexes the sample and publishes exactly the five
// deliberate problems of sample/PROBLEMS.md, reporting progress while it indexes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspClient, useServer, SampleCopy, fileUri, lineOf, type Diag } from '../helpers/lspClient';

const slice = (text: string, d: Diag) => {
  assert.equal(d.range.start.line, d.range.end.line, 'single-line range');
  return lineOf(text, d.range.start.line).slice(d.range.start.character, d.range.end.character);
};

const PROBLEMS: Record<string, { code: string; severity: DiagnosticSeverity; check: (text: string, d: Diag) => void }> = {
  'docs/prd/export-reports/export-reports-prd.md': {
    code: 'section.missing',
    severity: DiagnosticSeverity.Warning,
    check: (text, d) => {
      assert.match(d.message, /"Success Metrics"/);
      assert.equal(lineOf(text, d.range.start.line), '## User Stories', 'anchored where the section belongs: before the next template section');
      assert.match(d.message, /it goes before "User Stories"/);
    },
  },
  'docs/milestones/reporting-insights.md': {
    code: 'link.broken',
    severity: DiagnosticSeverity.Error,
    check: (text, d) => {
      assert.equal(slice(text, d), '../prd/scheduled-reports/scheduled-reports-prd.md');
      assert.match(lineOf(text, d.range.start.line), /^\| Scheduled email reports \|/);
      assert.match(d.message, /scheduled-reports-prd\.md does not exist/);
    },
  },
  'docs/prd/customer-segmentation/customer-segmentation-prd.md': {
    code: 'link.broken-heading',
    severity: DiagnosticSeverity.Warning,
    check: (text, d) => {
      assert.equal(slice(text, d), '#filters-and-facets');
      assert.match(lineOf(text, d.range.start.line), /^- \*\*R1:\*\*/);
      assert.match(d.message, /filters-and-facets/);
    },
  },
  'docs/user-stories/sales-dashboard/story-2.md': {
    code: 'ref.unknown',
    severity: DiagnosticSeverity.Error,
    check: (text, d) => {
      assert.equal(slice(text, d), 'sales-dashbord-prd');
      assert.equal(lineOf(text, d.range.start.line), 'prd: sales-dashbord-prd');
    },
  },
  'docs/user-stories/customer-notes/story-2.md': {
    code: 'story.no-prd',
    severity: DiagnosticSeverity.Warning,
    check: (text, d) => {
      assert.equal(lineOf(text, d.range.start.line), "# View a customer's activity history");
    },
  },
};

describe('startup diagnostics on the sample workspace', () => {
  const sample = new SampleCopy();
  let client: LspClient;

  useServer(sample, (c) => { client = c; });

  test('the PROBLEMS.md table lists the five files tested here', () => {
    const table = sample.read('PROBLEMS.md');
    for (const [file, p] of Object.entries(PROBLEMS)) {
      assert.match(table, new RegExp(`\`${file.replace(/[.]/g, '\\.')}\` \\|.*\`${p.code.replace(/[.]/g, '\\.')}\` \\|`));
    }
  });

  for (const [file, p] of Object.entries(PROBLEMS)) {
    test(`${p.code} on ${file}`, () => {
      const list = client.diagnosticsOf(sample.uri(file));
      assert.ok(list, 'diagnostics published');
      assert.equal(list.length, 1, JSON.stringify(list));
      const [d] = list;
      assert.equal(d.code, p.code);
      assert.equal(d.source, 'plandocs');
      assert.equal(d.severity, p.severity);
      p.check(sample.read(file), d);
    });
  }

  test('every other doc is clean and nothing outside docs/ is published', () => {
    const dirty = [...client.diagnostics]
      .filter(([uri, list]) => list.length > 0 && !Object.keys(PROBLEMS).some((f) => sample.uri(f) === uri))
      .map(([uri, list]) => `${uri}: ${list.map((d) => d.code).join(', ')}`);
    assert.deepEqual(dirty, []);
    const docUris = new Set(sample.docs().map((f) => sample.uri(f)));
    assert.deepEqual([...client.diagnostics.keys()].filter((u) => !docUris.has(u)), []);
    const total = [...client.diagnostics.values()].reduce((n, l) => n + l.length, 0);
    assert.equal(total, 5);
  });

  test('settings were pulled for the workspace folder and indexing progress was reported', () => {
    assert.ok(client.configRequests.some((items) => items.some((i) => i.section === 'plandocs' && i.scopeUri === fileUri(sample.dir))),
      JSON.stringify(client.configRequests));
    assert.equal(client.progressTokens.length, 1);
    const kinds = client.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(kinds.slice(1, -1).every((k) => k === 'report'), kinds.join(','));
    const begin = client.progress[0].value;
    assert.ok(begin.kind === 'begin' && /Plandocs/.test(begin.title), JSON.stringify(begin));
    assert.ok(client.progress.every((p) => p.token === client.progressTokens[0]));
    assert.deepEqual(client.errorLogs(), []);
  });
});
