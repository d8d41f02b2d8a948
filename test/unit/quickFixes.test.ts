import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { URI } from 'vscode-uri';
import { applyTextEdits } from '../../server/src/cli/apply';
import { D, load, prd, sampleFiles, story } from '../helpers/fixture';

const u = (p: string) => URI.file(p).toString();
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } };

describe('quick fixes', () => {
  test('section.missing inserts the template\'s section where the template places it', async () => {
    const files = sampleFiles();
    const path = `${D}/prd/search/search-prd.md`;
    files[path] = prd('search-prd', 'm1').replace('## Requirements\nText.\n\n', '');
    const { folder } = await load(files);
    const [fix] = await folder.quickFixes(u(path), WHOLE);
    assert.equal(fix.title, 'Add section "Requirements" from the PRD template');
    assert.equal(fix.preferred, true);
    const fixed = applyTextEdits(files[path], fix.edits ?? []);
    assert.match(fixed, /## Goals\nText\.\n\n## Requirements\n\n_[^\n]+_\n\n## Success Metrics\n/);
  });

  test('a missing last section goes at the end', async () => {
    const files = sampleFiles();
    const path = `${D}/user-stories/search/story-1.md`;
    files[path] = story('story-1', 'search-prd').replace(/## Acceptance Criteria[\s\S]*$/, '');
    const { folder } = await load(files);
    const [fix] = await folder.quickFixes(u(path), WHOLE);
    const fixed = applyTextEdits(files[path], fix.edits ?? []);
    assert.match(fixed, /so that I find customers\.\n\n## Acceptance Criteria\n\n_[^\n]+_\n\n- \[ \] Given[^\n]+\n- \[ \][^\n]+\n$/);
  });

  test('link.broken: create the PRD from its template, or did you mean a similar doc', async () => {
    const files = sampleFiles();
    const path = `${D}/milestones/m1.md`;
    files[path] = files[path].replace('| High |\n', '| High |\n| Notes | [n](../prd/serch/serch-prd.md#goals) | Low |\n');
    const { folder } = await load(files);
    const fixes = await folder.quickFixes(u(path), WHOLE);
    assert.deepEqual(fixes.map((f) => f.title), ['Create prd/serch/serch-prd.md from the PRD template', 'Did you mean ../prd/search/search-prd.md#goals?']);
    assert.deepEqual(fixes[0].command?.args, [{ from: u(path), target: u(`${D}/prd/serch/serch-prd.md`) }]);
    const plan = await folder.planCreate({ type: 'fromLink', from: u(path), target: u(`${D}/prd/serch/serch-prd.md`) }, '2026-11-23');
    assert.match(plan.creates[0].content, /id: serch-prd\ntitle: Serch\nstatus: draft\nmilestone: m1\npriority: Medium\n/);
    assert.match(applyTextEdits(files[path], fixes[1].edits ?? []), /\[n\]\(\.\.\/prd\/search\/search-prd\.md#goals\)/);
  });

  test('link.broken-heading and ref.unknown suggest close names', async () => {
    const files = sampleFiles();
    const path = `${D}/user-stories/search/story-1.md`;
    files[path] = story('story-1', 'serch-prd', 'todo', ['[g](../../prd/search/search-prd.md#goal)']);
    const { folder } = await load(files);
    const titles = (await folder.quickFixes(u(path), WHOLE)).map((f) => f.title);
    assert.deepEqual(titles, ['Did you mean #goals (Goals)?', 'Did you mean search-prd (PRD search-prd)?']);
  });

  test('story.no-prd: link the PRD of the same feature, or pick one', async () => {
    const files = sampleFiles();
    const path = `${D}/user-stories/search/story-1.md`;
    files[path] = story('story-1', undefined);
    const { folder } = await load(files);
    const fixes = await folder.quickFixes(u(path), WHOLE);
    assert.deepEqual(fixes.map((f) => f.title), ['Link to PRD "PRD search-prd"', 'Link to a PRD…']);
    assert.match(applyTextEdits(files[path], fixes[0].edits ?? []), /^---\nid: story-1\ntitle: Story story-1\nstatus: todo\nprd: search-prd\n---\n/);
    assert.equal(fixes[1].command?.id, 'plandocs.linkPrd');
    const set = await folder.planCreate({ type: 'setPrd', uri: u(path), prd: 'search-prd' }, '2026-11-23');
    assert.match(applyTextEdits(files[path], set.edits), /prd: search-prd\n---/);
  });

  test('no fixes outside the diagnostics\' ranges', async () => {
    const files = sampleFiles();
    const path = `${D}/user-stories/search/story-1.md`;
    files[path] = story('story-1', undefined);
    const { folder } = await load(files);
    assert.deepEqual(await folder.quickFixes(u(path), { start: { line: 12, character: 0 }, end: { line: 12, character: 1 } }), []);
  });
});
