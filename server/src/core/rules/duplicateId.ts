import { relativeTo } from '../paths';
import { docAnchor } from './anchor';
import type { Rule } from './types';

export const duplicateId: Rule = (index, doc) => {
  const holders = index.docsWithId(doc.id);
  if (holders.size < 2) return [];
  const others = [...holders].filter((p) => p !== doc.path).sort().map((p) => relativeTo(index.folderPath, p));
  return [{
    code: 'id.duplicate',
    message: `Another doc has the id "${doc.id}": ${others.join(', ')}. References to it are ambiguous.`,
    range: doc.parsed.idRange ?? docAnchor(doc),
    data: { id: doc.id },
  }];
};
