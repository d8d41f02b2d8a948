import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTextEdits } from '../../server/src/cli/apply';
import { checkDate, renderTemplate, slugFromTitle } from '../../server/src/core/create/names';
import { CreateError, type CreatePlan } from '../../server/src/core/create/types';
import { DEFAULT_TEMPLATES } from '../../server/src/core/defaultTemplates';
import { D, ROOT, load, sampleFiles } from '../helpers/fixture';
import { MemoryWorkspace, lines } from '../helpers/memoryWorkspace';

const TODAY = '2026-11-23';

/** Applies a plan to the in-memory files, as an editor would. */
function apply(ws: MemoryWorkspace, plan: CreatePlan) {
  for (const c of plan.creates) ws.write(c.path, c.content);
  for (const e of plan.edits) ws.write(e.path, applyTextEdits(ws.files.get(e.path) ?? '', [e]));
}

describe('names', () => {
  test('slugs: lowercase ASCII with dashes, bounded, no separators', () => {
    assert.equal(slugFromTitle('Customer Management Enhancements'), 'customer-management-enhancements');
    assert.equal(slugFromTitle('  Café / Crème: "Brûlée" 2.0 '), 'cafe-creme-brulee-2-0');
    assert.equal(slugFromTitle('../../etc/passwd'), 'etc-passwd');
    assert.equal(slugFromTitle('日本語'), '');
    const long = slugFromTitle('word '.repeat(40));
    assert.ok(long.length <= 60 && !long.endsWith('-'), long);
  });

  test('templates: known variables replaced, unknown ones left as written', () => {
    assert.equal(renderTemplate('{{title}} {{ id }} {{persona}} {{}}', { title: 'T', id: 'x' }), 'T x {{persona}} {{}}');
  });

  test('dates must be real and written YYYY-MM-DD', () => {
    assert.equal(checkDate('2026-02-28'), undefined);
    assert.match(checkDate('2026-02-30') ?? '', /not a date/);
    assert.match(checkDate('5 Jan 2026') ?? '', /YYYY-MM-DD/);
  });
});

