// UI tests of the packaged extension (dist/plandocs.vsix, installed into code-server 4.96.4 = VS Code
// 1.96.4) in the VS Code workbench, driven through headless Chromium like a person would: command palette,
// input boxes, keyboard editing, squiggles, the Problems panel, hovers, quick fixes and F12.
// Every step waits for what it needs with a deadline (no fixed sleeps). Screenshots go to test-results/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, startCodeServer, type CodeServer } from '../../scripts/code-server';
import { copySample, poll, removeCopy, RESULTS, TEST_SETTINGS, VSIX } from './helpers';

let server: CodeServer | undefined;
let browser: Browser | undefined;
let page: Page;
let workspace: string;

const docPath = (rel: string) => path.join(workspace, 'docs', ...rel.split('/'));
/** The 1-based number of the first line of a doc on disk that `match` matches. */
function lineOf(rel: string, match: (line: string) => boolean): number {
  const i = fs.readFileSync(docPath(rel), 'utf8').split('\n').findIndex(match);
  assert.ok(i >= 0, `no such line in ${rel}`);
  return i + 1;
}

const shot = (name: string) => page.screenshot({ path: path.join(RESULTS, `${name}.png`) });
const quickInput = () => page.locator('.quick-input-widget');
const quickInputBox = () => page.locator('.quick-input-widget .quick-input-box input');
const editor = () => page.locator('.editor-group-container.active .editor-instance');
const squiggles = () => editor().locator('.squiggly-warning, .squiggly-error');
const activeTab = () => page.locator('.editor-group-container.active .tab.active');
const problemRows = (text: string) => page.locator('.markers-panel .monaco-list-row', { hasText: text });
/** A file's row in the Problems panel (it is listed only while it has problems). */
const problemFile = (name: string) => page.locator('.markers-panel .monaco-list-row .label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) });

/** A test that leaves a screenshot behind when it fails. */
function uiTest(name: string, fn: () => Promise<void>) {
  test(name, { timeout: 120_000 }, async () => {
    try {
      await fn();
    } catch (e) {
      await shot(`fail-${name.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
      throw e;
    }
  });
}

/**
 * Runs a command from the palette (F1). Retries: right after start-up the palette lists only the
 * commands known when it opened, and the extension's contributions may still be loading.
 */
/**
 * Types `query` into the palette (F1) until `row` shows up, retrying: right after start-up the
 * palette lists only what was known when it opened. Returns the row.
 */
async function pick(query: string, row: () => Locator, ms: number): Promise<Locator> {
  const end = Date.now() + ms;
  for (;;) {
    await page.keyboard.press('F1');
    await quickInputBox().fill(query);
    const found = row();
    try {
      await found.waitFor({ timeout: 3000 });
      return found;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (Date.now() > end) throw e;
    }
  }
}

async function runCommand(title: string, ms = 60_000) {
  await pick('>' + title, () => page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first(), ms);
  await page.keyboard.press('Enter');
}

/** Answers the input box whose title is `title`: types `value` over what is there and presses Enter. */
async function answer(title: string, value: string) {
  await quickInput().locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 15_000 });
  await quickInputBox().fill(value);
  await page.keyboard.press('Enter');
}

/** Opens a file with quick open (F1, then its path without the '>'), picking the row whose path contains `dir`. */
async function openFile(name: string, dir: string, ms = 30_000) {
  const row = await pick(`${dir}/${name}`, () => page.locator('.quick-input-list .monaco-list-row', { hasText: name }).filter({ hasText: dir }).first(), ms);
  await row.click();
  await activeTab().filter({ hasText: name }).waitFor();
  await editor().locator('.view-lines').waitFor();
}

/** Moves the cursor to the start of a 1-based line with Go to Line (Ctrl+G). */
async function goToLine(line: number) {
  await page.keyboard.press('Control+g');
  await quickInputBox().fill(':' + line); // Ctrl+G opens quick access with the ':' (go to line) prefix
  await page.keyboard.press('Enter');
  await quickInput().waitFor({ state: 'hidden' });
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col 1` }).waitFor({ timeout: 5000 });
}

/** Clicks the problem of a file in the Problems panel (the row right under the file's), revealing it in the editor. */
async function showProblemOf(file: string, message: string) {
  const fileRow = problemFile(file).locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " monaco-list-row ")]');
  const index = Number(await fileRow.getAttribute('data-index'));
  const row = page.locator(`.markers-panel .monaco-list-row[data-index="${index + 1}"]`, { hasText: message });
  await row.click();
  await activeTab().filter({ hasText: file }).waitFor();
}

async function hoverOver(target: Locator) {
  const box = await target.boundingBox();
  assert.ok(box, 'the hover target is not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

before(async () => {
  assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package (npm run test:e2e does)`);
  fs.mkdirSync(RESULTS, { recursive: true });
  workspace = copySample('ui');
  [server, browser] = await Promise.all([
    startCodeServer({ vsix: VSIX, settings: {
      ...TEST_SETTINGS,
      'editor.hover.delay': 200,
      'files.autoSave': 'off',
      // steadier screenshots
      'editor.minimap.enabled': false,
      'editor.stickyScroll.enabled': false,
      // one view line per line, so that a link is one piece of text to hover
      '[markdown]': { 'editor.wordWrap': 'off' },
    } }),
    launchBrowser(),
  ]);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.workbenchUrl(workspace));
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'docs' }).first().waitFor({ timeout: 60_000 });
  // the extension is active once its language server has published the sample's problems
  await page.locator('.statusbar-item[id="status.problems"]', { hasText: /\b2\b.*\b3\b/ }).waitFor({ timeout: 60_000 });
});

after(async () => {
  if (page) await shot('ui-final').catch(() => undefined);
  await browser?.close();
  await server?.stop(path.join(RESULTS, 'ui'));
  if (workspace) removeCopy(workspace);
});

describe('Plandocs in the VS Code workbench (installed .vsix)', () => {
  uiTest('command palette: Plandocs: New Milestone asks for a title and dates, then creates and opens the file', async () => {
    const file = docPath('milestones/ui-milestone.md');
    assert.equal(fs.existsSync(file), false);
    await runCommand('Plandocs: New Milestone');
    await answer('Milestone title', 'UI Milestone');
    await quickInput().locator('.quick-input-title', { hasText: 'Start date' }).waitFor();
    await shot('new-milestone-prompt');
    await answer('Start date', '2026-07-06');
    await answer('End date', '2026-09-25');
    await poll(`${file} on disk`, () => fs.existsSync(file));
    const text = await poll('the saved milestone', () => { const t = fs.readFileSync(file, 'utf8'); return t.includes('## ') && t; });
    assert.match(text, /^title: UI Milestone$/m);
    assert.match(text, /^start: 2026-07-06$/m);
    assert.match(text, /^end: 2026-09-25$/m);
    const headings = (t: string) => t.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(headings(text), headings(fs.readFileSync(docPath('templates/milestone-overview.md'), 'utf8')), 'not made from the template');
    await activeTab().filter({ hasText: 'ui-milestone.md' }).waitFor();
    await editor().locator('.view-lines', { hasText: '# UI Milestone' }).waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'ui-milestone.md' }).waitFor({ timeout: 20_000 });
    await shot('new-milestone');
  });

  uiTest('go to definition (F12) on a story\'s prd: value opens the PRD', async () => {
    await openFile('story-1.md', 'user-stories/advanced-search');
    await editor().click();
    await goToLine(lineOf('user-stories/advanced-search/story-1.md', (l) => l.startsWith('prd:')));
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('F12');
    await activeTab().filter({ hasText: 'advanced-search-prd.md' }).waitFor({ timeout: 15_000 });
    await editor().locator('.view-lines', { hasText: 'Advanced Customer Search' }).waitFor();
    await shot('definition');
  });

  uiTest('hover over a PRD link in a milestone\'s Features table shows the PRD\'s title and overview', async () => {
    await openFile('customer-management.md', 'milestones');
    await editor().click();
    await goToLine(lineOf('milestones/customer-management.md', (l) => l.includes('advanced-search-prd.md')));
    const link = editor().locator('.view-line span span', { hasText: '../prd/advanced-search/advanced-search-prd.md' }).first();
    await link.waitFor();
    await hoverOver(link);
    const hover = page.locator('.monaco-hover', { hasText: 'Advanced Customer Search' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await hover.innerText(), /typo-tolerant search box/);
    await shot('hover');
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
  });

  uiTest('diagnostics as you type: deleting a required heading shows a squiggle and a problem, undo clears them, the quick fix adds the section back', async () => {
    const rel = 'prd/advanced-search/advanced-search-prd.md';
    const message = 'Missing section "Success Metrics"';
    const headingLine = lineOf(rel, (l) => l === '## Success Metrics');
    await openFile('advanced-search-prd.md', 'prd/advanced-search');
    await page.keyboard.press('Control+Shift+M');
    await problemRows('plandocs').first().waitFor();
    const already = await problemRows(message).count(); // export-reports-prd.md has this problem already
    assert.equal(await squiggles().count(), 0, 'the PRD should start without problems');
    assert.equal(await problemFile('advanced-search-prd.md').count(), 0);

    const deleteHeading = async () => {
      await editor().click();
      await goToLine(headingLine);
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Delete');
    };
    await deleteHeading();
    await problemFile('advanced-search-prd.md').waitFor({ timeout: 15_000 });
    await poll('the new problem', async () => (await problemRows(message).count()) === already + 1);
    // the problem is reported on the doc's title line: clicking it in the Problems panel reveals the squiggle
    await showProblemOf('advanced-search-prd.md', message);
    await squiggles().first().waitFor({ timeout: 15_000 });
    await hoverOver(squiggles().first());
    await page.locator('.monaco-hover', { hasText: message }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await shot('diagnostics');
    await page.mouse.move(5, 400);

    // undo: the heading is back, and the squiggle and the problem go away
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+z');
    await poll('the squiggle to go away after undo', async () => (await squiggles().count()) === 0);
    await problemFile('advanced-search-prd.md').waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal(await problemRows(message).count(), already);

    // again, and this time the quick fix (Ctrl+.) on the squiggle's line
    await deleteHeading();
    await problemFile('advanced-search-prd.md').waitFor({ timeout: 15_000 });
    await showProblemOf('advanced-search-prd.md', message);
    const squiggle = squiggles().first();
    await squiggle.waitFor({ timeout: 15_000 });
    const box = await squiggle.boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Add section "Success Metrics" from the PRD template' });
    await fix.waitFor({ timeout: 15_000 });
    await shot('quick-fix');
    // the menu takes the keyboard (a pointer block lies over it until the mouse moves)
    await poll('the quick fix to be selected', async () => {
      if (await fix.evaluate((e) => e.classList.contains('focused'))) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    }, 5000);
    await page.keyboard.press('Enter');
    await poll('the squiggle to go away after the quick fix', async () => (await squiggles().count()) === 0);
    await problemFile('advanced-search-prd.md').waitFor({ state: 'detached', timeout: 15_000 });
    await editor().click();
    await goToLine(headingLine);
    await editor().locator('.view-lines', { hasText: '## Success Metrics' }).waitFor();
    await shot('quick-fix-applied');
  });
});
