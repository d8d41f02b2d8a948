// Bad input only reachable at unit level: files that change between the listing and the reading
// (a race no fixture can stage), and a check that the corpus' code payloads are live.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import matter from 'gray-matter';
import { URI } from 'vscode-uri';
import { PlanFolder, defaultSettings, type CancellationToken } from '../../server/src/core';
import { NodeWorkspace } from '../../server/src/nodeWorkspace';
import { MemoryWorkspace } from '../helpers/memoryWorkspace';
import { fifo, jsPayload } from './generate';

/** Lists files that readFile and stat then say are gone (deleted between listing and reading). */
class VanishingWorkspace extends MemoryWorkspace {
  constructor(files: Record<string, string>, private readonly gone: string[]) { super(files); }
  override async listFiles(dir: URI, token: CancellationToken): Promise<URI[]> {
    return [...(await super.listFiles(dir, token)), ...this.gone.map((p) => URI.file(p))];
  }
}

/** The real file system, with `race` run right after the listing and before any reading. */
class RacingWorkspace extends NodeWorkspace {
  constructor(private readonly race: () => void) { super(); }
  override async listFiles(dir: URI, token: CancellationToken): Promise<URI[]> {
    const listed = await super.listFiles(dir, token);
    this.race();
    return listed;
  }
}

function codesByPath(folder: PlanFolder): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of folder.allDiagnostics()) if (c.diagnostics.length) out[URI.parse(c.uri).path] = c.diagnostics.map((d) => d.code);
  return out;
}

function tempWorkspace(files: Record<string, string>): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'plandocs-race-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), text);
  }
  return ws;
}

const RACE_FILES = {
  'docs/notes/race/kept.md': '# Kept\n\n[deleted](deleted.md)\n',
  'docs/notes/race/deleted.md': '# Deleted after listing\n\n[gone](missing-1.md)\n',
  'docs/notes/race/now-dir.md': '# Replaced by a folder after listing\n\n[gone](missing-2.md)\n',
};

describe('bad input: files that change between listing and reading', () => {
  test('a doc deleted after the listing is not indexed; load() finishes', { timeout: 10_000 }, async () => {
    const ws = new VanishingWorkspace({
      '/ws/docs/notes/kept.md': '# Kept\n\n[gone](gone.md)\n',
      '/ws/docs/prd/kept/kept-prd.md': '# Kept PRD\n',
    }, ['/ws/docs/notes/gone.md', '/ws/docs/prd/gone/gone-prd.md']);
    const folder = new PlanFolder(ws, URI.file('/ws'), defaultSettings());
    await folder.load();
    assert.deepEqual([...folder.index.docs.keys()].sort(), ['/ws/docs/notes/kept.md', '/ws/docs/prd/kept/kept-prd.md']);
    const codes = codesByPath(folder);
    assert.deepEqual(Object.keys(codes).sort(), ['/ws/docs/notes/kept.md', '/ws/docs/prd/kept/kept-prd.md']);
    assert.deepEqual(codes['/ws/docs/notes/kept.md'], ['link.broken'], 'the link to the deleted doc is broken: it is gone');
  });

  test('a listing that fails indexes nothing and load() finishes', { timeout: 10_000 }, async () => {
    const ws = new MemoryWorkspace({ '/ws/docs/notes/a.md': '# A\n' });
    ws.listFiles = () => Promise.reject(new Error('EIO'));
    const folder = new PlanFolder(ws, URI.file('/ws'), defaultSettings());
    assert.deepEqual(await folder.load(), []);
    assert.equal(folder.index.docs.size, 0);
  });

  test('on disk: a doc deleted or replaced by a folder after the listing is skipped', { timeout: 10_000 }, async () => {
    const dir = tempWorkspace(RACE_FILES);
    const at = (rel: string) => path.join(dir, 'docs/notes/race', rel);
    try {
      const ws = new RacingWorkspace(() => {
        fs.rmSync(at('deleted.md'));
        fs.rmSync(at('now-dir.md'));
        fs.mkdirSync(at('now-dir.md'));
      });
      const folder = new PlanFolder(ws, URI.file(dir), defaultSettings());
      await folder.load();
      assert.deepEqual([...folder.index.docs.keys()].map((p) => path.basename(p)), ['kept.md']);
      assert.deepEqual(codesByPath(folder), { [URI.file(at('kept.md')).path]: ['link.broken'] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('on disk: a doc replaced by a FIFO after the listing is skipped, load() finishes',
    { timeout: 10_000 }, async () => {
      const dir = tempWorkspace({ ...RACE_FILES, 'docs/notes/race/now-fifo.md': '# Replaced by a FIFO after listing\n' });
      const file = path.join(dir, 'docs/notes/race/now-fifo.md');
      try {
        const ws = new RacingWorkspace(() => { fs.rmSync(file); fifo({ ws: dir, outside: dir, markers: dir }, 'docs/notes/race/now-fifo.md'); });
        const folder = new PlanFolder(ws, URI.file(dir), defaultSettings());
        const load = folder.load();
        let timer: NodeJS.Timeout | undefined;
        const outcome = await Promise.race([
          load.then(() => 'finished'),
          new Promise<string>((resolve) => { timer = setTimeout(() => resolve('blocked'), 3000); }),
        ]);
        clearTimeout(timer);
        // A reader stuck on the FIFO gets an end of file, so that this process can exit either way.
        try { fs.closeSync(fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK)); } catch { /* no reader */ }
        await load;
        assert.equal(outcome, 'finished', 'load() blocked reading a FIFO');
        assert.equal(folder.index.docs.has(URI.file(file).path), false);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
});

describe('bad input: the corpus is live', () => {
  test("the fm-code payloads do create their marker when gray-matter's own engine runs them", () => {
    // This is what Plandocs must never do: it proves the "no marker file" assertions can fail.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandocs-live-'));
    try {
      const marker = path.join(dir, 'js.ran');
      const file = matter(`---js\n${jsPayload(marker, 'code-js')}\n---\n# JS\n`, {});
      assert.equal(file.data.id, 'code-js');
      assert.ok(fs.existsSync(marker));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
