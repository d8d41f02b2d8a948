// Inline links on one line: `[text](dest "title")`, images, and reference usages `[text][label]`,
// `[label][]`, `[label]`. Code spans, HTML comments and backslash escapes are masked first.
// Linear in the line's length: code spans are matched through a table of backtick runs, and
// destination scanning has a budget proportional to the line, so no input makes it quadratic.

export interface InlineLink { target: string; line: number; start: number; end: number }
export interface RefUsage { label: string; line: number; start: number; end: number }

/** For each backtick run (by start), the start of the next run of the same length, or -1. */
function matchRuns(line: string): Map<number, { len: number; close: number }> {
  const runs: { pos: number; len: number }[] = [];
  for (let i = line.indexOf('`'); i >= 0; i = line.indexOf('`', i)) {
    let len = 1;
    while (line[i + len] === '`') len++;
    if (i === 0 || line[i - 1] !== '\\') runs.push({ pos: i, len });
    i += len;
  }
  const out = new Map<number, { len: number; close: number }>();
  const lastOfLen = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    const r = runs[k];
    out.set(r.pos, { len: r.len, close: lastOfLen.get(r.len) ?? -1 });
    lastOfLen.set(r.len, r.pos);
  }
  return out;
}

/** Replaces code spans, comments and escaped characters with spaces (same length). */
function mask(line: string): { text: string; openComment: boolean } {
  if (!line.includes('\\') && !line.includes('`') && !line.includes('<!--')) return { text: line, openComment: false };
  const runs = line.includes('`') ? matchRuns(line) : undefined;
  const parts: string[] = [];
  let copyFrom = 0;
  let i = 0;
  const n = line.length;
  const blank = (from: number, to: number) => {
    parts.push(line.slice(copyFrom, from), ' '.repeat(to - from));
    copyFrom = to;
  };
  while (i < n) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < n) {
      blank(i, i + 2);
      i += 2;
    } else if (ch === '`' && runs) {
      const r = runs.get(i);
      const len = r?.len ?? 1;
      if (r && r.close >= 0) {
        blank(i, r.close + len);
        i = r.close + len;
      } else {
        i += len;
      }
    } else if (ch === '<' && line.startsWith('<!--', i)) {
      const end = line.indexOf('-->', i + 4);
      if (end < 0) {
        blank(i, n);
        return { text: parts.join(''), openComment: true };
      }
      blank(i, end + 3);
      i = end + 3;
    } else {
      i++;
    }
  }
  parts.push(line.slice(copyFrom));
  return { text: parts.join(''), openComment: false };
}

interface Dest { target: string; start: number; end: number; next: number }

function skipSpaces(s: string, j: number): number {
  while (j < s.length && (s[j] === ' ' || s[j] === '\t')) j++;
  return j;
}

/** Parses `dest "title")` starting right after `(`; undefined when it is not a link. */
function parseDest(s: string, from: number, budget: { left: number }): Dest | undefined {
  let j = skipSpaces(s, from);
  let start: number;
  let end: number;
  if (s[j] === '<') {
    const close = s.indexOf('>', j + 1);
    if (close < 0) { budget.left = 0; return undefined; }
    budget.left -= close - j;
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
    budget.left -= j - start;
    end = Math.min(j, s.length);
  }
  j = skipSpaces(s, j);
  const q = s[j];
  if (q === '"' || q === "'" || (q === '(' && j > end)) {
    const closeCh = q === '(' ? ')' : q;
    const close = s.indexOf(closeCh, j + 1);
    if (close < 0) return undefined;
    budget.left -= close - j;
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
  const budget = { left: 4 * line.length + 4096 };
  let nextOpen = c.indexOf('[');
  let nextClose = c.indexOf(']');
  for (let i = 0; i < c.length && budget.left > 0; i++) {
    // jump to the next bracket: nothing else matters here
    if (nextOpen >= 0 && nextOpen < i) nextOpen = c.indexOf('[', i);
    if (nextClose >= 0 && nextClose < i) nextClose = c.indexOf(']', i);
    if (nextOpen < 0 && (nextClose < 0 || stack.length === 0)) break;
    i = nextOpen >= 0 && (nextClose < 0 || nextOpen < nextClose) ? nextOpen : nextClose;
    const ch = c[i];
    if (ch === '[') { stack.push(i); continue; }
    if (stack.length === 0) continue;
    const open = stack.pop() as number;
    const next = c[i + 1];
    if (next === '(') {
      const d = parseDest(line, i + 2, budget);
      if (!d) continue;
      links.push({ target: d.target, line: lineNo, start: d.start, end: d.end });
      if (line[open - 1] !== '!') stack.length = 0; // links do not nest (images may sit inside one)
      i = d.next;
    } else if (next === '[') {
      const close = c.indexOf(']', i + 2);
      if (close < 0) { budget.left = 0; continue; }
      const explicit = c.slice(i + 2, close);
      const label = explicit.trim() === '' ? line.slice(open + 1, i) : explicit;
      const start = explicit.trim() === '' ? open + 1 : i + 2;
      usages.push({ label, line: lineNo, start, end: explicit.trim() === '' ? i : close });
      if (line[open - 1] !== '!') stack.length = 0;
      i = close;
    } else if (next !== ':') {
      usages.push({ label: line.slice(open + 1, Math.min(i, open + 1 + 1000)), line: lineNo, start: open + 1, end: i });
    }
  }
  return openComment;
}
