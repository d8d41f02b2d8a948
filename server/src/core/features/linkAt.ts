import type { Link, ParsedDoc, Position } from '../types';

/** The link or front matter reference under the cursor (range end inclusive, like a word). */
export function linkAt(doc: ParsedDoc, pos: Position): Link | undefined {
  for (const l of doc.links) {
    const { start, end } = l.range;
    if (pos.line < start.line || pos.line > end.line) continue;
    if (pos.line === start.line && pos.character < start.character) continue;
    if (pos.line === end.line && pos.character > end.character) continue;
    return l;
  }
  return undefined;
}
