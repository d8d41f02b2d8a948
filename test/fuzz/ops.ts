// Random operations on a planning workspace, as data (so a failing run can be replayed and shrunk).

export type Op =
  | { t: 'open'; file: number }
  | { t: 'edit'; file: number; at: number; del: boolean; text: string }
  | { t: 'close'; file: number }
  | { t: 'save'; file: number }
  | { t: 'create'; path: string; text: string }
  | { t: 'delete'; file: number }
  | { t: 'rename'; file: number; to: string }
  | { t: 'command'; command: string; args: Record<string, string> };

/** The seeded PRNG of the benchmark's generator (mulberry32). */
export { mulberry32 as rng } from '../../bench/text';

const SNIPPETS = [
  '## Goals', '## Success Metrics', '## Requirements', '## User Stories', '## Acceptance Criteria', '# New title', '### Deep',
  '[prd](../../prd/advanced-search/advanced-search-prd.md#requirements)', '[prd](../../prd/advanced-search/advanced-search-prd.md#nope)',
  '[m](../milestones/customer-management.md)', '[gone](../nope/nope-prd.md)', '[s](../../user-stories/advanced-search/story-1.md)',
  '[self](#goals)', '[out](../../../../../etc/passwd)', '[ref][r]', '[r]: ../../prd/customer-notes/customer-notes-prd.md',
  'prd: advanced-search-prd', 'prd: customer-notes-prd', 'prd: nope-prd', 'milestone: customer-management', 'milestone: nope', 'id: dup-id',
  'type: story', 'status: done', '---', '---js', '```', '<!--', '-->', '- [x] done', '- [ ] todo', 'As a user, I want x, so that y.',
  '\uFFFD\uFFFD bad bytes \u0000', '    [indented](code.md)', '`[code](span.md)`', '<!-- optional -->', '| Feature | [f](../prd/new-thing/new-thing-prd.md) | High |',
];

const NEW_PATHS = [
  'docs/prd/new-thing/new-thing-prd.md', 'docs/user-stories/advanced-search/story-9.md', 'docs/milestones/extra.md',
  'docs/prd/nope/nope-prd.md', 'docs/prd/template.md', 'docs/user-stories/template.md', 'docs/notes/idea.md', 'docs/assets/pic.png', 'README.md',
];

const BODIES = [
  '---\nid: new-thing-prd\ntitle: New thing\nstatus: draft\nmilestone: customer-management\n---\n# New thing\n## Overview\nx\n',
  '---\nid: dup-id\nprd: advanced-search-prd\n---\n# Story\n## Story\nAs a user, I want it, so that it works.\n## Acceptance Criteria\n- [ ] a\n',
  '# {{title}}\n## Overview\n## Goals\n## Risks\n<!-- optional -->\n',
  '---\nprd: [unclosed\n---\n# Broken\n',
  'PNG\u0000\u0001binary',
  '',
];

export function randomOp(r: () => number, files: number): Op {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const file = Math.floor(r() * Math.max(files, 1));
  const x = r();
  if (x < 0.14) return { t: 'open', file };
  if (x < 0.52) return { t: 'edit', file, at: r(), del: r() < 0.3, text: pick(SNIPPETS) };
  if (x < 0.6) return { t: 'close', file };
  if (x < 0.66) return { t: 'save', file };
  if (x < 0.76) return { t: 'create', path: pick(NEW_PATHS), text: pick(BODIES) };
  if (x < 0.83) return { t: 'delete', file };
  if (x < 0.9) return { t: 'rename', file, to: pick(NEW_PATHS) };
  const c = r();
  if (c < 0.4) return { t: 'command', command: 'plandocs.newStory', args: { title: pick(['Story A', 'Story B', '']), prd: pick(['advanced-search-prd', 'customer-notes-prd', 'new-thing-prd', 'nope']) } };
  if (c < 0.7) return { t: 'command', command: 'plandocs.newPrd', args: { title: pick(['New thing', 'Other', 'Offline']), milestone: pick(['customer-management', 'reporting-insights', 'extra']), priority: pick(['High', 'Low', 'bad']) } };
  return { t: 'command', command: 'plandocs.newMilestone', args: { title: pick(['Extra', 'Q4 Plan', 'Customer Management']), start: '2026-01-05', end: pick(['2026-03-01', '2025-01-01']) } };
}