describe('New Milestone', () => {
  test('creates milestones/<slug>.md from the template with the variables filled in', async () => {
    const { folder } = await load();
    const plan = await folder.planCreate({ type: 'milestone', title: 'Mobile Beta', start: '2026-07-06', end: '2026-09-25' }, TODAY);
    assert.equal(plan.creates.length, 1);
    assert.equal(plan.creates[0].path, `${D}/milestones/mobile-beta.md`);
    const text = plan.creates[0].content;
    assert.match(text, /^---\nid: mobile-beta\ntitle: Mobile Beta\nstatus: planned\nstart: 2026-07-06\nend: 2026-09-25\n---\n\n# Mobile Beta\n/);
    assert.deepEqual(plan.edits, []);
    const sel = plan.open.selection;
    assert.match(text.split('\n')[sel.start.line], /^_.*_$/, 'the first section\'s guidance is selected');
  });

  test('refuses bad dates, an end before the start, an empty title, an existing file', async () => {
    const { folder } = await load();
    const reject = (req: Parameters<typeof folder.planCreate>[0], re: RegExp) => assert.rejects(folder.planCreate(req, TODAY), (e: Error) => e instanceof CreateError && re.test(e.message));
    await reject({ type: 'milestone', title: 'X', start: '2026-13-01' }, /start date/);
    await reject({ type: 'milestone', title: 'X', start: '2026-05-01', end: '2026-04-01' }, /before the start/);
    await reject({ type: 'milestone', title: '  ' }, /title/);
    await reject({ type: 'milestone', title: '???' }, /no letters or digits/);
    await reject({ type: 'milestone', title: 'M1' }, /docs\/milestones\/m1.md already exists/);
  });

  test('refuses a file that exists on disk but is not indexed yet', async () => {
    const { ws, folder } = await load();
    ws.write(`${D}/milestones/late.md`, 'x');
    await assert.rejects(folder.planCreate({ type: 'milestone', title: 'Late' }, TODAY), /already exists/);
  });

  test('uses the workspace template when there is one', async () => {
    const files = sampleFiles();
    files[`${D}/templates/milestone-overview.md`] = lines('# {{title}} ({{date}})', '## Why');
    const { folder } = await load(files);
    const plan = await folder.planCreate({ type: 'milestone', title: 'Q3' }, TODAY);
    assert.equal(plan.creates[0].content, lines('# Q3 (2026-11-23)', '## Why'));
  });
});

describe('New PRD', () => {
  test('creates prd/<feature>/<feature>-prd.md and adds a Features row to the milestone', async () => {
    const { ws, folder } = await load();
    const plan = await folder.planCreate({ type: 'prd', title: 'Offline Mode', milestone: 'm1', priority: 'high' }, TODAY);
    assert.equal(plan.creates[0].path, `${D}/prd/offline-mode/offline-mode-prd.md`);
    assert.match(plan.creates[0].content, /id: offline-mode-prd\n[\s\S]*milestone: m1\npriority: High\n/);
    apply(ws, plan);
    const m = ws.files.get(`${D}/milestones/m1.md`) ?? '';
    assert.match(m, /\| Search \| \[Search\]\(\.\.\/prd\/search\/search-prd\.md\) \| High \|\n\| Offline Mode \| \[Offline Mode\]\(\.\.\/prd\/offline-mode\/offline-mode-prd\.md\) \| High \|\n/);
    await folder.load();
  });

  test('the milestone can be named by URI; without a table one is added; refuses non-milestones', async () => {
    const files = sampleFiles();
    files[`${D}/milestones/m2.md`] = lines('# M2', '## Features', 'Nothing yet.');
    const { ws, folder } = await load(files);
    const plan = await folder.planCreate({ type: 'prd', title: 'Export', milestone: `file://${D}/milestones/m2.md` }, TODAY);
    apply(ws, plan);
    assert.equal(ws.files.get(`${D}/milestones/m2.md`), lines('# M2', '## Features', 'Nothing yet.', '', '| Feature | PRD | Priority |', '|---|---|---|', '| Export | [Export](../prd/export/export-prd.md) | Medium |'));
    await assert.rejects(folder.planCreate({ type: 'prd', title: 'Y', milestone: 'search-prd' }, TODAY), /is a PRD, not a milestone/);
    await assert.rejects(folder.planCreate({ type: 'prd', title: 'Y', milestone: 'nope' }, TODAY), /No milestone "nope"/);
    await assert.rejects(folder.planCreate({ type: 'prd', title: 'Y', milestone: 'm1', priority: 'urgent' }, TODAY), /High, Medium or Low/);
  });

  test('columns are filled by header name and CRLF docs stay CRLF', async () => {
    const files = sampleFiles();
    files[`${D}/milestones/m2.md`] = '# M2\r\n## Features\r\n| Priority | Feature | Owner | PRD |\r\n|-|-|-|-|\r\n| Low | A | me | x |\r\n\r\n## Next\r\n';
    const { ws, folder } = await load(files);
    apply(ws, await folder.planCreate({ type: 'prd', title: 'B', milestone: 'm2', priority: 'Low' }, TODAY));
    assert.equal(ws.files.get(`${D}/milestones/m2.md`), '# M2\r\n## Features\r\n| Priority | Feature | Owner | PRD |\r\n|-|-|-|-|\r\n| Low | A | me | x |\r\n| Low | B |  | [B](../prd/b/b-prd.md) |\r\n\r\n## Next\r\n');
  });
});

describe('New User Story', () => {
  test('creates user-stories/<feature>/story-<next n>.md and links it from the PRD', async () => {
    const { ws, folder } = await load();
    const plan = await folder.planCreate({ type: 'story', title: 'Search by phone', prd: 'search-prd' }, TODAY);
    assert.equal(plan.creates[0].path, `${D}/user-stories/search/story-3.md`);
    assert.match(plan.creates[0].content, /id: search-story-3\ntitle: Search by phone\nstatus: todo\nprd: search-prd\n/);
    assert.match(plan.creates[0].content, /As a \{\{persona\}\}/, 'unknown variables are left for the writer');
    apply(ws, plan);
    assert.match(ws.files.get(`${D}/prd/search/search-prd.md`) ?? '', /- \[Story 1\]\(\.\.\/\.\.\/user-stories\/search\/story-1\.md\)\n- \[Search by phone\]\(\.\.\/\.\.\/user-stories\/search\/story-3\.md\)\n/);
  });

  test('numbers continue after the highest story, even with gaps', async () => {
    const files = sampleFiles();
    files[`${D}/user-stories/search/story-9.md`] = 'x';
    const { folder } = await load(files);
    const plan = await folder.planCreate({ type: 'story', title: 'T', prd: 'search-prd' }, TODAY);
    assert.equal(plan.creates[0].path, `${D}/user-stories/search/story-10.md`);
  });
});

describe('Initialize Planning Docs', () => {
  test('scaffolds the templates and a guide; never touches existing files', async () => {
    const ws = new MemoryWorkspace({ [`${D}/prd/template.md`]: '# mine\n' });
    const { PlanFolder, defaultSettings } = await import('../../server/src/core');
    const { URI } = await import('vscode-uri');
    const folder = new PlanFolder(ws, URI.file(ROOT), defaultSettings());
    await folder.load();
    const plan = await folder.planCreate({ type: 'init' }, TODAY);
    assert.deepEqual(plan.creates.map((c) => c.path), [`${D}/templates/milestone-overview.md`, `${D}/user-stories/template.md`, `${D}/README.md`]);
    assert.equal(plan.creates[0].content, DEFAULT_TEMPLATES.milestone);
    apply(ws, plan);
    await folder.load();
    await assert.rejects(folder.planCreate({ type: 'init' }, TODAY), /already has its templates/);
  });
});
