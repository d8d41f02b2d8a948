// The language server on the whole bad-input corpus: it indexes it (no hang, no crash), publishes
// exactly each case's diagnostics, never publishes for skipped files, and keeps answering.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, type Hover, type Location } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { LspClient, fileUri, posOf } from '../helpers/lspClient';
import { CASES } from './cases';
import { Corpus, assertCase, assertNoStrays } from './corpus';
import { fifo, JAPANESE } from './generate';

const CYCLE_A = 'docs/notes/ref-cycle/cycle-a.md';
const ANGLE = 'docs/notes/link-spaces/angle-link.md';
const TO_BINARY = 'docs/notes/binary-nul/links-to-binary.md';
const EMOJI = 'docs/notes/unicode-names/emoji-\u{1F680}.md';


function markdown(h: Hover | null): string {
  assert.ok(h && typeof h.contents === 'object' && 'value' in h.contents, JSON.stringify(h));
  return h.contents.value;
}

/** Gives a reader blocked on the FIFO an end of file (does nothing when nobody reads it). */
function unblock(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
  } catch { /* ENXIO: no reader */ }
}

describe('bad input: language server', () => {
  let corpus: Corpus;
  let client: LspClient;
  const uriOf = (rel: string) => fileUri(corpus.abs(rel));
  const text = (rel: string) => fs.readFileSync(corpus.abs(rel), 'utf8');

  before(async () => {
    corpus = new Corpus();
    client = await LspClient.start({ folder: corpus.ws });
    // The server publishes every doc with findings before it ends its indexing progress. The
    // deadline is a hang guard, not a timing assertion.
    await client.waitForPublished([], 60_000);
    // Barrier: this answer comes after every publication the server sent before it.
    await client.hover(uriOf(CYCLE_A), posOf(text(CYCLE_A), 'cycle-b.md'));
  });
  after(async () => {
    await client?.shutdown();
    corpus?.cleanup();
  });

  for (const c of CASES) {
    test(c.name, c.todo ? { todo: c.todo } : {}, async () => {
      for (const [rel, want] of Object.entries(corpus.expect(c))) {
        if (want !== 'not-indexed' && want.length > 0) await client.waitForDiagnostics(uriOf(rel), (d) => d.length > 0);
      }
      assertCase(corpus, c, {
        diagnostics: (rel) => (client.diagnosticsOf(uriOf(rel)) ?? []).map((d) => ({ ...d, code: String(d.code) })),
        reported: (rel) => client.publishCount.has(uriOf(rel)),
      });
    });
  }

  test('no diagnostics on files the cases do not expect them on', () => {
    const published = [...client.diagnostics].filter(([, d]) => d.length > 0).map(([uri]) => path.relative(corpus.ws, URI.parse(uri).fsPath));
    assertNoStrays(corpus, published);
  });

  test('no front matter was ever run: no marker file', () => {
    assert.deepEqual(corpus.markerFiles(), []);
  });

  test('a FIFO created after indexing (watched-file event) is skipped', async () => {
    const rel = 'docs/notes/fifo-late/late.md';
    fifo(corpus, rel);
    try {
      await client.watchedAndSettled([{ uri: uriOf(rel), type: FileChangeType.Created }], corpus.abs('docs/notes/fifo-late/barrier.md'));
    } finally {
      unblock(corpus.abs(rel));
    }
    assert.equal(client.publishCount.has(uriOf(rel)), false);
  });

  test('still answers hover and definition, across odd names and skipped files', async () => {
    const cycle = posOf(text(CYCLE_A), 'cycle-b.md');
    assert.match(markdown(await client.hover(uriOf(CYCLE_A), cycle)), /Cycle B[\s\S]*Section: \*\*Next\*\*/);
    const def = (await client.definition(uriOf(CYCLE_A), cycle)) as Location;
    assert.deepEqual([def.uri, def.range.start.line], [uriOf('docs/notes/ref-cycle/cycle-b.md'), 2]);

    const angle = posOf(text(ANGLE), 'my file.md');
    assert.match(markdown(await client.hover(uriOf(ANGLE), angle)), /My file/);
    const toSpace = (await client.definition(uriOf(ANGLE), angle)) as Location;
    assert.deepEqual([toSpace.uri, toSpace.range.start.line], [uriOf('docs/notes/link-spaces/my file.md'), 2]);

    const ja = posOf(text(EMOJI), JAPANESE);
    assert.match(markdown(await client.hover(uriOf(EMOJI), ja)), /\u65e5\u672c\u8a9e/);
    // a binary file is a file (go to it) but not a doc (nothing to preview)
    const bin = posOf(text(TO_BINARY), 'binary-nul-story.md');
    assert.equal(await client.hover(uriOf(TO_BINARY), bin), null);
    assert.equal(((await client.definition(uriOf(TO_BINARY), bin)) as Location).uri, uriOf('docs/user-stories/binary-nul/binary-nul-story.md'));
  });

  test('logged no error and is still running', () => {
    assert.deepEqual(client.errorLogs(), []);
    assert.equal(client.exit, undefined, `server exited; stderr: ${client.stderr}`);
    assert.doesNotThrow(() => process.kill(client.child.pid as number, 0));
  });
});
