// The bad-input corpus: inputs a repository can contain, each with what Plandocs must say about it.
// Small files live in test/fixtures/bad-input/<case>/ (mirroring the workspace: docs/...) and are
// copied at test time; big, binary, exact-byte, symlink, FIFO and mode-000 ones are generated.
// Every case has its own folders under docs/ so that no two cases interact.
import type { Code } from '../../server/src/core';
import * as g from './generate';

/** The exact diagnostic codes of a file (in any order), [] for a quiet doc, or a quiet skip. */
export type Expect = readonly Code[] | 'not-indexed';

export interface Case {
  name: string;
  /** Writes the generated files; may settle expectations that depend on the machine (root or not). */
  generate?: (gen: g.Gen) => Record<string, Expect> | void;
  /** Per file, relative to the workspace folder. */
  expect: Record<string, Expect>;
  /** Per file: each pattern must match one of its diagnostics' messages. */
  messages?: Record<string, RegExp[]>;
  /** Per file: the start (0-based line, character) of every diagnostic, in any order. */
  starts?: Record<string, [number, number][]>;
  /** Marker files (in Gen.markers) that exist only if a payload was run. */
  markers?: string[];
  /** A known product bug: the case is reported as todo until it is fixed. */
  todo?: string;
}

const n = (c: string, f: string) => `docs/notes/${c}/${f}`;
const SIX: Code[] = Array(6).fill('section.missing');
const PRD_BROKEN: Code[] = ['link.broken', 'ref.unknown'];

/** Front matter cases (under docs/notes/<name>/): each file's message must say what is wrong. */
function fm(name: string, files: Record<string, RegExp>, quiet: string[] = []): Case {
  const expect: Record<string, Expect> = {};
  const messages: Record<string, RegExp[]> = {};
  for (const [f, re] of Object.entries(files)) { expect[n(name, f)] = ['frontmatter.invalid']; messages[n(name, f)] = [re]; }
  for (const f of quiet) expect[n(name, f)] = [];
  return { name, expect, messages };
}

/** Refused as a language, with its name, and never run. */
const refused = (lang: string) => new RegExp(`in "${lang}" is not read \\(only YAML is supported; it is never run\\)`);

function encoding(name: string): Case {
  const file = `docs/prd/${name}/${name}-prd.md`;
  return {
    name,
    generate: g.encoded(name),
    expect: { [file]: PRD_BROKEN },
    messages: { [file]: [new RegExp(`missing-${name}\\.md does not exist`), /No milestone "no-such-milestone"/] },
    // the same lines whatever the line endings, BOM or bytes: the milestone value, the last link
    starts: { [file]: [[4, 11], [34, 7]] },
  };
}

