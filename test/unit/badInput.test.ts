// Inputs a repository can contain: each gets a clear diagnostic or a quiet skip, never a crash or a hang.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDoc } from '../../server/src/core/parse';
import { D, ROOT, allCodes, codes, load, prd, sampleFiles, story } from '../helpers/fixture';
import { lines } from '../helpers/memoryWorkspace';

describe('bad input (core)', () => {
  test('two docs with the same id: id.duplicate on both, at the id value', async () => {
    const files = sampleFiles();
    files[`${D}/user-stories/search/story-2.md`] = story('story-1', 'search-prd');
    const { folder } = await load(files);
    const d = folder.diagnostics(`file://${D}/user-stories/search/story-2.md`);
    assert.deepEqual(d.map((x) => x.code), ['id.duplicate']);
    assert.match(d[0].message, /docs\/user-stories\/search\/story-1\.md/);
    assert.deepEqual(d[0].range.start, { line: 1, character: 4 });
    assert.deepEqual(codes(folder, `${D}/user-stories/search/story-1.md`), ['id.duplicate']);
  });

  test('links leaving the workspace get link.outside-workspace; file: URIs are resolved', async () => {
    const files = sampleFiles();
    files[`${D}/prd/search/search-prd.md`] = prd('search-prd', 'm1', [
      '[p](../../../../etc/passwd) [f](file:///etc/hosts) [in](file:///ws/README.md) [gone](file:///ws/nope.md) [abs](/etc/passwd)',
    ]);
    const { folder } = await load(files);
    const d = folder.diagnostics(`file://${D}/prd/search/search-prd.md`);
    assert.deepEqual(d.map((x) => [x.code, x.data?.target]), [
      ['link.outside-workspace', '../../../../etc/passwd'],
      ['link.outside-workspace', 'file:///etc/hosts'],
      ['link.broken', 'file:///ws/nope.md'],
      ['link.broken', '/etc/passwd'],
    ]);
    const text = files[`${D}/prd/search/search-prd.md`];
    const line = text.split('\n').findIndex((l) => l.includes('etc/passwd'));
    const col = text.split('\n')[line].indexOf('../../');
    assert.equal(folder.hover(`file://${D}/prd/search/search-prd.md`, { line, character: col + 2 }), undefined, 'no preview outside');
    assert.equal(folder.definition(`file://${D}/prd/search/search-prd.md`, { line, character: col + 2 }), undefined);
  });

  test('a binary file named .md is a file, not a doc', async () => {
    const files = sampleFiles();
    files[`${D}/user-stories/search/blob.md`] = 'PK\u0003\u0004\u0000\u0000binary';
    files[`${D}/user-stories/search/story-1.md`] = story('story-1', 'search-prd', 'done', ['[b](blob.md)']);
    const { folder } = await load(files);
    assert.equal(folder.index.docs.has(`${D}/user-stories/search/blob.md`), false);
    assert.deepEqual(allCodes(folder), {});
  });

  test('YAML alias bombs and huge front matter are refused quickly', () => {
    const bomb = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const p = String.fromCharCode(97 + i - 1);
      bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + p).join(',')}]`);
    }
    bomb.push('---', '# Bomb');
    const d = parseDoc('f', lines(...bomb));
    assert.match(d.frontMatterError?.message ?? '', /aliases/);
    const big = parseDoc('f', lines('---', `x: "${'y'.repeat(70_000)}"`, '---'));
    assert.match(big.frontMatterError?.message ?? '', /too large/);
    const few = parseDoc('f', lines('---', 'base: &b {status: draft}', 'copy: *b', '---'));
    assert.equal(few.frontMatterError, undefined, 'a few aliases are fine');
  });

  test('100,000 headings and a 5 MB line parse in linear time', { timeout: 20_000 }, () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} H${i}`).join('\n');
    const d = parseDoc('f', many);
    assert.equal(d.headings.length, 100_000);
    assert.equal(d.headings[0].endLine, 5);
    const long = parseDoc('f', '# T\n' + '[a](b.md) '.repeat(500_000));
    assert.equal(long.headings.length, 1);
  });

  test('empty files, lone CR, invalid surrogates and NUL-free Latin-1 garbage index quietly', async () => {
    const files = {
      [`${D}/prd/a/a-prd.md`]: '',
      [`${D}/prd/b/b-prd.md`]: '---\rid: b\r---\r# B',
      [`${D}/prd/c/c-prd.md`]: '# \ud800 broken \udfff surrogate [x](\ud800.md)',
      [`${D}/prd/d/d-prd.md`]: 'caf\u00e9 \u00ff\u00fe # not heading',
      [`${ROOT}/x.md`]: '',
    };
    const { folder } = await load(files);
    assert.equal(folder.index.docs.size, 4);
    assert.ok(codes(folder, `${D}/prd/c/c-prd.md`).includes('link.broken'));
  });
});
