// "Initialize Planning Docs" and "create the missing doc a link points to".
import type { DocEntry, DocIndex } from '../graph';
import { basename, dirname, isMarkdownPath, isUnder, relativeTo, resolvePath, stripMdExtension } from '../paths';
import { TEMPLATE_PATHS } from '../templates';
import { TEMPLATE_KINDS, type TemplateKind } from '../types';
import { DEFAULT_GUIDE } from './guide';
import { titleFromSlug } from './names';
import { firstSectionSelection, type PlanContext } from './plans';
import { renderTemplate } from './names';
import { CreateError, type CreatePlan } from './types';

/** The three templates and a guide, for those of them that do not exist yet. */
export function planInit(index: DocIndex, builtIn: Record<TemplateKind, string>, existing: (path: string) => boolean): CreatePlan {
  const wanted: [string, string][] = [
    ...TEMPLATE_KINDS.map((k): [string, string] => [TEMPLATE_PATHS[k], builtIn[k]]),
    ['README.md', DEFAULT_GUIDE],
  ];
  const creates = wanted
    .map(([rel, content]) => ({ path: resolvePath(index.rootPath, rel), content }))
    .filter((c) => !existing(c.path));
  if (creates.length === 0) throw new CreateError(`${relativeTo(index.folderPath, index.rootPath) || '.'} already has its templates and guide; nothing was changed.`);
  const guide = creates.find((c) => c.path.endsWith('/README.md')) ?? creates[0];
  return { creates, edits: [], open: { path: guide.path, selection: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } };
}

/** Which template a missing link target would be made from, by where it is: prd/ or user-stories/. */
export function kindForNewPath(index: DocIndex, path: string): 'prd' | 'story' | undefined {
  if (!isUnder(index.rootPath, path) || !isMarkdownPath(path)) return undefined;
  const first = relativeTo(index.rootPath, path).split('/')[0];
  return first === 'prd' ? 'prd' : first === 'user-stories' ? 'story' : undefined;
}

/** A PRD or story at exactly `path` (a broken link's target), filled in from the linking doc. */
export function planFromLink(ctx: PlanContext, from: DocEntry, path: string): CreatePlan {
  const kind = kindForNewPath(ctx.index, path);
  if (!kind) throw new CreateError('Only PRDs (under prd/) and user stories (under user-stories/) can be created from a link.');
  if (ctx.index.docs.has(path) || ctx.index.hasFile(path)) throw new CreateError(`${relativeTo(ctx.index.folderPath, path)} already exists; nothing was changed.`);
  const name = stripMdExtension(basename(path));
  const feature = basename(dirname(path));
  const vars = kind === 'prd'
    ? { title: titleFromSlug(name), id: name, slug: feature, feature, milestone: from.kind === 'milestone' ? from.id : '', priority: 'Medium' }
    : { title: titleFromSlug(`${feature} ${name}`), id: `${feature}-${name}`, slug: name, feature, prd: from.kind === 'prd' ? from.id : '', milestone: '' };
  const content = renderTemplate(ctx.templates[kind], { date: ctx.today, ...vars });
  return { creates: [{ path, content }], edits: [], open: { path, selection: firstSectionSelection(content) } };
}
