import type { DocEntry } from '../graph';
import type { Range } from '../types';

/** Where doc-level findings are shown: the title heading, else the first line after the front matter. */
export function docAnchor(doc: DocEntry): Range {
  const h1 = doc.parsed.headings.find((h) => h.level === 1);
  if (h1) return { start: { line: h1.line, character: 0 }, end: h1.range.end };
  const line = doc.parsed.frontMatterLines ? doc.parsed.frontMatterLines.end + 1 : 0;
  const l = Math.min(line, doc.parsed.lineCount - 1);
  return { start: { line: l, character: 0 }, end: { line: l, character: 0 } };
}
