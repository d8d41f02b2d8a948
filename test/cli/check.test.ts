// `plandocs check` on the sample: exactly the five deliberate problems, as text and as JSON, whether
// given the workspace folder, the docs root, or a --docs-root.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, SAMPLE, SampleCopy } from '../helpers/lspClient';
import { CLI_JS, expectedProblems, parseText, runCli } from './run';

const EXPECTED = expectedProblems(SAMPLE);
const sorted = <T extends { file: string; code: string }>(xs: T[]) => [...xs].sort((a, b) => (a.file + a.code < b.file + b.code ? -1 : 1));

/** Asserts the text output lists exactly the five problems, with files under `prefix`. */
function assertFiveText(stdout: string, prefix: string): void {
  const { issues, other } = parseText(stdout);
  assert.equal(issues.length, 5, stdout);
  const want = sorted(EXPECTED.map((e) => ({ ...e, file: path.join(prefix, e.file) })));
  for (const [i, got] of sorted(issues).entries()) {
    const e = want[i];
    assert.deepEqual([got.file, got.code, got.severity, got.line, got.col], [e.file, e.code, e.severity, e.line, e.col]);
    assert.match(got.message, e.message);
  }
  assert.deepEqual(other, ['5 issues in 5 files.']);
}

describe('plandocs check on the sample', { concurrency: true }, () => {
  const copies: SampleCopy[] = [];
  after(() => { for (const c of copies) c.cleanup(); });

  test('package.json bin.plandocs is the built CLI, runnable as a script', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.equal(path.resolve(REPO, pkg.bin.plandocs), CLI_JS);
    assert.match(fs.readFileSync(CLI_JS, 'utf8').split('\n')[0], /^#!\/usr\/bin\/env node$/);
  });

  test('check sample: exit 2 and exactly the five problems as text', async () => {
    const r = await runCli(['check', 'sample']);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr, '');
    assertFiveText(r.stdout, 'sample');
  });

  test('check sample --format json: an array of {file, range, severity, code, message}', async () => {
    for (const args of [['check', 'sample', '--format', 'json'], ['check', '--format=json', 'sample']]) {
      const r = await runCli(args);
      assert.equal(r.code, 2, r.stderr);
      const items = JSON.parse(r.stdout);
      assert.ok(Array.isArray(items));
      assert.equal(items.length, 5);
      for (const it of items) assert.deepEqual(Object.keys(it).sort(), ['code', 'file', 'message', 'range', 'severity']);
      const want = sorted(EXPECTED);
      for (const [i, it] of sorted(items as { file: string; code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]).entries()) {
        assert.equal(it.file, path.join('sample', want[i].file));
        assert.equal(it.code, want[i].code);
        assert.equal(it.severity, want[i].severity);
        assert.match(it.message, want[i].message);
        assert.deepEqual(it.range.start, { line: want[i].line - 1, character: want[i].col - 1 });
        assert.ok(it.range.end.line > it.range.start.line || it.range.end.character >= it.range.start.character);
      }
    }
  });

  test('check sample/docs (the docs root given directly) reports the same five', async () => {
    const r = await runCli(['check', 'sample/docs']);
    assert.equal(r.code, 2, r.stderr);
    assertFiveText(r.stdout, 'sample');
  });

  test('without a folder, the current directory is checked and paths are relative to it', async () => {
    const r = await runCli(['check'], SAMPLE);
    assert.equal(r.code, 2, r.stderr);
    assertFiveText(r.stdout, '');
  });

  test('--docs-root names a docs folder other than docs/', async () => {
    const copy = new SampleCopy();
    copies.push(copy);
    fs.renameSync(copy.path('docs'), copy.path('plan'));
    const missing = await runCli(['check', copy.dir]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no docs folder/);
    const r = await runCli(['check', '--docs-root', 'plan', '.'], copy.dir);
    assert.equal(r.code, 2, r.stderr);
    const { issues } = parseText(r.stdout);
    assert.deepEqual(sorted(issues).map((i) => [i.file, i.code]), sorted(EXPECTED).map((e) => [e.file.replace(/^docs\//, 'plan/'), e.code]));
  });

  test('front matter in a programming language is reported, never run', async () => {
    const copy = new SampleCopy();
    copies.push(copy);
    const marker = copy.path('marker');
    for (const lang of ['js', 'JS', 'javascript']) {
      copy.write(`docs/prd/fm-${lang}/fm-${lang}-prd.md`, [
        `---${lang}`,
        `(function () { (typeof require === 'function' ? require : process.getBuiltinModule)('fs').writeFileSync(${JSON.stringify(marker)}, '${lang}'); return {}; })()`,
        '---', '', '# Payload', '',
      ].join('\n'));
    }
    const r = await runCli(['check', '.', '--format', 'json'], copy.dir);
    assert.equal(r.code, 2, r.stderr);
    const fm = (JSON.parse(r.stdout) as { file: string; code: string; range: { start: { line: number } } }[]).filter((i) => i.code === 'frontmatter.invalid');
    assert.deepEqual(fm.map((i) => [i.file, i.range.start.line]).sort(), ['JS', 'javascript', 'js'].map((l) => [`docs/prd/fm-${l}/fm-${l}-prd.md`, 0]).sort());
    assert.equal(fs.existsSync(marker), false, `payload ran: ${fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''}`);
  });

  test('a workspace folder with spaces, # and % in its path', async () => {
    const copy = new SampleCopy('my plan #1 100%20');
    copies.push(copy);
    const r = await runCli(['check', copy.dir]);
    assert.equal(r.code, 2, r.stderr);
    const { issues } = parseText(r.stdout);
    const rel = path.relative(REPO, copy.dir);
    assert.deepEqual(sorted(issues).map((i) => [i.file, i.code]), sorted(EXPECTED).map((e) => [path.join(rel, e.file), e.code]));
  });
});
