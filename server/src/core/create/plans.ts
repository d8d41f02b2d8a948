// Creation plans for New Milestone / New PRD / New User Story: pure functions from the index and the
// texts involved to the files to create and the edits to make. Nothing is written here.
import type { DocEntry, DocIndex } from '../graph';
import { parseDoc, splitLines } from '../parse';
import { basename, dirname, isUnder, relativePath, relativeTo, resolvePath } from '../paths';
import type { Range, TemplateKind } from '../types';
import { at, CreateError, type CreatePlan } from './types';
import { checkDate, normalizePriority, renderTemplate, slugFromTitle, type TemplateVars } from './names';
import { addListItem, addTableRow } from './sectionEdit';

export interface PlanContext {
  index: DocIndex;
  /** The template text of each kind (the workspace's, or the built-in one). */
  templates: Record<TemplateKind, string>;
  /** Today, YYYY-MM-DD. */
  today: string;
}

export interface MilestoneArgs { title: string; start?: string; end?: string }
export interface PrdArgs { title: string; milestone: DocEntry; priority?: string; milestoneText: string }
export interface StoryArgs { title: string; prd: DocEntry; prdText: string }

function need(title: string | undefined, what: string): string {
  const t = (title ?? '').trim();
  if (t === '') throw new CreateError(`Give the ${what} a title.`);
  if (/[\r\n]/.test(t)) throw new CreateError('A title is one line.');
  return t;
}

function slugOf(title: string): string {
  const slug = slugFromTitle(title);
  if (slug === '') throw new CreateError(`"${title}" has no letters or digits (a-z, 0-9) to name the file with.`);
  return slug;
}

function target(ctx: PlanContext, rel: string): string {
  const path = resolvePath(ctx.index.rootPath, rel);
  if (!isUnder(ctx.index.rootPath, path) || path === ctx.index.rootPath) throw new CreateError(`${rel} is outside the docs folder.`);
  if (ctx.index.docs.has(path) || ctx.index.hasFile(path)) {
    throw new CreateError(`${relativeTo(ctx.index.folderPath, path)} already exists; nothing was changed.`);
  }
  return path;
}

/** The first section's guidance line (selected, so typing replaces it), or the line after its heading. */
export function firstSectionSelection(content: string): Range {
  const doc = parseDoc('', content);
  const lines = splitLines(content);
  const h = doc.headings.find((x) => x.level === 2) ?? doc.headings[0];
  if (!h) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  for (let i = h.line + 1; i <= h.endLine && i < lines.length; i++) {
    const t = lines[i];
    if (t.trim() === '' || /^\s*<!--.*-->\s*$/.test(t)) continue;
    if (/^#/.test(t)) break;
    const start = t.length - t.trimStart().length;
    return { start: { line: i, character: start }, end: { line: i, character: t.trimEnd().length } };
  }
  const line = Math.min(h.line + 1, lines.length - 1);
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

function plan(ctx: PlanContext, kind: TemplateKind, path: string, vars: TemplateVars): CreatePlan {
  const content = renderTemplate(ctx.templates[kind], { date: ctx.today, ...vars });
  return { creates: [{ path, content }], edits: [], open: { path, selection: firstSectionSelection(content) } };
}

export function planMilestone(ctx: PlanContext, args: MilestoneArgs): CreatePlan {
  const title = need(args.title, 'milestone');
  for (const [name, v] of [['start', args.start], ['end', args.end]] as const) {
    if (v) { const bad = checkDate(v); if (bad) throw new CreateError(`The ${name} date: ${bad}`); }
  }
  if (args.start && args.end && args.end < args.start) throw new CreateError(`The end date (${args.end}) is before the start date (${args.start}).`);
  const slug = slugOf(title);
  const path = target(ctx, `milestones/${slug}.md`);
  return plan(ctx, 'milestone', path, { title, id: slug, slug, milestone: slug, start: args.start ?? '', end: args.end ?? '' });
}

export function planPrd(ctx: PlanContext, args: PrdArgs): CreatePlan {
  const title = need(args.title, 'PRD');
  const priority = normalizePriority(args.priority);
  if (!priority) throw new CreateError(`Priority is High, Medium or Low, not "${args.priority}".`);
  const feature = slugOf(title);
  const path = target(ctx, `prd/${feature}/${feature}-prd.md`);
  const m = args.milestone;
  const p = plan(ctx, 'prd', path, { title, id: `${feature}-prd`, slug: feature, feature, milestone: m.id, priority });
  const link = `[${title.replace(/[[\]|]/g, ' ')}](${relativePath(dirname(m.path), path)})`;
  const row = addTableRow(args.milestoneText, 'Features', { feature: title.replace(/\|/g, ' '), prd: link, priority }, ['Feature', 'PRD', 'Priority']);
  p.edits.push({ path: m.path, range: at(row.position), newText: row.text });
  return p;
}

/** The feature folder of a PRD: `prd/<feature>/...`, else its id without `-prd`. */
export function featureOf(index: DocIndex, prd: DocEntry): string {
  const rel = relativeTo(index.rootPath, prd.path).split('/');
  if (rel[0] === 'prd' && rel.length >= 3) return rel[1];
  return slugFromTitle(prd.id.replace(/-prd$/, '')) || 'stories';
}

export function nextStoryNumber(index: DocIndex, dir: string): number {
  let max = 0;
  for (const p of index.filesIn(dir)) {
    const m = /^story-(\d+)\.md$/i.exec(basename(p));
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

export function planStory(ctx: PlanContext, args: StoryArgs): CreatePlan {
  const title = need(args.title, 'story');
  const feature = featureOf(ctx.index, args.prd);
  const dir = resolvePath(ctx.index.rootPath, `user-stories/${feature}`);
  const n = nextStoryNumber(ctx.index, dir);
  const path = target(ctx, `user-stories/${feature}/story-${n}.md`);
  const milestone = typeof args.prd.parsed.data.milestone === 'string' ? args.prd.parsed.data.milestone : '';
  const p = plan(ctx, 'story', path, { title, id: `${feature}-story-${n}`, slug: slugOf(title), feature, prd: args.prd.id, milestone });
  const item = `- [${title.replace(/[[\]]/g, ' ')}](${relativePath(dirname(args.prd.path), path)})`;
  const ins = addListItem(args.prdText, 'User Stories', item);
  p.edits.push({ path: args.prd.path, range: at(ins.position), newText: ins.text });
  return p;
}
