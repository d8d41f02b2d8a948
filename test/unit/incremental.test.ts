// The index is incremental: after any sequence of edits, creations and deletions, its state and
// every doc's diagnostics equal those of a fresh load of the same files.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { URI } from 'vscode-uri';
import { PlanFolder, defaultSettings } from '../../server/src/core';
import { D, load, milestone, prd, sampleFiles, story } from '../helpers/fixture';
import { MemoryWorkspace } from '../helpers/memoryWorkspace';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

const PATHS = [
  `${D}/milestones/m1.md`, `${D}/milestones/m2.md`,
  `${D}/prd/search/search-prd.md`, `${D}/prd/notes/notes-prd.md`,
  `${D}/user-stories/search/story-1.md`, `${D}/user-stories/search/story-2.md`, `${D}/user-stories/notes/story-1.md`,
  `${D}/prd/template.md`, `${D}/assets/diagram.png`,
];

function randomContent(path: string, r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const extra = [
    '[p](../../prd/search/search-prd.md#goals)', '[q](../../prd/notes/notes-prd.md#nope)', '[m](../milestones/m2.md)',
    '[img](../assets/diagram.png)', '[dir](/docs/assets)', '## Goals', '## Success Metrics', '[self](#story)', '[gone](../../prd/gone/gone-prd.md)',
  ];
  const body = Array.from({ length: Math.floor(r() * 3) }, () => pick(extra));
  if (path.endsWith('.png')) return 'PNG';
  if (path.endsWith('template.md')) return r() < 0.5 ? '# {{title}}\n## Overview\n## Goals\n' : '# {{title}}\n## Overview\n## Risks\n<!-- optional -->\n';
  if (path.includes('/milestones/')) return milestone(path.includes('m1') ? pick(['m1', 'm2', 'mx']) : 'm2', body);
  if (path.includes('/prd/')) return prd(path.includes('search') ? pick(['search-prd', 'notes-prd']) : 'notes-prd', pick(['m1', 'm2', 'nope']), body);
  return story(pick(['story-1', 'story-2', 'story-x']), pick([undefined, 'search-prd', 'notes-prd', 'gone-prd']), 'todo', body);
}

async function assertSameAsRebuild(ws: MemoryWorkspace, folder: PlanFolder, step: string) {
  const fresh = new PlanFolder(new MemoryWorkspace(Object.fromEntries(ws.files)), URI.file('/ws'), defaultSettings());
  await fresh.load();
  assert.deepEqual(folder.index.snapshot(), fresh.index.snapshot(), `index differs after ${step}`);
  assert.deepEqual(folder.allDiagnostics(), fresh.allDiagnostics(), `diagnostics differ after ${step}`);
}

describe('incremental index', () => {
  for (const seed of [1, 2, 3, 42, 2026]) {
    test(`equals a rebuild after 150 random operations (seed ${seed})`, async () => {
      const r = rng(seed);
      const { ws, folder } = await load(sampleFiles());
      const published = new Map<string, string>();
      for (const c of folder.allDiagnostics()) published.set(c.uri, JSON.stringify(c.diagnostics));
      for (let step = 0; step < 150; step++) {
        const path = PATHS[Math.floor(r() * PATHS.length)];
        const op = r();
        let changes;
        let what: string;
        if (op < 0.04) {
          // a whole folder deleted or (re)created: one event for the folder
          const dir = `${D}/user-stories/search`;
          const inside = [...ws.files.keys()].filter((p) => p.startsWith(dir + '/'));
          if (inside.length > 0) {
            for (const p of inside) ws.delete(p);
            changes = await folder.fileEvent(URI.file(dir).toString(), 'deleted');
            what = `delete folder ${dir}`;
          } else {
            ws.write(`${dir}/story-1.md`, randomContent(`${dir}/story-1.md`, r));
            ws.write(`${dir}/notes.txt`, 'x');
            changes = await folder.fileEvent(URI.file(dir).toString(), 'created');
            what = `create folder ${dir}`;
          }
        } else if (op < 0.25 && ws.files.has(path)) {
          changes = await folder.fileEvent(ws.delete(path), 'deleted');
          what = `delete ${path}`;
        } else if (op < 0.6 && path.endsWith('.md')) {
          const text = randomContent(path, r);
          ws.write(path, text);
          changes = await folder.setText(URI.file(path).toString(), text, step);
          what = `edit ${path}`;
        } else {
          const existed = ws.files.has(path);
          changes = await folder.fileEvent(ws.write(path, randomContent(path, r)), existed ? 'changed' : 'created');
          what = `${existed ? 'change' : 'create'} ${path}`;
        }
        for (const c of changes) published.set(c.uri, JSON.stringify(c.diagnostics));
        const label = `step ${step} (${what}, seed ${seed})`;
        await assertSameAsRebuild(ws, folder, label);
        // what a client saw (the published changes) is what a rebuild computes
        for (const c of folder.allDiagnostics()) assert.equal(published.get(c.uri) ?? '[]', JSON.stringify(c.diagnostics), `published state differs at ${label}`);
      }
    });
  }

  test('an edit re-checks only the docs it affects', async () => {
    const { folder } = await load();
    const uri = URI.file(`${D}/user-stories/search/story-1.md`).toString();
    const changes = await folder.setText(uri, story('story-1', 'nope-prd'), 2);
    assert.deepEqual(changes.map((c) => c.uri), [uri]);
    assert.deepEqual(await folder.setText(uri, story('story-1', 'nope-prd'), 3), [], 'unchanged diagnostics are not re-published');
  });

  test('renaming a heading re-checks the docs linking to it', async () => {
    const files = sampleFiles();
    files[`${D}/user-stories/search/story-1.md`] = story('story-1', 'search-prd', 'done', ['[g](../../prd/search/search-prd.md#goals)']);
    const { folder } = await load(files);
    const prdUri = URI.file(`${D}/prd/search/search-prd.md`).toString();
    const changes = await folder.setText(prdUri, prd('search-prd', 'm1').replace('## Goals', '## Objectives'), 2);
    const storyChange = changes.find((c) => c.uri.endsWith('story-1.md'));
    assert.deepEqual(storyChange?.diagnostics.map((d) => d.code), ['link.broken-heading']);
  });
});
