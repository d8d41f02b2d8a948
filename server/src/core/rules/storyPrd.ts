import { docAnchor } from './anchor';
import type { Rule } from './types';

export const storyNoPrd: Rule = (index, doc) => {
  if (doc.kind !== 'story') return [];
  for (const link of doc.parsed.links) {
    if (link.source === 'frontmatter' && link.field === 'prd') return [];
    if (link.source === 'frontmatter') continue;
    const r = index.resolve(doc.path, link);
    if (r.type === 'doc' && r.entry.kind === 'prd') return [];
  }
  return [{
    code: 'story.no-prd',
    message: 'This story references no PRD: add `prd: <prd-id>` to its front matter or link its PRD.',
    range: docAnchor(doc),
  }];
};
