// Find references: every link and front matter reference to a doc, or to one of its headings.
import type { DocEntry, DocIndex } from '../graph';
import { headingForFragment } from '../rules/links';
import type { Position } from '../types';
import type { Location } from './definition';
import { linkAt } from './linkAt';

/**
 * On a link: references to what it points to. On a heading: references to that heading. Elsewhere:
 * references to the doc itself. `withDeclaration` adds the doc's top (or the heading) itself.
 */
export function references(index: DocIndex, doc: DocEntry, pos: Position, withDeclaration = false): Location[] {
  let target = doc;
  let heading = -1;
  const link = linkAt(doc.parsed, pos);
  if (link) {
    const r = index.resolve(doc.path, link);
    if (r.type !== 'doc') return [];
    target = r.entry;
    if (link.fragment) heading = headingForFragment(target, link.fragment);
  } else {
    heading = doc.parsed.headings.findIndex((h) => h.line === pos.line && h.level >= 2);
  }
  const out: Location[] = [];
  if (withDeclaration) {
    const line = heading >= 0 ? target.parsed.headings[heading].line : 0;
    out.push({ path: target.path, range: { start: { line, character: 0 }, end: { line, character: 0 } } });
  }
  for (const { from, link } of index.linksTo(target)) {
    if (heading >= 0 && (!link.fragment || headingForFragment(target, link.fragment) !== heading)) continue;
    out.push({ path: from.path, range: link.range });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
}
