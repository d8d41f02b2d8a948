// Where to add a row to a Markdown table or an item to a list, inside a named section of a doc.
import { parseDoc, splitLines } from '../parse';
import { sectionKey } from '../templates';
import type { Position } from '../types';

export interface Insertion { position: Position; text: string }

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Lines [start, end] of the section whose heading matches `name`, or undefined. */
function findSection(text: string, name: string): { heading: number; end: number } | undefined {
  const doc = parseDoc('', text);
  const key = sectionKey(name);
  const h = doc.headings.find((x) => x.level >= 2 && sectionKey(x.text) === key);
  if (!h) return undefined;
  const next = doc.headings.find((x) => x.line > h.line);
  return { heading: h.line, end: next ? next.line - 1 : splitLines(text).length - 1 };
}

/** Inserts `block` (lines) after line `after`, or at the very end when the file has no newline there. */
function insertAfter(lines: string[], after: number, block: string[], eol: string): Insertion {
  if (after + 1 < lines.length) return { position: { line: after + 1, character: 0 }, text: block.join(eol) + eol };
  return { position: { line: after, character: lines[after].length }, text: eol + block.join(eol) };
}

function lastNonBlank(lines: string[], from: number, to: number): number {
  for (let i = to; i >= from; i--) if (lines[i].trim() !== '') return i;
  return from;
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

/**
 * Adds a row to the table of section `name`, filling columns by header name (`values` keys are
 * lowercase header names). Without a table, adds one; without the section, adds the section.
 */
export function addTableRow(text: string, name: string, values: Record<string, string>, defaultHeader: string[]): Insertion {
  const eol = eolOf(text);
  const lines = splitLines(text);
  const sec = findSection(text, name);
  const rowFor = (header: string[]) => `| ${header.map((h) => values[h.toLowerCase()] ?? '').join(' | ')} |`;
  const newTable = [`| ${defaultHeader.join(' | ')} |`, `|${defaultHeader.map(() => '---').join('|')}|`, rowFor(defaultHeader)];
  if (!sec) {
    const last = lastNonBlank(lines, 0, lines.length - 1);
    return insertAfter(lines, last, ['', `## ${name}`, '', ...newTable], eol);
  }
  let tableStart = -1;
  let tableEnd = -1;
  for (let i = sec.heading + 1; i <= sec.end; i++) {
    const isRow = lines[i].trimStart().startsWith('|');
    if (isRow && tableStart < 0) tableStart = i;
    if (isRow && tableStart >= 0 && tableEnd < 0) continue;
    if (!isRow && tableStart >= 0 && tableEnd < 0) tableEnd = i - 1;
  }
  if (tableStart >= 0 && tableEnd < 0) tableEnd = sec.end;
  if (tableStart >= 0) {
    while (tableEnd > tableStart && lines[tableEnd].trim() === '') tableEnd--;
    return insertAfter(lines, tableEnd, [rowFor(cells(lines[tableStart]))], eol);
  }
  const last = lastNonBlank(lines, sec.heading, sec.end);
  return insertAfter(lines, last, ['', ...newTable], eol);
}

/** Adds a list item to section `name` (after its last list item, else after its text). */
export function addListItem(text: string, name: string, item: string): Insertion {
  const eol = eolOf(text);
  const lines = splitLines(text);
  const sec = findSection(text, name);
  if (!sec) {
    const last = lastNonBlank(lines, 0, lines.length - 1);
    return insertAfter(lines, last, ['', `## ${name}`, '', item], eol);
  }
  let lastItem = -1;
  for (let i = sec.heading + 1; i <= sec.end; i++) if (/^\s*(?:[-*+]|\d+[.)])\s/.test(lines[i])) lastItem = i;
  if (lastItem >= 0) return insertAfter(lines, lastItem, [item], eol);
  const last = lastNonBlank(lines, sec.heading, sec.end);
  return insertAfter(lines, last, ['', item], eol);
}
