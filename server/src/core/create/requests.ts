// Creation requests (from the editor's commands, an LSP client or the CLI) turned into plans:
// reads what a plan needs through the Workspace, then calls the pure planners.
import { URI } from 'vscode-uri';
import { DEFAULT_TEMPLATES } from '../defaultTemplates';
import type { DocEntry, DocIndex } from '../graph';
import { relativeTo, resolvePath } from '../paths';
import { KIND_LABEL, TEMPLATE_PATHS } from '../templates';
import { TEMPLATE_KINDS, type TemplateKind } from '../types';
import type { Workspace } from '../workspace';
import { frontMatterPrdEdit } from './frontMatterEdit';
import { planMilestone, planPrd, planStory, type PlanContext } from './plans';
import { planFromLink, planInit } from './scaffold';
import { CreateError, type CreatePlan } from './types';

export type CreateRequest =
  | { type: 'milestone'; title: string; start?: string; end?: string }
  | { type: 'prd'; title: string; milestone: string; priority?: string }
  | { type: 'story'; title: string; prd: string }
  | { type: 'init' }
  | { type: 'fromLink'; from: string; target: string }
  | { type: 'setPrd'; uri: string; prd: string };

interface Host { index: DocIndex; workspace: Workspace }

export async function templateTexts({ index, workspace }: Host): Promise<Record<TemplateKind, string>> {
  const out = { ...DEFAULT_TEMPLATES } as Record<TemplateKind, string>;
  await Promise.all(TEMPLATE_KINDS.map(async (k) => {
    const path = resolvePath(index.rootPath, TEMPLATE_PATHS[k]);
    if (!index.docs.has(path)) return;
    const text = await workspace.readFile(URI.parse(index.folderUriOf(path)));
    if (text !== undefined) out[k] = text;
  }));
  return out;
}

/** A doc named by id or by URI, of the kind wanted. */
export function findDoc(index: DocIndex, ref: string, kind: 'milestone' | 'prd'): DocEntry {
  const byUri = /^[a-z][a-z0-9+.-]*:/i.test(ref) ? index.docs.get(URI.parse(ref).path) : undefined;
  const e = byUri ?? index.byId(ref.trim());
  if (!e || e.template) throw new CreateError(`No ${KIND_LABEL[kind]} "${ref}" in ${relativeTo(index.folderPath, index.rootPath) || '.'}.`);
  if (e.kind !== kind) throw new CreateError(`"${ref}" is a ${KIND_LABEL[e.kind]}, not a ${KIND_LABEL[kind]}.`);
  return e;
}

async function read(host: Host, e: DocEntry): Promise<string> {
  const text = await host.workspace.readFile(URI.parse(e.uri));
  if (text === undefined) throw new CreateError(`Cannot read ${relativeTo(host.index.folderPath, e.path)}.`);
  return text;
}

export async function planRequest(host: Host, req: CreateRequest, today: string): Promise<CreatePlan> {
  const { index } = host;
  const templates = await templateTexts(host);
  const ctx: PlanContext = { index, templates, today };
  let plan: CreatePlan;
  switch (req.type) {
    case 'milestone':
      plan = planMilestone(ctx, req);
      break;
    case 'prd': {
      const milestone = findDoc(index, String(req.milestone ?? ''), 'milestone');
      plan = planPrd(ctx, { title: req.title, priority: req.priority, milestone, milestoneText: await read(host, milestone) });
      break;
    }
    case 'story': {
      const prd = findDoc(index, String(req.prd ?? ''), 'prd');
      plan = planStory(ctx, { title: req.title, prd, prdText: await read(host, prd) });
      break;
    }
    case 'init':
      plan = planInit(index, DEFAULT_TEMPLATES, (p) => index.docs.has(p) || index.hasFile(p));
      break;
    case 'fromLink': {
      const from = index.docs.get(URI.parse(req.from).path);
      if (!from) throw new CreateError('The linking doc is not in the docs folder.');
      plan = planFromLink(ctx, from, URI.parse(req.target).path);
      break;
    }
    case 'setPrd': {
      const doc = index.docs.get(URI.parse(req.uri).path);
      if (!doc) throw new CreateError('That doc is not in the docs folder.');
      const prd = findDoc(index, req.prd, 'prd');
      const edit = frontMatterPrdEdit(doc.parsed, await read(host, doc), prd.id);
      return { creates: [], edits: [{ path: doc.path, ...edit }], open: { path: doc.path, selection: edit.range } };
    }
  }
  // The index may lag behind the disk: never plan over an existing file.
  for (const c of plan.creates) {
    if (await host.workspace.stat(URI.parse(index.folderUriOf(c.path)))) {
      throw new CreateError(`${relativeTo(index.folderPath, c.path)} already exists; nothing was changed.`);
    }
  }
  return plan;
}