export const CASES: Case[] = [
  fm('fm-unterminated', { 'unterminated.md': /not closed/, 'dashes-only.md': /not closed/ }),
  fm('fm-not-mapping', { 'yaml-list.md': /key: value/, 'yaml-scalar.md': /key: value/ }),
  fm('fm-billion-laughs', { 'billion-laughs.md': /more than 64 YAML aliases/ }),
  fm('fm-duplicate-keys', { 'duplicate-keys.md': /duplicated mapping key/ }),
  fm('fm-tabs', { 'tab-indent.md': /tab characters must not be used in indentation/ }, ['tab-separator.md']),
  // JSON in plain `---` is a YAML flow mapping; `+++` TOML (Hugo) is not front matter at all
  fm('fm-json', { 'json-fenced.md': refused('json') }, ['json-flow.md']),
  fm('fm-toml', { 'toml-fenced.md': refused('toml') }, ['toml-plus.md']),
  fm('fm-yaml-syntax', { 'yaml-unclosed.md': /Invalid YAML in front matter/, 'yaml-deep.md': /Invalid YAML in front matter: nesting/ }),
  {
    ...fm('fm-code', {
      'code-js.md': refused('js'), 'code-javascript.md': refused('javascript'), 'code-upper-js.md': refused('JS'),
      'code-spaced-js.md': refused('js'), 'code-coffee.md': refused('coffee'), 'code-yaml-tag.md': /unknown tag .*js\/function/,
    }),
    generate: g.codeFrontMatter,
    markers: ['js', 'javascript', 'upper-js', 'spaced-js', 'coffee', 'yaml-tag'].map((m) => `${m}.ran`),
  },
  {
    name: 'fm-too-large',
    generate: (gen) => { g.write(gen, n('fm-too-large', 'too-large.md'), `---\nid: fm-too-large\nbig: "${'y'.repeat(70_000)}"\n---\n\n# Too large\n`); },
    expect: { [n('fm-too-large', 'too-large.md')]: ['frontmatter.invalid'] },
    messages: { [n('fm-too-large', 'too-large.md')]: [/too large \(over 64 KB\)/] },
  },
  { name: 'fm-odd-values', expect: { [n('fm-odd-values', 'odd-values.md')]: [] } },
  encoding('encoding-bom'),
  encoding('encoding-crlf'),
  encoding('encoding-cr'),
  encoding('encoding-latin1'),
  encoding('encoding-invalid-utf8'),
  {
    name: 'binary-nul',
    generate: g.binaryFiles,
    expect: {
      'docs/user-stories/binary-nul/binary-nul-story.md': 'not-indexed',
      'docs/prd/binary-nul/binary-nul-prd.md': 'not-indexed',
      [n('binary-nul', 'late-nul.md')]: ['link.broken'],
      [n('binary-nul', 'links-to-binary.md')]: [],
    },
  },
  {
    name: 'empty',
    expect: {
      'docs/prd/empty/empty-prd.md': SIX,
      'docs/user-stories/empty/empty-story.md': ['section.missing', 'section.missing', 'story.no-prd'],
      [n('empty', 'empty-note.md')]: [],
      [n('empty', 'blank-lines.md')]: [],
    },
    messages: { 'docs/prd/empty/empty-prd.md': g.PRD_SECTIONS.map((s) => new RegExp(`Missing section "${s}"`)) },
  },
  {
    name: 'huge-doc',
    generate: g.hugeDoc,
    expect: { [n('huge-doc', 'huge-doc.md')]: ['link.broken'] },
    messages: { [n('huge-doc', 'huge-doc.md')]: [/missing-huge\.md does not exist/] },
  },
  {
    // Lines over 20,000 characters are not scanned for links (by design); the lines after are.
    name: 'long-line',
    generate: g.longLine,
    expect: { [n('long-line', 'long-line.md')]: ['link.broken'] },
    messages: { [n('long-line', 'long-line.md')]: [/missing-after-long-line\.md/] },
  },
  {
    name: 'many-headings',
    generate: g.manyHeadings,
    expect: { [n('many-headings', 'many-headings.md')]: [], [n('many-headings', 'heading-links.md')]: ['link.broken-heading'] },
    messages: { [n('many-headings', 'heading-links.md')]: [/No heading "#heading-100000"/] },
  },
  {
    name: 'link-spaces',
    expect: {
      [n('link-spaces', 'my file.md')]: [], [n('link-spaces', 'space-in-link.md')]: [], [n('link-spaces', 'angle-link.md')]: [],
      [n('link-spaces', 'percent-link.md')]: [], [n('link-spaces', 'hash#name.md')]: [],
      [n('link-spaces', 'angle-missing.md')]: ['link.broken'], [n('link-spaces', 'bad-percent.md')]: ['link.broken'],
      [n('link-spaces', 'hash-link.md')]: ['link.broken'],
    },
    messages: {
      [n('link-spaces', 'angle-missing.md')]: [/link-spaces\/missing file\.md does not exist/],
      [n('link-spaces', 'bad-percent.md')]: [/link-spaces\/100%zz\.md does not exist/],
      [n('link-spaces', 'hash-link.md')]: [/link-spaces\/hash does not exist/],
    },
  },
  {
    name: 'link-file-uri',
    expect: { [n('link-file-uri', 'file-uri.md')]: ['link.outside-workspace'] },
    messages: { [n('link-file-uri', 'file-uri.md')]: [/leaves the workspace folder \(\/etc\/hostname\)/] },
  },
  {
    name: 'link-absolute',
    expect: { [n('link-absolute', 'root-relative.md')]: ['link.broken'] },
    messages: { [n('link-absolute', 'root-relative.md')]: [/Broken link: etc\/passwd does not exist/] },
  },
  {
    name: 'link-traversal',
    expect: { [n('link-traversal', 'traversal.md')]: ['link.outside-workspace', 'link.outside-workspace'] },
    messages: { [n('link-traversal', 'traversal.md')]: [/leaves the workspace folder \(\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd\)/] },
  },
  {
    // Were the loops followed, loop/loop-real.md would be indexed too and share loop-real's id.
    name: 'symlink-loop',
    generate: g.symlinkLoop,
    expect: {
      [n('symlink-loop', 'loop-real.md')]: [], [n('symlink-loop', 'loop/loop-real.md')]: 'not-indexed',
      [n('symlink-loop', 'up/symlink-loop/loop-real.md')]: 'not-indexed',
      [n('symlink-loop', 'self-a.md')]: 'not-indexed', [n('symlink-loop', 'self-b.md')]: 'not-indexed',
    },
  },
  {
    name: 'symlink-outside',
    generate: g.symlinkOutside,
    expect: {
      [n('symlink-outside', 'here.md')]: [], [n('symlink-outside', 'secret-link.md')]: 'not-indexed',
      [n('symlink-outside', 'outside-dir/secret.md')]: 'not-indexed', [n('symlink-outside', 'etc-passwd.md')]: 'not-indexed',
    },
  },
  {
    name: 'symlink-link',
    generate: g.symlinkLink,
    // real-target.md has a broken link, so that alias.md, if it were followed, would show one too
    expect: { [n('symlink-link', 'real-target.md')]: ['link.broken'], [n('symlink-link', 'alias.md')]: 'not-indexed' },
  },
  {
    name: 'link-to-symlink',
    expect: { [n('link-to-symlink', 'linker.md')]: [] },
  },
  {
    // No crash, and either quiet or read: as root (CI) mode 000 is still readable, so the docs are
    // indexed like any other; any other user gets a quiet skip (the expectation follows canRead).
    name: 'unreadable',
    generate: (gen) => {
      const r = g.unreadable(gen);
      return {
        [n('unreadable', 'unreadable-file.md')]: r.file ? ['link.broken'] : 'not-indexed',
        [n('unreadable', 'locked-dir/locked-doc.md')]: r.dir ? ['link.broken'] : 'not-indexed',
      };
    },
    expect: { [n('unreadable', 'readable.md')]: [] },
  },
  {
    name: 'fifo',
    generate: (gen) => { g.fifo(gen, 'docs/user-stories/fifo/story.md'); g.fifo(gen, n('fifo', 'fifo-note.md')); },
    expect: { 'docs/user-stories/fifo/story.md': 'not-indexed', [n('fifo', 'fifo-note.md')]: 'not-indexed' },
  },
  {
    name: 'unicode-names',
    generate: g.unicodeNames,
    expect: {
      [n('unicode-names', g.JAPANESE)]: [], [n('unicode-names', 'emoji-\u{1F680}.md')]: [], [n('unicode-names', 'zero\u200bwidth.md')]: [],
      [n('unicode-names', '\u00fcn\u00efc\u00f6d\u00e9-broken.md')]: ['link.broken'],
    },
    messages: { [n('unicode-names', '\u00fcn\u00efc\u00f6d\u00e9-broken.md')]: [/\u5b58\u5728\u3057\u306a\u3044\.md does not exist/] },
  },
  {
    name: 'long-names',
    generate: g.longNames,
    expect: {
      [n('long-names', g.LONG_ASCII)]: ['link.broken'], [n('long-names', g.LONG_UTF8)]: [],
      [n('long-names', `${g.DEEP_DIRS}/deep.md`)]: ['link.broken'],
    },
  },
  {
    name: 'dup-id',
    expect: { [n('dup-id', 'dup-first.md')]: ['id.duplicate'], [n('dup-id', 'dup-second.md')]: ['id.duplicate'] },
    messages: {
      [n('dup-id', 'dup-first.md')]: [/"dup-shared": docs\/notes\/dup-id\/dup-second\.md/],
      [n('dup-id', 'dup-second.md')]: [/"dup-shared": docs\/notes\/dup-id\/dup-first\.md/],
    },
  },
  {
    name: 'ref-cycle',
    expect: {
      [n('ref-cycle', 'cycle-a.md')]: [], [n('ref-cycle', 'cycle-b.md')]: [],
      'docs/prd/ref-cycle/ref-cycle-prd.md': ['ref.unknown'],
      'docs/user-stories/ref-cycle/ref-cycle-story.md': ['ref.unknown'],
      'docs/user-stories/ref-cycle/ref-cycle-path-story.md': ['ref.unknown'],
    },
    messages: {
      'docs/prd/ref-cycle/ref-cycle-prd.md': [/"ref-cycle-prd" is a PRD, not a milestone/],
      'docs/user-stories/ref-cycle/ref-cycle-story.md': [/"ref-cycle-story" is a user story, not a PRD/],
      'docs/user-stories/ref-cycle/ref-cycle-path-story.md': [/"\.\/ref-cycle-path-story\.md" is a user story, not a PRD/],
    },
  },
  { name: 'unclosed-blocks', expect: { [n('unclosed-blocks', 'unclosed-comment.md')]: [], [n('unclosed-blocks', 'unclosed-fence.md')]: [] } },
  {
    name: 'dir-named-md',
    expect: { [n('dir-named-md', 'dir-link.md')]: [], [n('dir-named-md', 'folder.md/inside-folder-md.md')]: [], [n('dir-named-md', 'folder.md')]: 'not-indexed' },
  },
];
