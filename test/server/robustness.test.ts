// Robustness: requests for unknown documents or positions answer null, odd files (empty, binary,
// CRLF) never crash the server, and it keeps answering afterwards.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { LspClient, useServer, SampleCopy, lineOf, posOf } from '../helpers/lspClient';

const MILESTONE = 'docs/milestones/customer-management.md';

describe('robustness', () => {
  const sample = new SampleCopy();
  let client: LspClient;

  useServer(sample, (c) => { client = c; });

  /** The server is alive and still answers a real hover with the linked PRD's title. */
  async function stillAnswers(): Promise<void> {
    const pos = posOf(sample.read(MILESTONE), '../prd/advanced-search/advanced-search-prd.md', 3);
    const h = await client.hover(sample.uri(MILESTONE), pos);
    assert.ok(h && typeof h.contents === 'object' && 'value' in h.contents, JSON.stringify(h));
    assert.match(h.contents.value, /Advanced Customer Search/);
    assert.equal(client.exit, undefined, `server exited; stderr: ${client.stderr}`);
    assert.deepEqual(client.errorLogs(), []);
  }

  test('hover and definition on URIs the server does not know answer null', async () => {
    const uris = ['file:///nowhere/docs/prd/x/x-prd.md', 'untitled:Untitled-1', sample.uri('PROBLEMS.md'), sample.uri('docs/prd/none/none-prd.md')];
    for (const uri of uris) {
      assert.equal(await client.hover(uri, { line: 0, character: 0 }), null, uri);
      assert.equal(await client.definition(uri, { line: 0, character: 0 }), null, uri);
    }
    await stillAnswers();
  });

  test('positions outside any link, or past the end of the doc, answer null', async () => {
    const uri = sample.uri(MILESTONE);
    const text = sample.read(MILESTONE);
    const positions = [
      { line: 0, character: 0 },
      posOf(text, 'Help sales reps'),
      posOf(text, '| Advanced customer search |', 2),
      { line: 10_000, character: 0 },
      { line: 0, character: 10_000 },
    ];
    for (const p of positions) {
      assert.equal(await client.hover(uri, p), null, JSON.stringify(p));
      assert.equal(await client.definition(uri, p), null, JSON.stringify(p));
    }
    await stillAnswers();
  });

  test('an empty .md file on disk and in an editor', async () => {
    const uri = sample.write('docs/prd/empty/empty-prd.md', '');
    await client.watched([{ uri, type: FileChangeType.Created }]);
    const list = await client.waitForDiagnostics(uri, (l) => l.length > 0);
    assert.ok(list.every((d) => d.code === 'section.missing' && d.range.start.line === 0), JSON.stringify(list));
    assert.equal(await client.hover(uri, { line: 0, character: 0 }), null);
    await client.open(uri, '');
    await client.change(uri, '\n\n');
    await client.change(uri, '');
    await stillAnswers();
    await client.close(uri);
    await stillAnswers();
  });

  test('a binary-ish .md file (NUL bytes, invalid UTF-8) on disk and in an editor', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256;
    bytes.set(Buffer.from('---\n\0id: [\0\n'), 0);
    bytes.set(Buffer.from('\n[x](\0../nowhere\0.md)\n# \0\n'), 2000);
    const uri = sample.write('docs/user-stories/binary/story-1.md', bytes);
    await client.watchedAndSettled([{ uri, type: FileChangeType.Created }], sample.path('docs/barrier.md'));
    assert.deepEqual(client.diagnosticsOf(uri) ?? [], [], 'a binary file gets no diagnostics');
    await stillAnswers();
    // In an editor: binary text, then a real story with a broken prd:, then binary again.
    await client.open(uri, '\0\0\0# \0\n[a](\0)\n\uFFFD\uD800 prd: \0\n');
    await client.change(uri, '---\nprd: nowhere-prd\n---\n\n# Story\n');
    await client.waitForDiagnostics(uri, (l) => l.some((d) => d.code === 'ref.unknown'));
    await client.change(uri, '---\nprd: \0\n---\n\0');
    await client.waitForDiagnostics(uri, (l) => !l.some((d) => d.code === 'ref.unknown'));
    await client.close(uri);
    await stillAnswers();
  });

  test('CRLF line endings give the same ranges', async () => {
    const rel = 'docs/user-stories/sales-dashboard/story-2.md';
    const uri = sample.uri(rel);
    const crlf = sample.read(rel).replace(/\n/g, '\r\n').replace('status: todo', 'status: todo\r\nprd2: x');
    await client.open(uri, crlf);
    const [d] = await client.waitForDiagnostics(uri, (l) => l.length === 1 && l[0].range.start.line === 5);
    assert.equal(d.code, 'ref.unknown');
    assert.equal(lineOf(crlf, 5).slice(d.range.start.character, d.range.end.character), 'sales-dashbord-prd');
    await client.close(uri);
    await client.waitForDiagnostics(uri, (l) => l.length === 1 && l[0].range.start.line === 4);
  });

  test('a 2 MB doc of pathological link syntax does not block the server', async () => {
    // Quadratic scanning would take minutes on this; the deadline below is a hang guard, not a timing.
    const uri = sample.uri('docs/prd/slow/slow-prd.md');
    const text = '# Slow\n\n' + ('[]('.repeat(6000) + '\n\n').repeat(100);
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (l) => l.length > 0, 10_000);
    await client.close(uri);
  });
});
