import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { D, ROOT, allCodes, codes, load, milestone, prd, sampleFiles, story } from '../helpers/fixture';
import { lines } from '../helpers/memoryWorkspace';

describe('rules', () => {
  test('a consistent workspace has no findings', async () => {
    const { folder } = await load();
    assert.deepEqual(allCodes(folder), {});
  });

  test('section.missing names each section the template requires', async () => {
    const files = sampleFiles();
    files[`${D}/prd/search/search-prd.md`] = files[`${D}/prd/search/search-prd.md`].replace('## Success Metrics\n', '').replace('## Goals\n', '## goals:\n');
    const { folder } = await load(files);
    const diags = folder.diagnostics(`file://${D}/prd/search/search-prd.md`);
    assert.deepEqual(diags.map((d) => d.message), ['Missing section "Success Metrics" (required by the PRD template); it goes before "User Stories".']);
    const lines = files[`${D}/prd/search/search-prd.md`].split('\n');
    assert.equal(lines[diags[0].range.start.line], '## User Stories', 'shown where the section belongs');
  });

  test('the workspace template is the schema; optional sections are not required', async () => {
    const files = sampleFiles();
    files[`${D}/user-stories/template.md`] = lines('---', 'id: {{id}}', 'prd: {{prd}}', '---', '# {{title}}', '## Story', '## Acceptance Criteria', '## Risks', '<!-- optional -->', '## Definition of Done');
    const { folder } = await load(files);
    assert.deepEqual(codes(folder, `${D}/user-stories/search/story-1.md`), ['section.missing']);
    const d = folder.diagnostics(`file://${D}/user-stories/search/story-1.md`)[0];
    assert.match(d.message, /Definition of Done/);
    assert.equal(d.range.start.line, 6, 'the last section: shown on the title');
    assert.deepEqual(codes(folder, `${D}/user-stories/template.md`), [], 'templates are not diagnosed as docs');
  });

  test('link.broken for missing files; files outside the docs root are checked too', async () => {
    const files = sampleFiles();
    files[`${D}/prd/search/search-prd.md`] = prd('search-prd', 'm1', ['[gone](../nope/nope-prd.md) [readme](../../../README.md) [missing](../../../MISSING.md) [img](./shot.png)']);
    files[`${D}/prd/search/shot.png`] = 'PNG';
    const { folder } = await load(files);
    const d = folder.diagnostics(`file://${D}/prd/search/search-prd.md`);
    assert.deepEqual(d.map((x) => x.code), ['link.broken', 'link.broken']);
    assert.match(d[0].message, /docs\/prd\/nope\/nope-prd.md does not exist/);
    assert.match(d[1].message, /MISSING.md/);
  });

  test('root-relative links start at the workspace folder', async () => {
    const files = sampleFiles();
    files[`${D}/prd/search/search-prd.md`] = prd('search-prd', 'm1', ['[r](/README.md) [m](/docs/milestones/m1.md#goals) [x](/docs/nope.md)']);
    const { folder } = await load(files);
    const d = folder.diagnostics(`file://${D}/prd/search/search-prd.md`);
    assert.deepEqual(d.map((x) => [x.code, x.data?.target]), [['link.broken', '/docs/nope.md']]);
  });

  test('link.broken-heading for fragments matching no heading, also in the same doc', async () => {
    const files = sampleFiles();
    files[`${D}/user-stories/search/story-1.md`] = story('story-1', 'search-prd', 'done', ['[a](../../prd/search/search-prd.md#goals) [b](../../prd/search/search-prd.md#nope) [c](#story) [d](#missing) [e](../../prd/search/search-prd.md#L12)']);
    const { folder } = await load(files);
    const d = folder.diagnostics(`file://${D}/user-stories/search/story-1.md`);
    assert.deepEqual(d.map((x) => [x.code, x.data?.fragment]), [['link.broken-heading', 'nope'], ['link.broken-heading', 'missing']]);
  });

  test('ref.unknown for prd:/milestone: naming nothing, or the wrong kind', async () => {
    const files = sampleFiles();
    files[`${D}/user-stories/search/story-1.md`] = story('story-1', 'serch-prd');
    files[`${D}/user-stories/search/story-2.md`] = story('story-2', 'm1');
    files[`${D}/prd/search/search-prd.md`] = prd('search-prd', '../../milestones/m1.md');
    const { folder } = await load(files);
    const d1 = folder.diagnostics(`file://${D}/user-stories/search/story-1.md`);
    assert.deepEqual(d1.map((d) => d.code), ['ref.unknown']);
    assert.match(d1[0].message, /No PRD "serch-prd"/);
    assert.match(folder.diagnostics(`file://${D}/user-stories/search/story-2.md`)[0].message, /is a milestone, not a PRD/);
    assert.deepEqual(codes(folder, `${D}/prd/search/search-prd.md`), [], 'a relative path works as a reference');
  });

  test('story.no-prd unless prd: is set or the body links a PRD', async () => {
    const files = sampleFiles();
    files[`${D}/user-stories/search/story-1.md`] = story('story-1', undefined);
    files[`${D}/user-stories/search/story-2.md`] = story('story-2', undefined, 'todo', ['See [the PRD](../../prd/search/search-prd.md).']);
    files[`${D}/user-stories/search/story-3.md`] = story('story-3', undefined, 'todo', ['See [the milestone](../../milestones/m1.md).']);
    const { folder } = await load(files);
    assert.deepEqual(allCodes(folder), {
      [`${D}/user-stories/search/story-1.md`]: ['story.no-prd'],
      [`${D}/user-stories/search/story-3.md`]: ['story.no-prd'],
    });
  });

  test('kind by folder, overridden by type:; ids from id: or the file name', async () => {
    const files = {
      [`${D}/notes/idea.md`]: lines('---', 'type: story', '---', '# Idea'),
      [`${D}/milestones/m2.md`]: milestone('m2'),
      [`${D}/prd/x/x-prd.md`]: lines('---', 'milestone: m2', '---', '# X'),
    };
    const { folder } = await load(files);
    assert.equal(folder.index.docs.get(`${D}/notes/idea.md`)?.kind, 'story');
    assert.equal(folder.index.byId('x-prd')?.path, `${D}/prd/x/x-prd.md`);
    assert.ok(codes(folder, `${D}/notes/idea.md`).includes('story.no-prd'));
    assert.ok(codes(folder, `${D}/prd/x/x-prd.md`).includes('section.missing'));
    assert.equal(folder.index.docs.get(`${ROOT}/README.md`), undefined, 'only the docs root is indexed');
  });

  test('a broken doc still indexes what can be read', async () => {
    const files = sampleFiles();
    files[`${D}/user-stories/search/story-1.md`] = lines('---', 'prd: [oops', '---', '# S', '## Story', '[x](nope.md)');
    const { folder } = await load(files);
    assert.deepEqual(codes(folder, `${D}/user-stories/search/story-1.md`), ['frontmatter.invalid', 'section.missing', 'link.broken', 'story.no-prd']);
  });
});
