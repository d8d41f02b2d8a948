import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { URI } from 'vscode-uri';
import { resolveSettings } from '../../server/src/core';
import { D, load, sampleFiles, story } from '../helpers/fixture';

const u = (p: string) => URI.file(p).toString();

function posOf(text: string, needle: string, offset = 1) {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `fixture has no ${needle}`);
  const before = text.slice(0, i + offset);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('definition', () => {
  test('prd: value goes to the PRD; a #fragment link to the heading line', async () => {
    const files = sampleFiles();
    const s = story('story-1', 'search-prd', 'done', ['[req](../../prd/search/search-prd.md#requirements)']);
    files[`${D}/user-stories/search/story-1.md`] = s;
    const { folder } = await load(files);
    const storyUri = u(`${D}/user-stories/search/story-1.md`);
    const a = folder.definition(storyUri, posOf(s, 'search-prd'));
    assert.equal(a?.uri, u(`${D}/prd/search/search-prd.md`));
    assert.equal(a?.range.start.line, 0);
    const b = folder.definition(storyUri, posOf(s, 'search-prd.md#requirements', 3));
    const prdLines = files[`${D}/prd/search/search-prd.md`].split('\n');
    assert.equal(prdLines[b?.range.start.line ?? -1], '## Requirements');
    assert.equal(folder.definition(storyUri, { line: 0, character: 0 }), undefined);
  });

  test('files that are not docs, and no answer for broken links', async () => {
    const files = sampleFiles();
    const s = story('story-1', 'search-prd', 'done', ['[readme](../../../README.md) [x](nope.md)']);
    files[`${D}/user-stories/search/story-1.md`] = s;
    const { folder } = await load(files);
    const storyUri = u(`${D}/user-stories/search/story-1.md`);
    assert.equal(folder.definition(storyUri, posOf(s, 'README.md'))?.uri, u('/ws/README.md'));
    assert.equal(folder.definition(storyUri, posOf(s, 'nope.md')), undefined);
  });
});

describe('hover', () => {
  test('a PRD: title, status, milestone, first section, stories by status', async () => {
    const files = sampleFiles();
    const { folder } = await load(files);
    const m = files[`${D}/milestones/m1.md`];
    const h = folder.hover(u(`${D}/milestones/m1.md`), posOf(m, 'search-prd.md'));
    assert.ok(h);
    assert.match(h.markdown, /\*\*PRD search-prd\*\* · PRD/);
    assert.match(h.markdown, /Status: approved · Milestone: Milestone m1 · Priority: High/);
    assert.match(h.markdown, /Text\./);
    assert.match(h.markdown, /User stories: 2 \(1 done, 1 todo\)/);
  });

  test('a story: statement and acceptance criteria progress', async () => {
    const files = sampleFiles();
    const { folder } = await load(files);
    const p = files[`${D}/prd/search/search-prd.md`];
    const h = folder.hover(u(`${D}/prd/search/search-prd.md`), posOf(p, 'story-1.md'));
    assert.match(h?.markdown ?? '', /> As a rep, I want to search/);
    assert.match(h?.markdown ?? '', /Acceptance criteria: 1\/2 done/);
    assert.match(h?.markdown ?? '', /PRD: PRD search-prd/);
  });

  test('a milestone: dates, status, number of PRDs', async () => {
    const files = sampleFiles();
    const { folder } = await load(files);
    const p = files[`${D}/prd/search/search-prd.md`];
    const h = folder.hover(u(`${D}/prd/search/search-prd.md`), posOf(p, 'milestone: m1', 12));
    assert.match(h?.markdown ?? '', /2026-01-05 → 2026-03-27 · Status: planned/);
    assert.match(h?.markdown ?? '', /PRDs: 1 \(1 approved\)/);
  });

  test('nothing for plain text or unknown docs', async () => {
    const { folder } = await load();
    assert.equal(folder.hover(u(`${D}/milestones/m1.md`), { line: 9, character: 1 }), undefined);
    assert.equal(folder.hover(u('/elsewhere/x.md'), { line: 0, character: 0 }), undefined);
  });
});

describe('settings', () => {
  test('defaults, VS Code\'s nested dotted keys, and bad values falling back', () => {
    const s = resolveSettings({ docsRoot: './planning/', diagnostics: { story: { 'no-prd': 'off' }, link: { broken: 'loud' }, 'section.missing': 'error' } });
    assert.equal(s.docsRoot, 'planning');
    assert.equal(s.severity['story.no-prd'], 'off');
    assert.equal(s.severity['link.broken'], 'error');
    assert.equal(s.severity['section.missing'], 'error');
    assert.equal(resolveSettings(null).docsRoot, 'docs');
  });

  test('a custom docs root is indexed instead of docs/', async () => {
    const files: Record<string, string> = {};
    for (const [p, t] of Object.entries(sampleFiles())) files[p.replace('/ws/docs/', '/ws/planning/')] = t;
    const { folder } = await load(files, resolveSettings({ docsRoot: 'planning' }));
    assert.equal(folder.index.docs.size, 4);
  });
});

describe('references', () => {
  test('to a doc: links and prd: references from every doc; on a link: to its target', async () => {
    const files = sampleFiles();
    const { folder } = await load(files);
    const prdUri = u(`${D}/prd/search/search-prd.md`);
    const refs = folder.references(prdUri, { line: 0, character: 0 });
    assert.deepEqual(refs.map((r) => [r.path.replace(`${D}/`, ''), r.range.start.line]), [
      ['milestones/m1.md', 26],
      ['user-stories/search/story-1.md', 4],
      ['user-stories/search/story-2.md', 4],
    ]);
    const m = files[`${D}/milestones/m1.md`];
    const fromLink = folder.references(u(`${D}/milestones/m1.md`), posOf(m, 'search-prd.md'), true);
    assert.equal(fromLink.length, 4, 'the same three, and the declaration');
    assert.ok(fromLink.some((r) => r.path === `${D}/prd/search/search-prd.md` && r.range.start.line === 0), 'the declaration');
  });

  test('to a heading: only links whose #fragment names it', async () => {
    const files = sampleFiles();
    const s = story('story-1', 'search-prd', 'done', ['[g](../../prd/search/search-prd.md#goals) [r](../../prd/search/search-prd.md#requirements)']);
    files[`${D}/user-stories/search/story-1.md`] = s;
    const { folder } = await load(files);
    const p = files[`${D}/prd/search/search-prd.md`];
    const line = p.split('\n').indexOf('## Goals');
    const refs = folder.references(u(`${D}/prd/search/search-prd.md`), { line, character: 4 });
    assert.deepEqual(refs.map((r) => [r.path, r.range.start.line]), [[`${D}/user-stories/search/story-1.md`, s.split('\n').findIndex((l) => l.includes('#goals'))]]);
  });
});
