import { KIND_LABEL, sectionKey } from '../templates';
import { docAnchor } from './anchor';
import type { PlanDiagnostic, Rule } from './types';

/**
 * A section the template requires and the doc lacks. Shown where it belongs: on the heading of the
 * next template section the doc has (the quick fix inserts it right before), else on the title.
 */
export const sectionMissing: Rule = (index, doc) => {
  if (doc.kind === 'other') return [];
  const headings = new Map<string, (typeof doc.parsed.headings)[number]>();
  for (const h of doc.parsed.headings) {
    if (h.level < 2) continue;
    const key = sectionKey(h.text);
    if (!headings.has(key)) headings.set(key, h);
  }
  const sections = index.sectionsOf(doc.kind);
  const out: PlanDiagnostic[] = [];
  sections.forEach((s, i) => {
    if (s.optional || headings.has(s.key)) return;
    const next = sections.slice(i + 1).map((x) => headings.get(x.key)).find((h) => h !== undefined);
    const where = next ? `; it goes before "${next.text}"` : '';
    out.push({
      code: 'section.missing',
      message: `Missing section "${s.name}" (required by the ${KIND_LABEL[doc.kind]} template)${where}.`,
      range: next ? { start: { line: next.line, character: 0 }, end: next.range.end } : docAnchor(doc),
      data: { section: s.name, kind: doc.kind },
    });
  });
  return out;
};
