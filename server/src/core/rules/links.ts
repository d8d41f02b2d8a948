import { DocEntry } from '../graph';
import { isUnder, relativeTo } from '../paths';
import type { Link } from '../types';
import type { PlanDiagnostic, Rule } from './types';

const LINE_FRAGMENT = /^L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?$/;

export function headingForFragment(target: DocEntry, fragment: string): number {
  let f = fragment;
  try { f = decodeURIComponent(fragment); } catch { /* as written */ }
  f = f.toLowerCase();
  return target.parsed.headings.findIndex((h) => h.slug === f);
}

export const links: Rule = (index, doc) => {
  const out: PlanDiagnostic[] = [];
  for (const link of doc.parsed.links) {
    if (link.source === 'frontmatter' || link.source === 'reference') continue;
    const r = index.resolve(doc.path, link);
    if (r.type === 'unchecked' && !isUnder(index.folderPath, r.path)) {
      out.push({
        code: 'link.outside-workspace',
        message: `This link leaves the workspace folder (${link.path}): it is not checked or previewed.`,
        range: link.range,
        data: { target: link.target },
      });
    } else if (r.type === 'missing') {
      out.push({
        code: 'link.broken',
        message: `Broken link: ${display(index.folderPath, r.path ?? link.path)} does not exist.`,
        range: link.range,
        data: { target: link.target },
      });
    } else if (r.type === 'doc' && link.fragment && !LINE_FRAGMENT.test(link.fragment) && headingForFragment(r.entry, link.fragment) < 0) {
      out.push({
        code: 'link.broken-heading',
        message: `No heading "#${link.fragment}" in ${display(index.folderPath, r.path)}.`,
        range: fragmentRange(link),
        data: { fragment: link.fragment },
      });
    }
  }
  return out;
};

function display(folder: string, path: string): string {
  return path.startsWith(folder + '/') ? relativeTo(folder, path) : path;
}

function fragmentRange(link: Link) {
  const hash = link.target.indexOf('#');
  const { start, end } = link.range;
  if (start.line !== end.line || end.character - start.character !== link.target.length) return link.range;
  return { start: { line: start.line, character: start.character + hash }, end };
}
