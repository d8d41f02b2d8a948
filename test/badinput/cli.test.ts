// `plandocs check --format json` over the whole bad-input corpus: one run finishes (no hang, no
// crash), and every case gets exactly its diagnostics or its quiet skip.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { CLI_JS } from '../cli/run';
import { CASES } from './cases';
import { Corpus, assertCase, assertNoStrays, type Found } from './corpus';

interface Item extends Found { file: string; severity: string }

describe('bad input: plandocs check', () => {
  let corpus: Corpus;
  let run: SpawnSyncReturns<string>;
  const byFile = new Map<string, Item[]>();

  before(() => {
    corpus = new Corpus();
    // The timeout is a hang guard, not a timing assertion.
    run = spawnSync(process.execPath, [CLI_JS, 'check', '.', '--format', 'json'], {
      cwd: corpus.ws, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status === 2) {
      for (const it of JSON.parse(run.stdout) as Item[]) byFile.set(it.file, [...(byFile.get(it.file) ?? []), it]);
    }
  });
  after(() => corpus?.cleanup());

  test('finishes with exit code 2, a JSON array on stdout and nothing on stderr', () => {
    assert.equal(run.error, undefined, `the CLI did not finish: ${run.error?.message}`);
    assert.equal(run.signal, null, `killed by ${run.signal}; stderr: ${run.stderr}`);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 2, run.stdout.slice(0, 2000));
    assert.ok(byFile.size > 0);
    for (const items of byFile.values()) {
      for (const it of items) assert.deepEqual(Object.keys(it).sort(), ['code', 'file', 'message', 'range', 'severity']);
    }
  });

  for (const c of CASES) {
    test(c.name, c.todo ? { todo: c.todo } : {}, () => {
      assertCase(corpus, c, { diagnostics: (rel) => byFile.get(rel) ?? [] });
    });
  }

  test('no diagnostics on files the cases do not expect them on', () => {
    assertNoStrays(corpus, byFile.keys());
  });

  test('no front matter was ever run: no marker file', () => {
    assert.deepEqual(corpus.markerFiles(), []);
  });
});
