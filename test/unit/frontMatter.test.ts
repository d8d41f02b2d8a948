import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import matter from 'gray-matter';
import { GRAY_MATTER_OPTIONS, parseFrontMatter } from '../../server/src/core/frontMatter';
import { parseDoc } from '../../server/src/core/parse';
import { lines } from '../helpers/memoryWorkspace';

const g = globalThis as Record<string, unknown>;

describe('front matter is parsed safely', () => {
  for (const lang of ['js', 'JS', 'javascript', 'Javascript', 'JAVASCRIPT', 'coffee', 'json', 'toml']) {
    test(`---${lang} is refused and never evaluated`, () => {
      delete g.plandocsPwned;
      const d = parseDoc('file:///a.md', lines(`---${lang}`, '{ x: (globalThis.plandocsPwned = 1) }', '---', '# A'));
      assert.equal(g.plandocsPwned, undefined, 'front matter code ran');
      assert.match(d.frontMatterError?.message ?? '', /not read|only YAML/);
      assert.equal(d.frontMatterError?.range.start.line, 0);
      assert.deepEqual(d.data, {});
      assert.equal(d.headings[0].text, 'A', 'the body is still indexed');
    });
  }

  test('even if the language check were bypassed, every code engine refuses', () => {
    delete g.plandocsPwned;
    for (const lang of ['js', 'JS', 'javascript', 'Javascript', 'coffee']) {
      assert.throws(() => matter(`---${lang}\n(globalThis.plandocsPwned = 1)\n---\n`, GRAY_MATTER_OPTIONS as never));
    }
    assert.equal(g.plandocsPwned, undefined);
  });

  test('parses never fill gray-matter\'s global cache', () => {
    parseDoc('file:///a.md', lines('---', 'id: cache-probe', '---'));
    assert.equal(Object.keys((matter as unknown as { cache: object }).cache).length, 0);
  });

  test('YAML errors are located at their line in the doc', () => {
    const d = parseDoc('file:///a.md', lines('---', 'id: a', 'title: [unclosed', 'status: x', '---', '# A'));
    assert.ok(d.frontMatterError);
    assert.match(d.frontMatterError.message, /Invalid YAML/);
    assert.ok(d.frontMatterError.range.start.line >= 2 && d.frontMatterError.range.start.line <= 4);
  });

  test('duplicate keys, non-mapping and unterminated front matter are reported', () => {
    assert.match(parseDoc('f', lines('---', 'id: a', 'id: b', '---')).frontMatterError?.message ?? '', /duplicated/);
    assert.match(parseDoc('f', lines('---', '- a', '- b', '---')).frontMatterError?.message ?? '', /key: value/);
    assert.match(parseDoc('f', lines('---', 'id: a', '# no end')).frontMatterError?.message ?? '', /not closed/);
  });

  test('dates stay strings; custom tags are rejected', () => {
    assert.deepEqual(parseFrontMatter('---\nstart: 2026-01-05\n---\n', '').data, { start: '2026-01-05' });
    assert.ok(parseFrontMatter('---\nx: !!js/function "function(){}"\n---\n', '').error);
  });

  test('empty and comment-only front matter is fine', () => {
    assert.equal(parseDoc('f', lines('---', '---', '# A')).frontMatterError, undefined);
    assert.equal(parseDoc('f', lines('---', '# just a comment', '---')).frontMatterError, undefined);
  });
});
