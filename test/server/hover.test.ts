// Hover previews of linked docs: PRDs from milestones, stories from PRDs, milestones from PRDs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MarkupKind } from 'vscode-languageserver-protocol/node';
import { LspClient, useServer, SampleCopy, lineOf, posOf } from '../helpers/lspClient';

describe('hover', () => {
  const sample = new SampleCopy();
  let client: LspClient;

  useServer(sample, (c) => { client = c; });

  /** Hovers at `needle` (+delta) in `rel`; returns the markdown and checks the range covers `needle`'s link. */
  async function hoverAt(rel: string, needle: string, delta = 0): Promise<string> {
    const text = sample.read(rel);
    const h = await client.hover(sample.uri(rel), posOf(text, needle, delta));
    assert.ok(h, `hover at ${needle}`);
    assert.ok(typeof h.contents === 'object' && 'kind' in h.contents, JSON.stringify(h.contents));
    assert.equal(h.contents.kind, MarkupKind.Markdown);
    assert.ok(h.range, 'hover has a range');
    const covered = lineOf(text, h.range.start.line).slice(h.range.start.character, h.range.end.character);
    assert.ok(needle.startsWith(covered) || covered.startsWith(needle), `range covers "${covered}"`);
    return h.contents.value;
  }

  test('a PRD link in a milestone\'s Features table previews the PRD', async () => {
    const md = await hoverAt('docs/milestones/customer-management.md', '../prd/advanced-search/advanced-search-prd.md', 10);
    assert.match(md, /\*\*Advanced Customer Search\*\* · PRD/);
    assert.match(md, /Status: approved/);
    assert.match(md, /Priority: High/);
    assert.match(md, /Milestone: Customer Management Enhancements/);
    assert.match(md, /User stories: 3 \(1 done, 1 in-progress, 1 todo\)/);
  });

  test('the PRD preview counts only stories that reference the PRD', async () => {
    // customer-notes story-2 is linked from the PRD but references no PRD itself (sample problem c).
    const md = await hoverAt('docs/milestones/customer-management.md', '../prd/customer-notes/customer-notes-prd.md', 3);
    assert.match(md, /\*\*Customer Notes and History\*\*/);
    assert.match(md, /Status: in-review/);
    assert.match(md, /User stories: 2 \(1 done, 1 todo\)/);
    // sales-dashboard story-2 has a typo in prd: but links to the PRD in its body: it counts.
    const sd = await hoverAt('docs/milestones/reporting-insights.md', '../prd/sales-dashboard/sales-dashboard-prd.md', 3);
    assert.match(sd, /User stories: 2 \(2 todo\)/);
  });

  test('a story link in a PRD\'s User Stories section previews the story', async () => {
    const md = await hoverAt('docs/prd/customer-notes/customer-notes-prd.md', '../../user-stories/customer-notes/story-2.md', 8);
    assert.match(md, /\*\*View a customer's activity history\*\* · user story/);
    assert.match(md, /Status: in-progress/);
    assert.match(md, /> As an account manager taking over an account, I want to see every note/);
    assert.match(md, /Acceptance criteria: 1\/4 done/);
    const done = await hoverAt('docs/prd/customer-notes/customer-notes-prd.md', '../../user-stories/customer-notes/story-1.md', 8);
    assert.match(done, /> As a sales rep, I want to add a note/);
    assert.match(done, /Acceptance criteria: 4\/4 done/);
    assert.match(done, /PRD: Customer Notes and History/);
  });

  test('a PRD\'s milestone: reference previews the milestone', async () => {
    const md = await hoverAt('docs/prd/advanced-search/advanced-search-prd.md', 'customer-management', 4);
    assert.match(md, /\*\*Customer Management Enhancements\*\* · milestone/);
    assert.match(md, /2026-01-05 → 2026-03-27/);
    assert.match(md, /Status: in-progress/);
    assert.match(md, /PRDs: 3 \(2 approved, 1 in-review\)/);
    const ri = await hoverAt('docs/prd/export-reports/export-reports-prd.md', 'reporting-insights', 0);
    assert.match(ri, /2026-04-06 → 2026-06-26/);
    assert.match(ri, /PRDs: 2 \(1 draft, 1 in-review\)/);
  });

  test('a link with a #fragment names the section', async () => {
    const md = await hoverAt('docs/user-stories/sales-dashboard/story-2.md', '../../prd/sales-dashboard/sales-dashboard-prd.md#requirements', 5);
    assert.match(md, /\*\*Sales Dashboard\*\* · PRD/);
    assert.match(md, /Section: \*\*Requirements\*\*/);
  });

  test('hovers follow edits of the linked doc', async () => {
    const rel = 'docs/prd/advanced-search/advanced-search-prd.md';
    const uri = sample.uri(rel);
    const text = sample.read(rel);
    await client.open(uri, text);
    await client.change(uri, text.replace('status: approved', 'status: draft'));
    const ms = 'docs/milestones/customer-management.md';
    const pos = posOf(sample.read(ms), '../prd/advanced-search/advanced-search-prd.md', 3);
    // The edit is applied after a short typing delay: poll hovers until it shows, with a deadline.
    const deadline = Date.now() + 5000;
    let md = '';
    while (Date.now() < deadline) {
      const h = await client.hover(sample.uri(ms), pos);
      md = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
      if (/Status: draft/.test(md)) break;
      await new Promise((r) => setImmediate(r));
    }
    assert.match(md, /Status: draft/);
    await client.close(uri);
  });
});
