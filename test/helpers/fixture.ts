// A small planning workspace for core tests, written with the built-in templates' sections.
import { PlanFolder, defaultSettings, type Settings } from '../../server/src/core';
import { URI } from 'vscode-uri';
import { MemoryWorkspace, lines } from './memoryWorkspace';

export const ROOT = '/ws';
export const D = '/ws/docs';

export const MILESTONE_SECTIONS = ['Theme', 'Timeline', 'Goals', 'Success Criteria', 'Features', 'Dependencies'];
export const PRD_SECTIONS = ['Overview', 'Problem Statement', 'Goals', 'Requirements', 'Success Metrics', 'User Stories'];
export const STORY_SECTIONS = ['Story', 'Acceptance Criteria'];

export const sections = (names: string[], body = 'Text.') => names.flatMap((n) => [`## ${n}`, body, '']);

/** `extra` lines go in the Features section. */
export function milestone(id: string, extra: string[] = []): string {
  const [before, after] = [MILESTONE_SECTIONS.slice(0, 5), MILESTONE_SECTIONS.slice(5)];
  return lines('---', `id: ${id}`, `title: Milestone ${id}`, 'status: planned', 'start: 2026-01-05', 'end: 2026-03-27', '---', `# Milestone ${id}`, '',
    ...sections(before), ...extra, ...(extra.length ? [''] : []), ...sections(after));
}

export function prd(id: string, milestoneId: string, extra: string[] = []): string {
  return lines('---', `id: ${id}`, `title: PRD ${id}`, 'status: approved', `milestone: ${milestoneId}`, 'priority: High', '---', `# PRD ${id}`, '', ...sections(PRD_SECTIONS), ...extra);
}

export function story(id: string, prdRef: string | undefined, status = 'todo', extra: string[] = []): string {
  return lines('---', `id: ${id}`, `title: Story ${id}`, `status: ${status}`, ...(prdRef ? [`prd: ${prdRef}`] : []), '---', `# Story ${id}`, '',
    '## Story', 'As a rep, I want to search, so that I find customers.', '', '## Acceptance Criteria', '- [x] one', '- [ ] two', '', ...extra);
}

export function sampleFiles(): Record<string, string> {
  return {
    [`${D}/milestones/m1.md`]: milestone('m1', ['| Feature | PRD | Priority |', '|---|---|---|', '| Search | [Search](../prd/search/search-prd.md) | High |']),
    [`${D}/prd/search/search-prd.md`]: prd('search-prd', 'm1', ['- [Story 1](../../user-stories/search/story-1.md)']),
    [`${D}/user-stories/search/story-1.md`]: story('story-1', 'search-prd', 'done'),
    [`${D}/user-stories/search/story-2.md`]: story('story-2', 'search-prd', 'todo'),
    [`${ROOT}/README.md`]: '# Readme\n',
  };
}

export async function load(files: Record<string, string> = sampleFiles(), settings: Settings = defaultSettings()) {
  const ws = new MemoryWorkspace(files);
  const folder = new PlanFolder(ws, URI.file(ROOT), settings);
  await folder.load();
  return { ws, folder };
}

export function codes(folder: PlanFolder, path: string): string[] {
  return folder.diagnostics(URI.file(path).toString()).map((d) => d.code);
}

export function allCodes(folder: PlanFolder): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of folder.allDiagnostics()) if (c.diagnostics.length) out[URI.parse(c.uri).path] = c.diagnostics.map((d) => d.code);
  return out;
}
