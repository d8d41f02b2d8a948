// Every rule over one doc. Templates are the schema, never checked as docs.
import type { DocEntry, DocIndex } from '../graph';
import { duplicateId } from './duplicateId';
import { frontMatterInvalid } from './frontMatter';
import { links } from './links';
import { refUnknown } from './refs';
import { sectionMissing } from './sections';
import { storyNoPrd } from './storyPrd';
import type { PlanDiagnostic, Rule } from './types';

export type { PlanDiagnostic } from './types';

const RULES: readonly Rule[] = [frontMatterInvalid, duplicateId, sectionMissing, links, refUnknown, storyNoPrd];

export function checkDoc(index: DocIndex, doc: DocEntry): PlanDiagnostic[] {
  if (doc.template) return frontMatterInvalid(index, doc);
  const out: PlanDiagnostic[] = [];
  for (const rule of RULES) out.push(...rule(index, doc));
  return out;
}
