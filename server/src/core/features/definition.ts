import type { DocEntry, DocIndex } from '../graph';
import { headingForFragment } from '../rules/links';
import type { Position, Range } from '../types';
import { linkAt } from './linkAt';

export interface Location { path: string; range: Range }

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Go to definition: the linked file, or the heading a `#fragment` names. */
export function definition(index: DocIndex, doc: DocEntry, pos: Position): Location | undefined {
  const link = linkAt(doc.parsed, pos);
  if (!link) return undefined;
  const r = index.resolve(doc.path, link);
  if (r.type === 'doc') {
    if (link.fragment) {
      const h = headingForFragment(r.entry, link.fragment);
      if (h >= 0) {
        const line = r.entry.parsed.headings[h].line;
        return { path: r.path, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
      }
    }
    return { path: r.path, range: TOP };
  }
  if (r.type === 'file') return { path: r.path, range: TOP };
  return undefined;
}
