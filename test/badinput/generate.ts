// Inputs of the bad-input corpus that cannot live as fixture files: large, binary, exact bytes,
// symbolic links, FIFOs, unreadable files, absolute paths. Each generator writes into a Gen.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Gen {
  /** The workspace folder (holds docs/). */
  ws: string;
  /** A folder next to the workspace, outside it. */
  outside: string;
  /** Where a front matter payload would write its marker if it were ever run (outside the workspace). */
  markers: string;
}

export function write(g: Gen, rel: string, data: string | Buffer): string {
  const file = path.join(g.ws, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  return file;
}

export function symlink(g: Gen, target: string, rel: string): void {
  fs.mkdirSync(path.dirname(path.join(g.ws, rel)), { recursive: true });
  fs.symlinkSync(target, path.join(g.ws, rel));
}

/** A named pipe: opening it for reading blocks until a writer comes, so nothing may read it. */
export function fifo(g: Gen, rel: string): void {
  const file = path.join(g.ws, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const r = spawnSync('mkfifo', [file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mkfifo ${file} failed: ${r.stderr || r.error}`);
}

/** True when this process can read the file or list the folder (root can, whatever its mode). */
export function canRead(file: string): boolean {
  try {
    if (fs.statSync(file).isDirectory()) fs.readdirSync(file);
    else fs.readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

export const PRD_SECTIONS = ['Overview', 'Problem Statement', 'Goals', 'Requirements', 'Success Metrics', 'User Stories'];

/**
 * A complete PRD (every required section) whose front matter names a milestone that does not
 * exist and whose body links a missing file: exactly ref.unknown + link.broken when it is parsed
 * right, other codes (section.missing, nothing at all) when its encoding broke the parse.
 */
export function fullPrd(name: string, extra = ''): string {
  const sections = PRD_SECTIONS.map((s) => `## ${s}\n\nText of ${s}.${extra}\n`).join('\n');
  return `---\nid: ${name}-prd\ntitle: ${name}\nstatus: draft\nmilestone: no-such-milestone\npriority: Low\n---\n\n# ${name}\n\n${sections}\n[gone](missing-${name}.md)\n`;
}

/** JavaScript that creates `marker` when evaluated (gray-matter's own engine would run it). */
export function jsPayload(marker: string, id: string): string {
  return `{ id: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), ${JSON.stringify(id)}) }`;
}

/** Front matter in programming languages, one file each; every payload would create its marker. */
export function codeFrontMatter(g: Gen): void {
  const dir = 'docs/notes/fm-code';
  const m = (name: string) => path.join(g.markers, `${name}.ran`);
  write(g, `${dir}/code-js.md`, `---js\n${jsPayload(m('js'), 'code-js')}\n---\n\n# JS\n`);
  write(g, `${dir}/code-javascript.md`, `---javascript\n${jsPayload(m('javascript'), 'code-javascript')}\n---\n\n# JavaScript\n`);
  write(g, `${dir}/code-upper-js.md`, `---JS\n${jsPayload(m('upper-js'), 'code-upper-js')}\n---\n\n# JS in capitals\n`);
  write(g, `${dir}/code-spaced-js.md`, `--- js\n${jsPayload(m('spaced-js'), 'code-spaced-js')}\n---\n\n# Space before js\n`);
  write(g, `${dir}/code-coffee.md`, `---coffee\nid: (require('fs').writeFileSync ${JSON.stringify(m('coffee'))}, 'ran')\n---\n\n# Coffee\n`);
  write(g, `${dir}/code-yaml-tag.md`,
    `---\nid: !!js/function "function () { require('fs').writeFileSync(${JSON.stringify(m('yaml-tag'))}, 'ran'); }"\n---\n\n# YAML js tag\n`);
}

/** The same complete PRD in an encoding or line-ending variant: it must parse the same. */
export function encoded(name: string): (g: Gen) => void {
  const file = `docs/prd/${name}/${name}-prd.md`;
  // lone continuation byte, 0xFF, an encoded surrogate, an overlong slash, a truncated sequence
  const bad = Buffer.from([0x80, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0xe2, 0x82]);
  const variants: Record<string, () => string | Buffer> = {
    'encoding-bom': () => '\uFEFF' + fullPrd(name),
    'encoding-crlf': () => fullPrd(name).replace(/\n/g, '\r\n'),
    'encoding-cr': () => fullPrd(name).replace(/\n/g, '\r'),
    'encoding-latin1': () => Buffer.from(fullPrd(name, ' Caf\u00e9, na\u00efve, \u00dcbersicht, \u00ff.'), 'latin1'),
    'encoding-invalid-utf8': () => {
      const parts = fullPrd(name, ' @@').split('@@').map((p) => Buffer.from(p));
      return Buffer.concat([...parts.flatMap((p, i) => (i ? [bad, p] : [p])), bad]);
    },
  };
  return (g) => { write(g, file, variants[name]()); };
}

export function binaryFiles(g: Gen): void {
  write(g, 'docs/user-stories/binary-nul/binary-nul-story.md', Buffer.from('\0\0\0# Story\n\n[gone](missing-binary.md)\n'));
  const png = Buffer.alloc(4096);
  for (let i = 0; i < png.length; i++) png[i] = (i * 131 + 7) % 256;
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  write(g, 'docs/prd/binary-nul/binary-nul-prd.md', png);
  write(g, 'docs/notes/binary-nul/late-nul.md', `# Late NUL\n\n${'x'.repeat(9000)}\n\0\n[gone](missing-late-nul.md)\n`);
  write(g, 'docs/notes/binary-nul/links-to-binary.md',
    '# Links to binary files\n\n[story](../../user-stories/binary-nul/binary-nul-story.md) [png](../../prd/binary-nul/binary-nul-prd.md)\n');
}

export function hugeDoc(g: Gen): void {
  const line = 'Lorem ipsum dolor sit amet, [top](#huge-doc) consectetur adipiscing elit, sed do eiusmod.\n';
  const huge = `# Huge doc\n\n${line.repeat(Math.ceil((20 * 1024 * 1024) / line.length))}\n[gone](missing-huge.md)\n`;
  write(g, 'docs/notes/huge-doc/huge-doc.md', huge);
}

export function longLine(g: Gen): void {
  const unit = '[gone](missing-on-long-line.md) words ';
  const long = unit.repeat(Math.ceil((5 * 1024 * 1024) / unit.length));
  write(g, 'docs/notes/long-line/long-line.md', `# Long line\n\n${long}\n\n[gone](missing-after-long-line.md)\n`);
}

export function manyHeadings(g: Gen): void {
  const headings = Array.from({ length: 100_000 }, (_, i) => `## Heading ${i}`).join('\n');
  write(g, 'docs/notes/many-headings/many-headings.md', `# Many headings\n\n${headings}\n`);
  write(g, 'docs/notes/many-headings/heading-links.md', '# Links\n\n[last](many-headings.md#heading-99999) [none](many-headings.md#heading-100000)\n');
}

export function symlinkLoop(g: Gen): void {
  const loop = 'docs/notes/symlink-loop';
  write(g, `${loop}/loop-real.md`, '# Real doc next to symlink loops\n');
  symlink(g, '.', `${loop}/loop`);
  symlink(g, '..', `${loop}/up`);
  symlink(g, 'self-b.md', `${loop}/self-a.md`);
  symlink(g, 'self-a.md', `${loop}/self-b.md`);
}

export function symlinkOutside(g: Gen): void {
  fs.mkdirSync(g.outside, { recursive: true });
  fs.writeFileSync(path.join(g.outside, 'secret.md'), '# Secret outside the workspace\n\n[gone](missing-secret.md)\n');
  const out = 'docs/notes/symlink-outside';
  write(g, `${out}/here.md`, '# A real doc next to symlinks that leave the workspace\n');
  symlink(g, path.join(g.outside, 'secret.md'), `${out}/secret-link.md`);
  symlink(g, g.outside, `${out}/outside-dir`);
  symlink(g, '/etc/passwd', `${out}/etc-passwd.md`);
}

export function symlinkLink(g: Gen): void {
  const inside = 'docs/notes/symlink-link';
  write(g, `${inside}/real-target.md`, '# The real target\n\n[gone](missing-real-target.md)\n');
  symlink(g, 'real-target.md', `${inside}/alias.md`);
}

/** Mode 000 file and folder. Returns whether this process can read them anyway (root can). */
export function unreadable(g: Gen): { file: boolean; dir: boolean } {
  const dir = 'docs/notes/unreadable';
  write(g, `${dir}/readable.md`, '# Readable neighbour\n');
  const file = write(g, `${dir}/unreadable-file.md`, '# Mode 000\n\n[gone](missing-unreadable-file.md)\n');
  write(g, `${dir}/locked-dir/locked-doc.md`, '# In a mode 000 folder\n\n[gone](missing-locked-doc.md)\n');
  fs.chmodSync(file, 0o000);
  fs.chmodSync(path.join(g.ws, dir, 'locked-dir'), 0o000);
  return { file: canRead(file), dir: canRead(path.join(g.ws, dir, 'locked-dir')) };
}

/** Undoes unreadable() so that the corpus can be removed by any user. */
export function restoreModes(ws: string): void {
  for (const p of ['docs/notes/unreadable/locked-dir', 'docs/notes/unreadable/unreadable-file.md']) {
    try { fs.chmodSync(path.join(ws, p), 0o755); } catch { /* not created */ }
  }
}

export const LONG_ASCII = 'l'.repeat(197) + '.md'; // 200 bytes
export const LONG_UTF8 = '\u00fc'.repeat(98) + 'x.md'; // 98 × 2 + 4 = 200 bytes
export const DEEP_DIRS = Array.from({ length: 30 }, (_, i) => `${String(i).padStart(2, '0')}-${'d'.repeat(57)}`).join('/');
export const JAPANESE = '\u65e5\u672c\u8a9e\u306e\u6587\u66f8.md'; // 日本語の文書.md

export function unicodeNames(g: Gen): void {
  const u = 'docs/notes/unicode-names';
  write(g, `${u}/${JAPANESE}`, '# \u65e5\u672c\u8a9e\n\n## \u898b\u51fa\u3057\n');
  const encoded = encodeURIComponent(JAPANESE);
  write(g, `${u}/emoji-\u{1F680}.md`, `# Emoji\n\n[ja](${JAPANESE}#\u898b\u51fa\u3057) [encoded](${encoded}) [zw](zero\u200bwidth.md)\n`);
  write(g, `${u}/zero\u200bwidth.md`, '# Zero-width space in the name\n');
  write(g, `${u}/\u00fcn\u00efc\u00f6d\u00e9-broken.md`, '# Broken\n\n[missing](\u5b58\u5728\u3057\u306a\u3044.md)\n');
}

export function longNames(g: Gen): void {
  const l = 'docs/notes/long-names';
  write(g, `${l}/${LONG_ASCII}`, `# Long ASCII name\n\n[utf8](${LONG_UTF8}) [gone](missing-long-name.md)\n`);
  write(g, `${l}/${LONG_UTF8}`, `# Long UTF-8 name\n\n[ascii](${LONG_ASCII})\n`);
  write(g, `${l}/${DEEP_DIRS}/deep.md`, '# Deep\n\n[gone](missing-deep.md)\n');
}
