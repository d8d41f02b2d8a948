// Builds the whole bad-input corpus into one temp workspace, and checks what the CLI or the server
// reported against the cases' expectations.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CASES, type Case, type Expect } from './cases';
import { restoreModes, type Gen } from './generate';

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'bad-input');

/** One reported diagnostic, as far as the cases care. */
export interface Found { code: string; message: string; range: { start: { line: number; character: number } } }

export interface Report {
  /** The diagnostics reported for a file (relative to the workspace folder). */
  diagnostics(rel: string): Found[];
  /** Whether anything at all was reported for the file (an empty publication counts); default: has diagnostics. */
  reported?(rel: string): boolean;
}

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)));
}

export class Corpus implements Gen {
  readonly tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandocs-bad-'));
  readonly ws = path.join(this.tmp, 'ws');
  readonly outside = path.join(this.tmp, 'outside');
  readonly markers = path.join(this.tmp, 'markers');
  /** Each case's expectations, settled for this machine. */
  private readonly expected = new Map<string, Record<string, Expect>>();

  /** Copies the fixtures and runs the generators of every case. */
  constructor() {
    fs.mkdirSync(path.join(this.ws, 'docs'), { recursive: true });
    fs.mkdirSync(this.markers);
    const names = new Set(CASES.map((c) => c.name));
    assert.equal(names.size, CASES.length, 'case names are unique');
    for (const dir of fs.readdirSync(FIXTURES)) assert.ok(names.has(dir), `fixture folder ${dir} belongs to no case`);
    try {
      for (const c of CASES) this.add(c);
    } catch (e) {
      this.cleanup();
      throw e;
    }
  }

  private add(c: Case): void {
    const fixture = path.join(FIXTURES, c.name);
    const copied = fs.existsSync(fixture) ? filesUnder(fixture) : [];
    if (copied.length > 0) fs.cpSync(fixture, this.ws, { recursive: true });
    const expect = { ...c.expect, ...(c.generate?.(this) ?? {}) };
    for (const f of copied) assert.ok(f in expect, `${c.name}: fixture ${f} has no expectation`);
    for (const [f, e] of Object.entries(expect)) {
      assert.ok(f.startsWith('docs/'), `${c.name}: ${f} is not under docs/`);
      if (e === 'not-indexed') continue;
      assert.ok(fs.statSync(path.join(this.ws, f)).isFile(), `${c.name}: ${f} was not written`);
      if (e.includes('frontmatter.invalid')) assert.ok(c.messages?.[f]?.length, `${c.name}: ${f} needs a message pattern saying what is wrong`);
    }
    this.expected.set(c.name, expect);
  }

  expect(c: Case): Record<string, Expect> {
    return this.expected.get(c.name) as Record<string, Expect>;
  }

  /** Every file that may have diagnostics: expected ones, and those of cases marked todo. */
  noisyFiles(): Set<string> {
    const out = new Set<string>();
    for (const c of CASES) {
      for (const [f, x] of Object.entries(this.expect(c))) if (c.todo || (x !== 'not-indexed' && x.length > 0)) out.add(f);
    }
    return out;
  }

  /** Marker files that front matter payloads created (there must be none). */
  markerFiles(): string[] {
    return fs.readdirSync(this.markers);
  }

  abs(rel: string): string {
    return path.join(this.ws, rel);
  }

  cleanup(): void {
    restoreModes(this.ws);
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}

const sorted = (xs: readonly string[]) => [...xs].sort();

/** Asserts one case: exact codes per file, the messages, quiet skips, markers never created. */
export function assertCase(corpus: Corpus, c: Case, report: Report): void {
  for (const [file, want] of Object.entries(corpus.expect(c))) {
    const got = report.diagnostics(file);
    const shown = JSON.stringify(got.map((d) => `${d.code}: ${d.message}`));
    if (want === 'not-indexed') {
      assert.equal(report.reported?.(file) ?? got.length > 0, false, `${file} must be skipped quietly; got ${shown}`);
      continue;
    }
    assert.deepEqual(sorted(got.map((d) => d.code)), sorted(want), `${file}: ${shown}`);
    for (const re of c.messages?.[file] ?? []) {
      assert.ok(got.some((d) => re.test(d.message)), `${file}: no message matches ${re}; got ${shown}`);
    }
    const starts = c.starts?.[file];
    if (starts) assert.deepEqual(got.map((d) => [d.range.start.line, d.range.start.character]).sort(), [...starts].sort(), `${file}: ranges`);
  }
  for (const m of c.markers ?? []) assert.ok(!fs.existsSync(path.join(corpus.markers, m)), `${c.name}: ${m} exists: a payload ran`);
}

/** Asserts that no other file got diagnostics (files relative to the workspace; todo cases aside). */
export function assertNoStrays(corpus: Corpus, withDiagnostics: Iterable<string>): void {
  const noisy = corpus.noisyFiles();
  const strays = [...withDiagnostics].filter((f) => !noisy.has(f));
  assert.deepEqual(strays, [], 'diagnostics on files no case expects them on');
}
