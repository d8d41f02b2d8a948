// One pass over a doc's lines that finds front matter, headings, links, link definitions and task
// checkboxes. It skips fenced and indented code, code spans and HTML comments, like Markdown does.
import { URI } from 'vscode-uri';
import { parseFrontMatter } from './frontMatter';
import { scanInline, InlineLink, RefUsage } from './inline';
import { SlugCounter, plainHeadingText } from './slug';
import { DocHeading, DocLink, detach, lineRange } from './docItems';
import { FrontMatterError, Heading, Link, ParsedDoc, Range, TaskCounts } from './types';

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const CHECKBOX = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\](?:[ \t]|$)/;
const DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;
const OPTIONAL_MARK = /<!--\s*optional\s*-->/i;
const FM_REF = /^(prd|milestone|id)[ \t]*:[ \t]*(.*?)[ \t]*$/;
const STATEMENT = /^\s*(?:[-*]\s+)?(?:\*\*|__)?As an?\s/i;
const SUMMARY_MAX = 280;

export const MAX_LINE_SCAN = 20_000;
/** Longer heading text is cut for slugs and section names (no real heading is this long). */
const MAX_HEADING = 1000;

export function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

interface FrontMatterScan {
  bodyStart: number;
  data: Record<string, unknown>;
  error?: FrontMatterError;
  lines?: { start: number; end: number };
}

function scanFrontMatter(lines: string[]): FrontMatterScan {
  const first = lines[0] ?? '';
  if (!first.startsWith('---') || first.startsWith('----')) return { bodyStart: 0, data: {} };
  const language = first.slice(3);
  if (language.trim() === '' && first.trim() !== '---') return { bodyStart: 0, data: {} };
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[i])) { close = i; break; }
  }
  if (close < 0) {
    return {
      bodyStart: 0,
      data: {},
      error: { message: 'Front matter is not closed: add a line with `---` after it.', range: lineRange(0, 0, first.length) },
    };
  }
  const block = lines.slice(0, close).join('\n') + '\n---\n';
  const result = parseFrontMatter(block, language);
  const fm: FrontMatterScan = { bodyStart: close + 1, data: result.data, lines: { start: 0, end: close } };
  if (result.error) {
    const line = Math.min(result.error.line, close);
    fm.error = { message: result.error.message, range: lineRange(line, 0, lines[line].length) };
  }
  return fm;
}

