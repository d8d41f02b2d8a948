import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDoc } from '../../server/src/core/parse';
import { lines } from '../helpers/memoryWorkspace';

const parse = (text: string) => parseDoc('file:///ws/docs/a.md', text);
const targets = (text: string) => parse(text).links.map((l) => l.target);

describe('parse: headings', () => {
  test('ATX headings with levels, closing hashes, slugs and section extents', () => {
    const d = parse(lines('# Title', '', '## Goals ##', 'text', '### Sub', '## Success Criteria!', 'end'));
    assert.deepEqual(d.headings.map((h) => [h.level, h.text, h.slug, h.line, h.endLine]), [
      [1, 'Title', 'title', 0, 7],
      [2, 'Goals', 'goals', 2, 4],
      [3, 'Sub', 'sub', 4, 4],
      [2, 'Success Criteria!', 'success-criteria', 5, 7],
    ]);
    assert.deepEqual(d.headings[1].range, { start: { line: 2, character: 3 }, end: { line: 2, character: 8 } });
  });

  test('setext headings, and `---` after a list is not one', () => {
    const d = parse(lines('Overview', '========', '', 'Goals', '-----', '', '- item', '---'));
    assert.deepEqual(d.headings.map((h) => [h.level, h.text]), [[1, 'Overview'], [2, 'Goals']]);
  });

  test('duplicate headings get -1, -2 slugs; inline markdown is stripped', () => {
    const d = parse(lines('## **Notes**', '## Notes', '## `Notes`', '## [Link](x.md) here'));
    assert.deepEqual(d.headings.map((h) => h.slug), ['notes', 'notes-1', 'notes-2', 'link-here']);
  });

  test('headings inside fenced code, tildes and indented code are ignored', () => {
    const d = parse(lines('```md', '# not a heading', '```', '~~~~', '## nope', '~~~~', '', '    # indented code', '', '## Real'));
    assert.deepEqual(d.headings.map((h) => h.text), ['Real']);
  });

  test('`#tag` without a space is not a heading', () => {
    assert.deepEqual(parse(lines('#hashtag', '####### seven')).headings, []);
  });

  test('optional sections: marker comment on the next line, or "(optional)"', () => {
    const d = parse(lines('## Risks', '<!-- optional -->', 'x', '## Notes (optional)', '## Goals', 'x'));
    assert.deepEqual(d.headings.map((h) => [h.text, h.optional]), [['Risks', true], ['Notes', true], ['Goals', false]]);
  });
});

describe('parse: links', () => {
  test('inline links, images, titles, angle brackets and nested images', () => {
    assert.deepEqual(
      targets(lines('[a](x.md) ![i](img.png "t") [b](<my file.md>) [![c](c.png)](d.md#goals) [e](f.md \'t\')')),
      ['x.md', 'img.png', 'my file.md', 'c.png', 'd.md#goals', 'f.md'],
    );
  });

  test('destination ranges point at the destination text', () => {
    const text = 'See [the PRD](../prd/a/a-prd.md#goals) now';
    const [l] = parse(text).links;
    assert.equal(text.slice(l.range.start.character, l.range.end.character), '../prd/a/a-prd.md#goals');
    assert.equal(l.path, '../prd/a/a-prd.md');
    assert.equal(l.fragment, 'goals');
  });

  test('external URLs are not local links; fragment-only links are', () => {
    assert.deepEqual(targets('[a](https://x.io/a.md) [b](mailto:a@b.c) [c](#goals) [d](//cdn/x)'), ['#goals']);
  });

  test('percent-encoded paths are decoded; query strings dropped', () => {
    const [l] = parse('[a](my%20doc.md?x=1#Top)').links;
    assert.equal(l.path, 'my doc.md');
    assert.equal(l.fragment, 'Top');
  });

  test('links in code spans, fences, comments and escapes are ignored', () => {
    const text = lines(
      '`[a](code.md)` ``[b](x.md)`` \\[c](esc.md) <!-- [d](comment.md) -->',
      '```',
      '[e](fence.md)',
      '```',
      '<!--',
      '[f](multi.md)',
      '-->',
      '[g](real.md)',
    );
    assert.deepEqual(targets(text), ['real.md']);
  });

  test('reference links resolve through definitions (defined before or after use)', () => {
    const d = parse(lines('[full][PRD] and [collapsed][] and [shortcut] and [undefined]', '', '[prd]: ../prd.md', '[collapsed]: c.md "T"', '[Shortcut]: <s.md>'));
    assert.deepEqual(d.links.map((l) => [l.source, l.target]), [
      ['definition', '../prd.md'], ['definition', 'c.md'], ['definition', 's.md'],
      ['reference', '../prd.md'], ['reference', 'c.md'], ['reference', 's.md'],
    ]);
  });

  test('unclosed link syntax is not a link', () => {
    assert.deepEqual(targets('[a](x.md [b]( [c]'), []);
  });
});

describe('parse: front matter, checkboxes, summary, statement', () => {
  test('prd: and milestone: values become references with value ranges', () => {
    const text = lines('---', 'id: s1', 'prd: "search-prd"', "milestone: m1 # comment", 'title: x', '---', '# S');
    const d = parse(text);
    const refs = d.links.filter((l) => l.source === 'frontmatter');
    assert.deepEqual(refs.map((l) => [l.field, l.target]), [['prd', 'search-prd'], ['milestone', 'm1']]);
    const line = text.split('\n')[2];
    assert.equal(line.slice(refs[0].range.start.character, refs[0].range.end.character), 'search-prd');
    assert.deepEqual(d.frontMatterLines, { start: 0, end: 5 });
  });

  test('template placeholders in front matter are not references', () => {
    assert.deepEqual(parse(lines('---', 'prd: {{prd}}', '---')).links, []);
  });

  test('checkboxes, the story statement and the first section summary', () => {
    const d = parse(lines('# Story', '', '## Story', 'As a rep, I want search, so that I find [customers](c.md).', '', '## Acceptance Criteria', '- [x] one', '- [ ] two', '  * [X] nested', '1. [ ] numbered'));
    assert.deepEqual(d.tasks, { done: 2, total: 4 });
    assert.equal(d.statement, 'As a rep, I want search, so that I find [customers](c.md).');
    assert.equal(d.summary, 'As a rep, I want search, so that I find customers.');
  });

  test('BOM, CRLF and lone CR line endings', () => {
    const d = parse('\ufeff---\r\nid: x\r\n---\r\n# A\r## B\r\n[l](y.md)');
    assert.equal(d.data.id, 'x');
    assert.deepEqual(d.headings.map((h) => [h.text, h.line]), [['A', 3], ['B', 4]]);
    assert.equal(d.links[0].range.start.line, 5);
  });

  test('a very long line is skipped for links, not a hang', () => {
    const d = parse('x'.repeat(100_000) + '[a](b.md)\n[c](d.md)');
    assert.deepEqual(d.links.map((l) => l.target), ['d.md']);
  });
});
