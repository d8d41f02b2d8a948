import { KIND_LABEL, sectionKey, templateSections } from '../templates';
import { docAnchor } from './anchor';
import type { PlanDiagnostic, Rule } from './types';

export const sectionMissing: Rule = (index, doc) => {
  if (doc.kind === 'other') return [];
  const present = new Set(doc.parsed.headings.filter((h) => h.level >= 2).map((h) => sectionKey(h.text)));
  const out: PlanDiagnostic[] = [];
  for (const s of templateSections(index.template(doc.kind))) {
    if (s.optional || present.has(s.key)) continue;
    out.push({
      code: 'section.missing',
      message: `Missing section "${s.name}" (required by the ${KIND_LABEL[doc.kind]} template).`,
      range: docAnchor(doc),
      data: { section: s.name, kind: doc.kind },
    });
  }
  return out;
};
