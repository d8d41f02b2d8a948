import { KIND_LABEL } from '../templates';
import type { PlanDiagnostic, Rule } from './types';

const EXPECTED: Record<string, 'prd' | 'milestone'> = { prd: 'prd', milestone: 'milestone' };

export const refUnknown: Rule = (index, doc) => {
  const out: PlanDiagnostic[] = [];
  for (const link of doc.parsed.links) {
    if (link.source !== 'frontmatter' || !link.field) continue;
    const want = EXPECTED[link.field];
    const r = index.resolve(doc.path, link);
    if (r.type === 'missing') {
      out.push({
        code: 'ref.unknown',
        message: `No ${KIND_LABEL[want]} "${link.path}": ${link.field}: takes a ${KIND_LABEL[want]}'s id or relative path.`,
        range: link.range,
        data: { field: link.field, value: link.path },
      });
    } else if (r.type === 'doc' && r.entry.kind !== want) {
      const is = r.entry.template ? 'a template' : `a ${KIND_LABEL[r.entry.kind]}`;
      out.push({
        code: 'ref.unknown',
        message: `"${link.path}" is ${is}, not a ${KIND_LABEL[want]}.`,
        range: link.range,
        data: { field: link.field, value: link.path },
      });
    }
  }
  return out;
};
