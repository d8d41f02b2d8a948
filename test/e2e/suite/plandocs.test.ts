/// <reference types="mocha" />
// Runs inside VS Code's extension host (mocha, tdd), on a copy of sample/ as the workspace folder.
// Each test waits on the language server with a deadline; none sleeps for a fixed time.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';

const EXTENSION_ID = 'plandocs.plandocs';

interface CommandResult { uri: string; selection: { start: { line: number; character: number }; end: { line: number; character: number } }; changed: string[] }

const folder = () => {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'no workspace folder is open');
  return f.uri;
};
/** A path under the workspace folder's docs/ folder. */
const docUri = (rel: string) => vscode.Uri.joinPath(folder(), 'docs', ...rel.split('/'));
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const rel = (uri: vscode.Uri) => uri.path.slice(folder().path.length + 1);

/** Polls `fn` until it returns a truthy value; fails with `what` and the last value after `ms`. */
async function waitFor<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 30_000, last?: () => string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `\n${last()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function plandocsDiagnostics(): [vscode.Uri, vscode.Diagnostic][] {
  return vscode.languages.getDiagnostics().flatMap(([uri, ds]) => ds.filter((d) => d.source === 'plandocs').map((d) => [uri, d] as [vscode.Uri, vscode.Diagnostic]));
}
const describeDiagnostics = () => plandocsDiagnostics().map(([u, d]) => `${rel(u)}:${d.range.start.line + 1} ${codeOf(d)} ${d.message}`).sort().join('\n');

async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(docUri(rel));
  return vscode.window.showTextDocument(doc);
}

/** The position `offset` characters into the first occurrence of `needle` in the document. */
function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `"${needle}" is not in ${doc.uri.path}`);
  return doc.positionAt(i + offset);
}

const hoverText = (hovers: vscode.Hover[]) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
const targetOf = (l: vscode.Location | vscode.LocationLink) => ('targetUri' in l ? l.targetUri : l.uri);
const readDisk = (uri: vscode.Uri) => fs.readFileSync(uri.fsPath, 'utf8');
const headingsOf = (text: string) => text.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3).trim());

suite('Plandocs in the VS Code extension host', () => {
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('the extension is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.equal(ext.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['plandocs.newMilestone', 'plandocs.newPrd', 'plandocs.newStory', 'plandocs.init']) assert.ok(commands.includes(c), `${c} is not registered`);
  });

  test('diagnostics: exactly the five deliberate problems of sample/PROBLEMS.md', async () => {
    const expected: [string, string, vscode.DiagnosticSeverity, RegExp][] = [
      ['prd/export-reports/export-reports-prd.md', 'section.missing', vscode.DiagnosticSeverity.Warning, /Missing section "Success Metrics"/],
      ['milestones/reporting-insights.md', 'link.broken', vscode.DiagnosticSeverity.Error, /scheduled-reports-prd\.md/],
      ['user-stories/customer-notes/story-2.md', 'story.no-prd', vscode.DiagnosticSeverity.Warning, /PRD/],
      ['user-stories/sales-dashboard/story-2.md', 'ref.unknown', vscode.DiagnosticSeverity.Error, /sales-dashbord-prd/],
      ['prd/customer-segmentation/customer-segmentation-prd.md', 'link.broken-heading', vscode.DiagnosticSeverity.Warning, /filters-and-facets/],
    ];
    // the server checks every doc of the folder, open or not
    await waitFor('the five diagnostics', () => plandocsDiagnostics().length >= expected.length, 30_000, describeDiagnostics);
    const all = plandocsDiagnostics();
    assert.equal(all.length, expected.length, `expected ${expected.length} diagnostics, got:\n${describeDiagnostics()}`);
    for (const [file, code, severity, message] of expected) {
      const uri = docUri(file);
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'plandocs');
      assert.equal(found.length, 1, `${file}: ${found.map((d) => codeOf(d)).join(', ') || 'no diagnostic'}`);
      assert.equal(codeOf(found[0]), code, file);
      assert.equal(found[0].severity, severity, `${file} ${code} severity`);
      assert.match(found[0].message, message);
    }
    // the broken link's range covers the link target
    const milestone = await vscode.workspace.openTextDocument(docUri('milestones/reporting-insights.md'));
    const broken = vscode.languages.getDiagnostics(milestone.uri)[0];
    assert.match(milestone.getText(broken.range), /scheduled-reports/);
  });

  test('go to definition on a story\'s prd: value opens the PRD', async () => {
    const editor = await open('user-stories/advanced-search/story-1.md');
    const pos = positionOf(editor.document, 'prd: advanced-search-prd', 'prd: advanced'.length);
    const locations = await waitFor('a definition', async () => {
      const r = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, pos);
      return r?.length ? r : undefined;
    });
    assert.equal(targetOf(locations[0]).toString(), docUri('prd/advanced-search/advanced-search-prd.md').toString());
  });

  test('hover on a PRD link in a milestone\'s Features table shows the PRD\'s title and overview', async () => {
    const editor = await open('milestones/customer-management.md');
    const features = editor.document.getText().indexOf('## Features');
    assert.ok(features >= 0);
    const link = editor.document.getText().indexOf('(../prd/advanced-search/advanced-search-prd.md)', features);
    const pos = editor.document.positionAt(link + 10);
    const text = await waitFor('a Plandocs hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
      const t = h ? hoverText(h) : '';
      return t.includes('Advanced Customer Search') ? t : undefined;
    });
    assert.match(text, /typo-tolerant search box/, 'the hover shows the overview');
  });

  test('quick fix adds a missing section from the template and the diagnostic goes away', async () => {
    const editor = await open('prd/export-reports/export-reports-prd.md');
    const uri = editor.document.uri;
    const [diag] = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'section.missing');
    assert.ok(diag, 'no section.missing diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Add section "Success Metrics" from the PRD template');
    assert.ok(fix?.edit, `no quick fix; got: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.getText(), /^## Success Metrics$/m);
    await waitFor('the diagnostic to go away', () => vscode.languages.getDiagnostics(uri).every((d) => codeOf(d) !== 'section.missing'), 15_000, describeDiagnostics);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  suite('commands with arguments create docs without prompting', () => {
    test('plandocs.newMilestone creates docs/milestones/e2e-milestone.md from the template, saved and open', async () => {
      const target = docUri('milestones/e2e-milestone.md');
      assert.equal(fs.existsSync(target.fsPath), false);
      const r = await vscode.commands.executeCommand<CommandResult>('plandocs.newMilestone', { title: 'E2E Milestone', start: '2026-07-06', end: '2026-09-25' });
      assert.ok(r, 'the command returned nothing');
      assert.equal(vscode.Uri.parse(r.uri).toString(), target.toString());
      assert.ok(r.changed.map((u) => vscode.Uri.parse(u).toString()).includes(target.toString()));
      assert.ok(fs.existsSync(target.fsPath), 'not saved to disk');
      const text = readDisk(target);
      assert.match(text, /^title: E2E Milestone$/m);
      assert.match(text, /^start: 2026-07-06$/m);
      assert.match(text, /^end: 2026-09-25$/m);
      assert.match(text, /^# E2E Milestone$/m);
      assert.deepEqual(headingsOf(text), headingsOf(readDisk(docUri('templates/milestone-overview.md'))));
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), target.toString(), 'the new milestone is not the active editor');
      assert.equal(editor.document.isDirty, false);
    });

    test('plandocs.newPrd creates the PRD and adds a row to the milestone\'s Features table', async () => {
      const r = await vscode.commands.executeCommand<CommandResult>('plandocs.newPrd', { title: 'E2E Feature', milestone: 'e2e-milestone', priority: 'High' });
      assert.ok(r, 'the command returned nothing');
      const prd = docUri('prd/e2e-feature/e2e-feature-prd.md');
      assert.equal(vscode.Uri.parse(r.uri).toString(), prd.toString());
      assert.match(readDisk(prd), /^milestone: e2e-milestone$/m);
      assert.match(readDisk(prd), /^priority: High$/m);
      const milestone = readDisk(docUri('milestones/e2e-milestone.md'));
      assert.match(milestone, /^\| E2E Feature \| \[E2E Feature\]\(\.\.\/prd\/e2e-feature\/e2e-feature-prd\.md\) \| High \|$/m);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), prd.toString());
    });

    test('plandocs.newStory creates the story and lists it in the PRD', async () => {
      const r = await vscode.commands.executeCommand<CommandResult>('plandocs.newStory', { title: 'E2E Story', prd: 'e2e-feature-prd' });
      assert.ok(r, 'the command returned nothing');
      const story = docUri('user-stories/e2e-feature/story-1.md');
      assert.equal(vscode.Uri.parse(r.uri).toString(), story.toString());
      assert.match(readDisk(story), /^prd: e2e-feature-prd$/m);
      assert.match(readDisk(docUri('prd/e2e-feature/e2e-feature-prd.md')), /\(\.\.\/\.\.\/user-stories\/e2e-feature\/story-1\.md\)/);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), story.toString());
    });

    test('the new docs are linked both ways: definition from the story to its PRD', async () => {
      const editor = await open('user-stories/e2e-feature/story-1.md');
      const pos = positionOf(editor.document, 'prd: e2e-feature-prd', 'prd: e2e'.length);
      const locations = await waitFor('a definition', async () => {
        const r = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, pos);
        return r?.length ? r : undefined;
      });
      assert.equal(targetOf(locations[0]).toString(), docUri('prd/e2e-feature/e2e-feature-prd.md').toString());
    });
  });
});
