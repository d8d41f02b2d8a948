// Templates are the schema: the `##` headings of a kind's template are the sections its docs need.
// A section is optional when the line after its heading is `<!-- optional -->` (or its heading ends
// with "(optional)"). Headings with `{{variables}}` are not required.
import { DEFAULT_TEMPLATES } from './defaultTemplates';
import { parseDoc } from './parse';
import { ParsedDoc, TemplateKind } from './types';

/** Where each kind's template lives, relative to the docs root (the planning guide's locations). */
export const TEMPLATE_PATHS: Readonly<Record<TemplateKind, string>> = Object.freeze({
  milestone: 'templates/milestone-overview.md',
  prd: 'prd/template.md',
  story: 'user-stories/template.md',
});

export const KIND_LABEL: Readonly<Record<TemplateKind | 'other', string>> = Object.freeze({
  milestone: 'milestone',
  prd: 'PRD',
  story: 'user story',
  other: 'doc',
});

export interface TemplateSection { name: string; key: string; optional: boolean; line: number }

const PLAIN_KEY = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

export function sectionKey(text: string): string {
  const lower = text.toLowerCase();
  if (PLAIN_KEY.test(lower)) return lower;
  return text.toLowerCase().replace(/\s*\(optional\)\s*$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The `##` sections of a template, in order. */
export function templateSections(template: ParsedDoc): TemplateSection[] {
  return template.headings
    .filter((h) => h.level === 2 && !h.text.includes('{{'))
    .map((h) => ({ name: h.text, key: sectionKey(h.text), optional: h.optional, line: h.line }));
}

/** A string that changes exactly when the required sections change. */
export function requiredSignature(template: ParsedDoc): string {
  return templateSections(template)
    .filter((s) => !s.optional)
    .map((s) => s.key)
    .join('\u0000');
}

export function defaultTemplate(kind: TemplateKind): ParsedDoc {
  return parseDoc(`plandocs-default:${kind}`, DEFAULT_TEMPLATES[kind]);
}
