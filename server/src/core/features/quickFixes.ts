// Quick fixes for diagnostics, as data: text edits, or a command for the editor to run.
import { renderTemplate } from '../create/names';
import { frontMatterPrdEdit } from '../create/frontMatterEdit';
import { kindForNewPath } from '../create/scaffold';
import type { TextEditPlan } from '../create/types';
import type { DocEntry, DocIndex } from '../graph';
import { splitLines } from '../parse';
import { basename, dirname, relativePath, relativeTo, stripMdExtension } from '../paths';
import type { PlanDiagnostic } from '../rules';
import { KIND_LABEL, sectionKey, templateSections } from '../templates';
import type { ParsedDoc, TemplateKind } from '../types';
import { titleOf } from './hover';
import { closest } from './similar';

export interface QuickFix {
  title: string;
  diagnostic: PlanDiagnostic;
  preferred?: boolean;
  edits?: TextEditPlan[];
  command?: { id: string; title: string; args: unknown[] };
}

export interface QuickFixInput {
  index: DocIndex;
  doc: DocEntry;
  text: string;
  templates: Record<TemplateKind, string>;
  diagnostics: PlanDiagnostic[];
}

// Command ids (the protocol module defines them for the editor; the core names them as data).
const LINK_PRD_COMMAND = 'plandocs.linkPrd';
const CREATE_FROM_LINK_COMMAND = 'plandocs.createFromLink';

export function quickFixes(input: QuickFixInput): QuickFix[] {
  const out: QuickFix[] = [];
  for (const d of input.diagnostics) {
    if (d.code === 'section.missing') out.push(...addSection(input, d));
    else if (d.code === 'link.broken') out.push(...brokenLink(input, d));
    else if (d.code === 'link.broken-heading') out.push(...brokenHeading(input, d));
    else if (d.code === 'ref.unknown') out.push(...unknownRef(input, d));
    else if (d.code === 'story.no-prd') out.push(...linkPrd(input, d));
  }
  return out;
}

function addSection({ index, doc, text, templates }: QuickFixInput, d: PlanDiagnostic): QuickFix[] {
  if (doc.kind === 'other' || !d.data?.section) return [];
  const kind = doc.kind;
  const tplText = templates[kind];
  const tpl = index.template(kind);
  const order = templateSections(tpl);
  const i = order.findIndex((s) => s.key === sectionKey(d.data?.section ?? ''));
  if (i < 0) return [];
  const tplLines = splitLines(tplText);
  const h = tpl.headings.find((x) => x.line === order[i].line);
  const end = tpl.headings.find((x) => x.line > order[i].line)?.line ?? tplLines.length;
  const body = tplLines.slice(order[i].line, Math.max(end, (h?.line ?? 0) + 1));
  while (body.length > 1 && body[body.length - 1].trim() === '') body.pop();
  const section = renderTemplate(body.join('\n'), { title: titleOf(doc), id: doc.id });
  const edit = sectionInsertion(doc.parsed, text, order.slice(i + 1).map((s) => s.key), section);
  return [{ title: `Add section "${order[i].name}" from the ${KIND_LABEL[kind]} template`, diagnostic: d, preferred: true, edits: [{ path: doc.path, ...edit }] }];
}

/** Before the first following template section present in the doc, else at the end. */
function sectionInsertion(parsed: ParsedDoc, text: string, following: string[], section: string) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = section.split('\n').join(eol);
  for (const key of following) {
    const h = parsed.headings.find((x) => x.level >= 2 && sectionKey(x.text) === key);
    if (h) {
      const p = { line: h.line, character: 0 };
      return { range: { start: p, end: p }, newText: block + eol + eol };
    }
  }
  const lines = splitLines(text);
  const last = lines.length - 1;
  const endsWithNewline = lines[last] === '';
  const prevBlank = endsWithNewline ? (lines[last - 1] ?? '').trim() === '' : false;
  const p = { line: last, character: lines[last].length };
  const lead = endsWithNewline ? (prevBlank ? '' : eol) : eol + eol;
  return { range: { start: p, end: p }, newText: lead + block + (endsWithNewline ? eol : '') };
}

function linkAtRange(doc: DocEntry, d: PlanDiagnostic) {
  return doc.parsed.links.find((l) => l.range.start.line === d.range.start.line && l.range.start.character <= d.range.start.character && l.range.end.character >= d.range.end.character);
}

function brokenLink({ index, doc }: QuickFixInput, d: PlanDiagnostic): QuickFix[] {
  const link = linkAtRange(doc, d);
  if (!link) return [];
  const out: QuickFix[] = [];
  const path = index.linkPath(doc.path, link);
  const kind = kindForNewPath(index, path);
  if (kind) {
    out.push({
      title: `Create ${relativeTo(index.rootPath, path)} from the ${KIND_LABEL[kind]} template`,
      diagnostic: d,
      command: { id: CREATE_FROM_LINK_COMMAND, title: 'Create from template', args: [{ from: doc.uri, target: index.folderUriOf(path) }] },
    });
  }
  const name = stripMdExtension(basename(path));
  const docs = [...index.docs.values()].filter((e) => !e.template);
  for (const c of closest(name, docs, (e) => stripMdExtension(basename(e.path)))) {
    const rel = relativePath(dirname(doc.path), c.path) + (link.fragment !== undefined ? `#${link.fragment}` : '');
    out.push({ title: `Did you mean ${rel}?`, diagnostic: d, edits: [{ path: doc.path, range: link.range, newText: rel }] });
  }
  return out;
}

function brokenHeading({ index, doc }: QuickFixInput, d: PlanDiagnostic): QuickFix[] {
  const link = linkAtRange(doc, d);
  if (!link || link.fragment === undefined) return [];
  const r = index.resolve(doc.path, link);
  if (r.type !== 'doc') return [];
  return closest(link.fragment, r.entry.parsed.headings, (h) => h.slug).map((h) => ({
    title: `Did you mean #${h.slug} (${h.text})?`,
    diagnostic: d,
    edits: [{ path: doc.path, range: d.range, newText: `#${h.slug}` }],
  }));
}

function unknownRef({ index, doc }: QuickFixInput, d: PlanDiagnostic): QuickFix[] {
  const want = d.data?.field === 'milestone' ? 'milestone' : 'prd';
  const value = d.data?.value ?? '';
  const candidates = [...index.docs.values()].filter((e) => e.kind === want && !e.template);
  return closest(value, candidates, (e) => e.id).map((e) => ({
    title: `Did you mean ${e.id} (${titleOf(e)})?`,
    diagnostic: d,
    edits: [{ path: doc.path, range: d.range, newText: e.id }],
  }));
}

function linkPrd({ index, doc, text }: QuickFixInput, d: PlanDiagnostic): QuickFix[] {
  const out: QuickFix[] = [];
  const feature = basename(dirname(doc.path));
  const sameFeature = [...index.docs.values()].filter((e) => e.kind === 'prd' && !e.template && basename(dirname(e.path)) === feature);
  for (const prd of sameFeature.slice(0, 3)) {
    out.push({ title: `Link to PRD "${titleOf(prd)}"`, diagnostic: d, preferred: sameFeature.length === 1, edits: [{ path: doc.path, ...frontMatterPrdEdit(doc.parsed, text, prd.id) }] });
  }
  out.push({ title: 'Link to a PRD…', diagnostic: d, command: { id: LINK_PRD_COMMAND, title: 'Link to a PRD…', args: [{ uri: doc.uri }] } });
  return out;
}
