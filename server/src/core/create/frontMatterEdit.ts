// Sets `prd: <id>` in a doc's front matter: replaces an existing prd: line, adds one, or adds front matter.
import { splitLines } from '../parse';
import type { ParsedDoc, Range } from '../types';

export function frontMatterPrdEdit(parsed: ParsedDoc, text: string, prdId: string): { range: Range; newText: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = splitLines(text);
  const fm = parsed.frontMatterLines;
  if (fm && !parsed.frontMatterError) {
    for (let i = fm.start + 1; i < fm.end; i++) {
      if (/^prd\s*:/.test(lines[i])) {
        return { range: { start: { line: i, character: 0 }, end: { line: i, character: lines[i].length } }, newText: `prd: ${prdId}` };
      }
    }
    const p = { line: fm.end, character: 0 };
    return { range: { start: p, end: p }, newText: `prd: ${prdId}${eol}` };
  }
  const p = { line: 0, character: 0 };
  return { range: { start: p, end: p }, newText: `---${eol}prd: ${prdId}${eol}---${eol}` };
}
