// POSIX path helpers over the `path` part of URIs. Pure string work: no file system.

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Resolves `rel` against directory `dir` and normalizes `.` and `..` segments. */
export function resolvePath(dir: string, rel: string): string {
  if (!rel.startsWith('/') && isNormal(dir)) {
    // the usual link (`../../prd/x/x-prd.md`): leading dot segments climb `dir`, the rest is plain
    let d = dir;
    let r = rel;
    for (;;) {
      if (r.startsWith('./')) r = r.slice(2);
      else if (r.startsWith('../')) { r = r.slice(3); d = dirname(d); }
      else break;
    }
    if (r !== '' && r !== '.' && r !== '..' && isNormal('/' + r)) return (d === '/' ? '' : d) + '/' + r;
  }
  const joined = rel.startsWith('/') ? rel : dir + '/' + rel;
  if (!joined.includes('/.') && !joined.includes('//') && !joined.endsWith('/')) return joined;
  const out: string[] = [];
  let start = 0;
  while (start <= joined.length) {
    let end = joined.indexOf('/', start);
    if (end < 0) end = joined.length;
    const seg = joined.slice(start, end);
    if (seg === '..') out.pop();
    else if (seg !== '' && seg !== '.') out.push(seg);
    start = end + 1;
  }
  return '/' + out.join('/');
}

/** An absolute path without `.`/`..`/empty segments or a trailing slash (the root `/` is one). */
function isNormal(p: string): boolean {
  return p === '/' || (p.startsWith('/') && !p.includes('/.') && !p.includes('//') && !p.endsWith('/'));
}

/** True when `p` is `root` or inside it. */
export function isUnder(root: string, p: string): boolean {
  if (p === root) return true;
  if (p.length <= root.length || !p.startsWith(root)) return false;
  return root.endsWith('/') || p.charCodeAt(root.length) === 47; // '/'
}

/** `p` relative to `root` (no leading slash), assuming isUnder(root, p). */
export function relativeTo(root: string, p: string): string {
  return p === root ? '' : p.slice(root.length + (root.endsWith('/') ? 0 : 1));
}

/** Relative path from directory `fromDir` to `to`, POSIX style (`../x/y.md`). */
export function relativePath(fromDir: string, to: string): string {
  const a = fromDir.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  const rest = b.slice(i);
  const r = [...up, ...rest].join('/');
  return r === '' ? '.' : r;
}

export function stripMdExtension(name: string): string {
  return name.toLowerCase().endsWith('.md') ? name.slice(0, -3) : name;
}

export function isMarkdownPath(p: string): boolean {
  return /\.(md|markdown)$/i.test(p);
}