function frontMatterLinks(lines: string[], fm: FrontMatterScan, doc: { idRange?: Range }): Link[] {
  if (!fm.lines || fm.error) return [];
  const links: Link[] = [];
  for (let i = 1; i < fm.lines.end; i++) {
    const m = FM_REF.exec(lines[i]);
    if (!m) continue;
    let value = m[2].replace(/\s+#.*$/, '');
    let start = lines[i].indexOf(m[2], m[1].length);
    if (/^(['"]).*\1$/.test(value)) { value = value.slice(1, -1); start += 1; }
    if (value === '' || value.startsWith('[') || value.startsWith('{') || value.includes('{{')) continue;
    if (typeof fm.data[m[1]] !== 'string' && typeof fm.data[m[1]] !== 'number') continue;
    if (m[1] === 'id') { doc.idRange = lineRange(i, start, start + value.length); continue; }
    links.push(makeLink('frontmatter', value, i, start, start + value.length, m[1]));
  }
  return links;
}

/** A link whose destination `target` is written on `line` from character `start` to `end`. */
export function makeLink(source: Link['source'], target: string, line: number, start: number, end: number, field?: string): Link {
  if (FILE_URI.test(target)) return fileLink(source, target, line, start, end);
  const hash = target.indexOf('#');
  let path = hash < 0 ? target : target.slice(0, hash);
  const fragment = hash < 0 ? undefined : target.slice(hash + 1);
  const q = path.indexOf('?');
  if (q >= 0) path = path.slice(0, q);
  if (path.includes('%')) {
    try { path = decodeURIComponent(path); } catch { /* keep as written */ }
  }
  return new DocLink(source, target, path, fragment, line, start, end, field || undefined);
}

const EXTERNAL = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const FILE_URI = /^file:/i;

function fileLink(source: Link['source'], target: string, line: number, start: number, end: number): Link {
  let path = '';
  let fragment = '';
  try { ({ path, fragment } = URI.parse(target)); } catch { /* unparsable: no path */ }
  return new DocLink(source, target, path || '/', fragment || undefined, line, start, end, undefined, true);
}

/** Links that point at files (relative or root-relative paths, `file:` URIs, or `#fragment`). */
export function isLocalTarget(target: string): boolean {
  return target !== '' && (FILE_URI.test(target) || (!EXTERNAL.test(target) && !target.startsWith('//')));
}

interface BodyScan {
  headings: Heading[];
  inline: InlineLink[];
  usages: RefUsage[];
  definitions: Map<string, { target: string; line: number; start: number; end: number }>;
  tasks: TaskCounts;
}

function scanBody(lines: string[], start: number): BodyScan {
  const out: BodyScan = { headings: [], inline: [], usages: [], definitions: new Map(), tasks: { done: 0, total: 0 } };
  const slugs = new SlugCounter();
  let fence: { ch: string; len: number } | undefined;
  let inComment = false;
  let prevBlank = true;
  let inList = false;
  let inIndentedCode = false;
  let paragraphLine = -1; // line of the paragraph's last text line, for setext headings

  const addHeading = (level: number, full: string, line: number, col: number) => {
    const raw = full.length > MAX_HEADING ? full.slice(0, MAX_HEADING) : full;
    const optional = OPTIONAL_MARK.test(raw) || /\(optional\)\s*$/i.test(raw);
    const text = plainHeadingText(raw.includes('<!--') ? raw.replace(/<!--.*?-->/g, '') : raw).replace(/\s*\(optional\)\s*$/i, '');
    out.headings.push(new DocHeading(level, text, slugs.next(text), line, col, col + full.length, optional));
  };

  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    // the first non-blank character decides which (if any) block regex can match
    let j = 0;
    while (j < line.length && (line.charCodeAt(j) === 32 || line.charCodeAt(j) === 9)) j++;
    const c0 = j < line.length ? line[j] : '';
    if (fence) {
      if (c0 !== fence.ch) continue;
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence.ch && m[1].length >= fence.len && m[2].trim() === '') fence = undefined;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (c0 === '') { prevBlank = true; paragraphLine = -1; continue; }
    if (inIndentedCode || (prevBlank && !inList && paragraphLine < 0 && /^( {4}|\t)/.test(line))) {
      if (/^( {4}|\t)/.test(line)) { inIndentedCode = true; prevBlank = false; continue; }
      inIndentedCode = false;
    }
    const wasBlank = prevBlank;
    prevBlank = false;
    const f = c0 === '`' || c0 === '~' ? FENCE.exec(line) : null;
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      fence = { ch: f[1][0], len: f[1].length };
      paragraphLine = -1;
      continue;
    }
    const atx = c0 === '#' ? ATX.exec(line) : null;
    if (atx) {
      let text = atx[2] ?? '';
      text = text.replace(/(?:^|[ \t]+)#+[ \t]*$/, '');
      const col = text === '' ? line.length : line.indexOf(text, atx[1].length);
      addHeading(atx[1].length, text, i, col);
      paragraphLine = -1;
      inList = false;
      scanInto(out, line, i);
      continue;
    }
    if ((c0 === '=' || c0 === '-') && paragraphLine >= 0 && paragraphLine === i - 1 && SETEXT.test(line) && !LIST_ITEM.test(lines[i - 1]) && !lines[i - 1].trimStart().startsWith('|')) {
      const prev = lines[i - 1];
      const text = prev.trim();
      addHeading(line.trim()[0] === '=' ? 1 : 2, text, i - 1, prev.indexOf(text));
      paragraphLine = -1;
      continue;
    }
    const def = c0 === '[' && paragraphLine < 0 ? DEFINITION.exec(line) : null;
    if (def) {
      const target = def[2] ?? def[3];
      const col = line.indexOf(target, line.indexOf(']:') + 2);
      const label = normalizeLabel(def[1]);
      if (!out.definitions.has(label)) out.definitions.set(label, { target, line: i, start: col, end: col + target.length });
      continue;
    }
    if ((c0 === '-' || c0 === '*' || c0 === '+' || (c0 >= '0' && c0 <= '9')) && LIST_ITEM.test(line)) {
      inList = true;
      const cb = CHECKBOX.exec(line);
      if (cb) {
        out.tasks.total++;
        if (cb[1] !== ' ') out.tasks.done++;
      }
    } else if (wasBlank && j === 0) {
      inList = false;
    }
    paragraphLine = i;
    if (scanInto(out, line, i)) inComment = true;
  }
  // section extents: a heading's section runs to the next heading of the same or a higher level
  const hs = out.headings;
  const open: Heading[] = [];
  for (const h of hs) {
    while (open.length > 0 && open[open.length - 1].level >= h.level) (open.pop() as Heading).endLine = h.line - 1;
    open.push(h);
  }
  for (const h of open) h.endLine = lines.length - 1;
  for (const h of hs) {
    if (h.optional) continue;
    const next = nextNonBlank(lines, h.line + 1, h.endLine);
    if (next >= 0 && OPTIONAL_MARK.test(lines[next]) && lines[next].trim().startsWith('<!--')) h.optional = true;
  }
  return out;
}

function nextNonBlank(lines: string[], from: number, to: number): number {
  for (let i = from; i <= to && i < lines.length; i++) if (lines[i].trim() !== '') return i;
  return -1;
}

/** Scans a line's inline content; returns true when it opens an HTML comment left unclosed. */
function scanInto(out: BodyScan, line: string, lineNo: number): boolean {
  if (line.length > MAX_LINE_SCAN) return false;
  if (!line.includes('[') && !line.includes('<!--')) return false;
  return scanInline(line, lineNo, out.inline, out.usages);
}

function summaryOf(lines: string[], headings: Heading[]): string {
  const first = headings.find((h) => h.level >= 2) ?? (headings.length === 0 ? undefined : headings[0]);
  if (!first) return '';
  const stop = headings.find((h) => h.line > first.line)?.line ?? lines.length;
  const parts: string[] = [];
  let size = 0;
  let inFence = false;
  for (let i = first.line + 1; i < stop && size < SUMMARY_MAX; i++) {
    const t = lines[i].slice(0, 2 * SUMMARY_MAX).replace(/<!--.*?-->/g, '').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
    if (FENCE.test(lines[i])) { inFence = !inFence; continue; }
    if (inFence || t === '' || t.startsWith('|') || /^( {4}|\t)/.test(lines[i])) continue;
    parts.push(t);
    size += t.length;
  }
  const s = parts.join(' ');
  return s.length > SUMMARY_MAX ? s.slice(0, SUMMARY_MAX - 1).trimEnd() + '…' : s;
}

/** The "As a …" line of the story's section (titled Story / User Story / Statement), else of the first section. */
function statementOf(lines: string[], headings: Heading[]): string | undefined {
  const named = headings.find((h) => h.level >= 2 && /^(user )?story$|^statement$/i.test(h.text));
  const h = named ?? headings.find((x) => x.level >= 2);
  if (!h) return undefined;
  const stop = headings.find((x) => x.line > h.line)?.line ?? lines.length;
  for (let i = h.line + 1; i < stop; i++) {
    if (STATEMENT.test(lines[i])) {
      const t = lines[i].trim().replace(/^[-*]\s+/, '');
      return t.length > SUMMARY_MAX ? t.slice(0, SUMMARY_MAX - 1) + '…' : t;
    }
  }
  return undefined;
}

export function parseDoc(uri: string, text: string, version = 0): ParsedDoc {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = splitLines(text);
  const fm = scanFrontMatter(lines);
  const body = scanBody(lines, fm.bodyStart);
  const ids: { idRange?: Range } = {};
  const links: Link[] = frontMatterLinks(lines, fm, ids);
  for (const l of body.inline) {
    if (isLocalTarget(l.target)) links.push(makeLink('inline', l.target, l.line, l.start, l.end));
  }
  for (const [, d] of body.definitions) {
    if (isLocalTarget(d.target)) links.push(makeLink('definition', d.target, d.line, d.start, d.end));
  }
  for (const u of body.usages) {
    const d = body.definitions.get(normalizeLabel(u.label));
    if (d && isLocalTarget(d.target)) links.push(makeLink('reference', d.target, u.line, u.start, u.end));
  }
  const doc: ParsedDoc = {
    uri,
    version,
    data: fm.data,
    headings: body.headings,
    links,
    tasks: body.tasks,
    summary: detach(summaryOf(lines, body.headings)),
    lineCount: lines.length,
  };
  const statement = statementOf(lines, body.headings);
  if (statement) doc.statement = detach(statement);
  if (fm.error) doc.frontMatterError = fm.error;
  if (fm.lines) doc.frontMatterLines = fm.lines;
  if (ids.idRange) doc.idRange = ids.idRange;
  return doc;
}
