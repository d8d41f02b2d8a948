// The one-pass scanner agrees with markdown-it (the parser behind VS Code's Markdown features) on
// headings and link destinations: over a generated benchmark corpus, the sample workspace, the
// bad-input corpus and a set of tricky constructs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import { generate } from '../../bench/generate';
import { isLocalTarget, parseDoc } from '../../server/src/core/parse';
import { slugify } from '../../server/src/core/slug';

const md = new MarkdownIt({ html: true }).use(frontMatter, () => undefined);

interface View { headings: string[]; links: string[] }

const norm = (href: string) => {
  try { return decodeURI(href); } catch { return href; }
};

/** What markdown-it sees: `level slug` per heading, and the local link and image destinations (sorted). */
function reference(text: string): View {
  const tokens = md.parse(text, {});
  const headings: string[] = [];
  const links: string[] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open') headings.push(`${t.tag.slice(1)} ${slugify(tokens[i + 1].content)}`);
    for (const c of t.children ?? []) {
      const href = c.type === 'link_open' ? c.attrGet('href') : c.type === 'image' ? c.attrGet('src') : null;
      if (typeof href === 'string' && isLocalTarget(href)) links.push(norm(href));
    }
  });
  return { headings, links: links.sort() };
}

/** What the scanner sees, in the same terms (definitions are not links in markdown-it's tokens). */
function ours(text: string): View {
  const d = parseDoc('file:///x.md', text);
  const headings = d.headings.map((h) => `${h.level} ${slugify(h.text)}`);
  const links = d.links.filter((l) => l.source === 'inline' || l.source === 'reference').map((l) => norm(l.target));
  return { headings, links: links.sort() };
}

function agree(name: string, text: string): void {
  const a = ours(text);
  const b = reference(text);
  assert.deepEqual(a.headings, b.headings, `headings differ in ${name}`);
  assert.deepEqual(a.links, b.links, `link destinations differ in ${name}`);
}

function markdownFiles(dir: string, max = Infinity): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && p.endsWith('.md') && out.length < max) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

describe('scanner agrees with markdown-it', () => {
  test('on a generated corpus of 300 planning docs', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plandocs-diff-'));
    try {
      generate(300, 7, root);
      const files = markdownFiles(root);
      assert.ok(files.length >= 300);
      for (const f of files) agree(path.relative(root, f), fs.readFileSync(f, 'utf8'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  /** Where Plandocs differs on purpose, and why. */
  const DELIBERATE: Record<string, string> = {
    'unterminated.md': 'an unclosed front matter block: markdown-it-front-matter swallows the whole doc; Plandocs reports frontmatter.invalid and still indexes the body',
    'file-uri.md': 'markdown-it drops file: links (its validateLink); Plandocs checks them, so a link out of the workspace gets link.outside-workspace',
  };

  test('on the sample workspace and the bad-input fixtures', () => {
    const dirs = [path.join(__dirname, '..', '..', 'sample'), path.join(__dirname, '..', 'fixtures', 'bad-input')];
    let n = 0;
    const failures: string[] = [];
    for (const d of dirs) {
      for (const f of markdownFiles(d)) {
        if (DELIBERATE[path.basename(f)]) continue;
        try { agree(path.relative(d, f), fs.readFileSync(f, 'utf8')); } catch (e) { failures.push((e as Error).message); }
        n++;
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(n > 40, `${n} files`);
  });

  const TRICKY: Record<string, string> = {
    'setext and ATX with closing hashes': '# A #\nB\n===\n\nC\n---\n## D ##   \n',
    'headings need a space, at most 3 spaces indent': '#no\n    # code\n   # yes\n####### seven\n',
    'fences of both kinds, longer closers, unclosed': '```\n# not\n[a](x.md)\n````\n~~~md\n## no\n~~~\n```\n[b](y.md)\n',
    'indented code after a blank line, not in a list': 'p\n\n    [a](code.md)\n\n- item\n\n    [b](in-list.md)\n',
    'code spans of several lengths': '`[a](a.md)` ``[b](b.md) ` x`` [c](c.md) `` ` `` [d](d.md)\n',
    'escapes and HTML comments': '\\[a](a.md) [b](b\\(1\\).md) <!-- [c](c.md) --> [d](d.md)\n<!--\n[e](e.md)\n-->\n[f](f.md)\n',
    'reference links: full, collapsed, shortcut, case, undefined': '[a][X] [B][] [c] [nope][none]\n\n[x]: x.md\n[b]: <b b.md> "t"\n[C]: c.md\n',
    'images inside links, titles, angle brackets, parentheses': '[![i](i.png)](l.md "t") [a](<sp ace.md>) [b](p(1).md) [c](q.md \'t\')\n',
    'external and fragment links': '[a](https://x.y/a.md) [b](mailto:a@b) [c](#sec) [d](x.md#sec) <https://auto.link>\n',
    'tables and task lists': '| A | B |\n|---|---|\n| [a](a.md) | `[b](b.md)` |\n\n- [ ] todo [c](c.md)\n- [x] done\n',
    'front matter is not content': '---\ntitle: "# not a heading"\nprd: x\n---\n# Real\n[a](a.md)\n',
  };
  for (const [name, text] of Object.entries(TRICKY)) test(name, () => agree(name, text));
});
