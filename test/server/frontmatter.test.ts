// frontmatter.invalid: broken YAML is reported where it is broken, and front matter in a programming
// language (---js, ---JS, ---javascript) is refused, never run by the server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspClient, REPO, SampleCopy, type Diag } from '../helpers/lspClient';

const LANGS = ['js', 'JS', 'javascript'];

/** Front matter whose evaluation writes `marker` and sets a global. */
function payload(lang: string, marker: string): string {
  return [
    `---${lang}`,
    '(function () {',
    "  const fs = (typeof require === 'function' ? require : process.getBuiltinModule)('fs');",
    `  fs.writeFileSync(${JSON.stringify(marker)}, 'evaluated');`,
    '  globalThis.__plandocsEvaluated = true;',
    "  return { id: 'pwned', title: 'pwned' };",
    '})()',
    '---',
    '',
    '# Payload',
    '',
  ].join('\n');
}

const invalid = (list: Diag[]) => list.filter((d) => d.code === 'frontmatter.invalid');

describe('frontmatter.invalid', () => {
  const sample = new SampleCopy();
  const markers = (name: string) => path.join(sample.dir, `marker-${name}`);
  let client: LspClient;

  before(async () => {
    // One payload is on disk before the server starts, so the initial indexing reads it too.
    sample.write('docs/prd/on-disk/on-disk-prd.md', payload('js', markers('on-disk')));
    client = await LspClient.start({ folder: sample.dir });
    await client.waitForPublished(sample.docs().map((f) => sample.uri(f)));
  });
  after(async () => {
    await client?.shutdown();
    sample.cleanup();
  });

  test('control: the payloads do run when gray-matter evaluates them with its default engines', () => {
    for (const lang of LANGS) {
      sample.write(`control-${lang}.md`, payload(lang, markers(`control-${lang}`)));
      const r = spawnSync(process.execPath, ['-e', "require('gray-matter')(require('fs').readFileSync(process.argv[1], 'utf8'))", sample.path(`control-${lang}.md`)],
        { cwd: REPO, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(fs.existsSync(markers(`control-${lang}`)), `---${lang} payload is live`);
    }
  });

  test('a ---js doc found on disk at startup is reported and not run', () => {
    const [d] = invalid(client.diagnosticsOf(sample.uri('docs/prd/on-disk/on-disk-prd.md')) ?? []);
    assert.ok(d, 'frontmatter.invalid published');
    assert.equal(d.range.start.line, 0);
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.ok(!fs.existsSync(markers('on-disk')), 'marker written: the server evaluated the front matter');
  });

  for (const lang of LANGS) {
    test(`opening a doc with ---${lang} front matter reports it and never runs it`, async () => {
      const uri = sample.uri(`docs/prd/fm-${lang}/fm-${lang}-prd.md`);
      await client.open(uri, payload(lang, markers(lang)));
      const [d] = invalid(await client.waitForDiagnostics(uri, (l) => invalid(l).length > 0));
      assert.equal(d.source, 'plandocs');
      assert.equal(d.severity, DiagnosticSeverity.Error);
      assert.equal(d.range.start.line, 0);
      assert.match(d.message, /not read|never run/);
      assert.ok(!fs.existsSync(markers(lang)), 'marker written: the server evaluated the front matter');
      await client.close(uri);
    });
  }

  test('broken YAML is reported as frontmatter.invalid inside the front matter', async () => {
    const uri = sample.uri('docs/prd/broken-yaml/broken-yaml-prd.md');
    const text = '---\nid: broken-yaml-prd\ntitle: [unclosed\nstatus: draft\n---\n\n# Broken\n';
    await client.open(uri, text);
    const [d] = invalid(await client.waitForDiagnostics(uri, (l) => invalid(l).length > 0));
    assert.equal(d.source, 'plandocs');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.message, /YAML/);
    assert.ok(d.range.start.line >= 1 && d.range.start.line <= 4, `line ${d.range.start.line} is in the front matter`);
    // Fixing the YAML clears it.
    await client.change(uri, text.replace('[unclosed', 'Broken'));
    await client.waitForDiagnostics(uri, (l) => invalid(l).length === 0);
    await client.close(uri);
  });

  test('broken YAML is reported on the line of the offending entry', async () => {
    const cases = [
      { text: '---\nid: dup-prd\nid: again\ntitle: Dup\n---\n\n# Dup\n', line: 2 },
      { text: '---\nid: indent-prd\ntitle: Indent\n  bad: indent\nstatus: draft\n---\n\n# Indent\n', line: 3 },
    ];
    for (const [i, c] of cases.entries()) {
      const uri = sample.uri(`docs/prd/yaml-line-${i}/yaml-line-${i}-prd.md`);
      await client.open(uri, c.text);
      const [d] = invalid(await client.waitForDiagnostics(uri, (l) => invalid(l).length > 0));
      await client.close(uri);
      assert.equal(d.range.start.line, c.line, `${JSON.stringify(c.text)}: ${d.message}`);
    }
  });

  test('the server never evaluated any payload', () => {
    assert.deepEqual(LANGS.concat('on-disk').filter((n) => fs.existsSync(markers(n))), []);
    assert.equal(client.exit, undefined, 'server still running');
  });
});
