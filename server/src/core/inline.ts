// Inline links on one line: `[text](dest "title")`, images, and reference usages `[text][label]`,
// `[label][]`, `[label]`. Code spans, HTML comments and backslash escapes are masked first.

export interface InlineLink { target: string; line: number; start: number; end: number }
export interface RefUsage { label: string; line: number; start: number; end: number }

/** Replaces code spans, comments and escaped characters with spaces (same length). */
function mask(line: string): { text: string; openComment: boolean } {
  let out = '';
  let i = 0;
  const n = line.length;
  while (i < n) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < n) {
      out += '  ';
      i += 2;
    } else if (ch === '`') {
      let run = 1;
      while (line[i + run] === '`') run++;
      const close = findRun(line, i + run, run);
      if (close < 0) {
        out += ' '.repeat(run);
        i += run;
      } else {
        out += ' '.repeat(close + run - i);
        i = close + run;
      }
    } else if (ch === '<' && line.startsWith('<!--', i)) {
      const end = line.indexOf('-->', i + 4);
      if (end < 0) return { text: out + ' '.repeat(n - i), openComment: true };
      out += ' '.repeat(end + 3 - i);
      i = end + 3;
    } else {
      out += ch;
      i++;
    }
  }
  return { text: out, openComment: false };
}

function findRun(line: string, from: number, run: number): number {
  let i = line.indexOf('`'.repeat(run), from);
  while (i >= 0) {
    let len = 0;
    while (line[i + len] === '`') len++;
    if (len === run) return i;
    i = line.indexOf('`'.repeat(run), i + len);
  }
  return -1;
}

interface Dest { target: string; start: number; end: number; next: number }

function skipSpaces(s: string, j: number): number {
  while (j < s.length && (s[j] === ' ' || s[j] === '\t')) j++;
  return j;
}

/** Parses `dest "title")` starting right after `(`; undefined when it is not a link. */
function parseDest(s: string, from: number): Dest | undefined {
  let j = skipSpaces(s, from);
  let start: number;
  let end: number;
  if (s[j] === '<') {
    const close = s.indexOf('>', j + 1);
    if (close < 0) return undefined;
    start = j + 1;
    end = close;
    j = close + 1;
  } else {
    start = j;
    let depth = 0;
    while (j < s.length) {
      const ch = s[j];
      if (ch === '\\') { j += 2; continue; }
      if (ch === ' ' || ch === '\t') break;
      if (ch === '(') depth++;
      else if (ch === ')') { if (depth === 0) break; depth--; }
      j++;
    }
    end = Math.min(j, s.length);
  }
  j = skipSpaces(s, j);
  const q = s[j];
  if (q === '"' || q === "'" || (q === '(' && j > end)) {
    const closeCh = q === '(' ? ')' : q;
    const close = s.indexOf(closeCh, j + 1);
    if (close < 0) return undefined;
    j = skipSpaces(s, close + 1);
  }
  if (s[j] !== ')') return undefined;
  const target = s.slice(start, end).replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return { target, start, end, next: j };
}

/**
 * Finds links on `line` and appends them to `links` / `usages`.
 * Returns true when the line opens an HTML comment that it does not close.
 */
export function scanInline(line: string, lineNo: number, links: InlineLink[], usages: RefUsage[]): boolean {
  const { text: c, openComment } = mask(line);
  const stack: number[] = [];
  for (let i = 0; i < c.length; i++) {
    const ch = c[i];
    if (ch === '[') { stack.push(i); continue; }
    if (ch !== ']' || stack.length === 0) continue;
    const open = stack.pop() as number;
    const next = c[i + 1];
    if (next === '(') {
      const d = parseDest(line, i + 2);
      if (!d) continue;
      links.push({ target: d.target, line: lineNo, start: d.start, end: d.end });
      if (line[open - 1] !== '!') stack.length = 0; // links do not nest (images may sit inside one)
      i = d.next;
    } else if (next === '[') {
      const close = c.indexOf(']', i + 2);
      if (close < 0) continue;
      const explicit = c.slice(i + 2, close);
      const label = explicit.trim() === '' ? line.slice(open + 1, i) : explicit;
      const start = explicit.trim() === '' ? open + 1 : i + 2;
      usages.push({ label, line: lineNo, start, end: explicit.trim() === '' ? i : close });
      if (line[open - 1] !== '!') stack.length = 0;
      i = close;
    } else if (next !== ':') {
      usages.push({ label: line.slice(open + 1, i), line: lineNo, start: open + 1, end: i });
    }
  }
  return openComment;
}
