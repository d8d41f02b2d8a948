import * as path from 'path';
import { URI } from 'vscode-uri';
import { PlanFolder, defaultSettings, type CreateRequest } from '../core';
import { NodeWorkspace } from '../nodeWorkspace';
import { localDate } from '../planEdits';
import { applyPlan } from './apply';
import type { CliArgs } from './args';

export async function runNew(args: Extract<CliArgs, { cmd: 'new' }>): Promise<string> {
  const settings = defaultSettings();
  if (args.docsRoot) settings.docsRoot = args.docsRoot;
  const folder = new PlanFolder(new NodeWorkspace(), URI.file(path.resolve(args.folder)), settings);
  await folder.load();
  const title = args.title ?? '';
  const req: CreateRequest = args.kind === 'milestone'
    ? { type: 'milestone', title, start: args.start, end: args.end }
    : args.kind === 'prd'
      ? { type: 'prd', title, milestone: args.milestone ?? '', priority: args.priority }
      : { type: 'story', title, prd: args.prd ?? '' };
  const { created, updated } = applyPlan(folder, await folder.planCreate(req, localDate()));
  const rel = (f: string) => path.relative(process.cwd(), f) || f;
  return [...created.map((f) => `Created ${rel(f)}`), ...updated.map((f) => `Updated ${rel(f)}`)].join('\n') + '\n';
}
