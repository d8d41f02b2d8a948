// The core's Workspace over the local file system, with open editors' text taking precedence.
// Reads are synchronous: for local files one readFileSync beats the several thread-pool round
// trips of fs.promises by far, and the core reads in small batches and yields between them, so
// requests are still answered while a large workspace loads. Only regular files are read: they are
// opened without following symbolic links and without blocking (a named pipe would otherwise block
// forever), and anything that is not a regular file is left alone.
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'fs';
import { URI } from 'vscode-uri';
import type { CancellationToken, FileKind, Workspace } from './core';

const SKIP_DIRS = new Set(['node_modules', '.git']);
const LIST_SLICE_MS = 20;
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

export class NodeWorkspace implements Workspace {
  constructor(private readonly openText: (uri: string) => string | undefined = () => undefined) {}

  async listFiles(dir: URI, token: CancellationToken): Promise<URI[]> {
    if (dir.scheme !== 'file') return [];
    const out: URI[] = [];
    const pending = [dir.fsPath.replace(/\/+$/, '')];
    let sliceStart = Date.now();
    while (pending.length > 0 && !token.isCancellationRequested) {
      // a large tree is walked in slices, so that requests are answered meanwhile
      if (Date.now() - sliceStart > LIST_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
      const path = pending.pop() as string;
      let entries;
      try {
        entries = readdirSync(path, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        const child = `${path}/${e.name}`;
        // symbolic links (to anything) and special files are listed, so links to them resolve,
        // but never walked into or read as docs
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) pending.push(child);
        } else {
          out.push(URI.file(child));
        }
      }
    }
    return out;
  }

  async readFile(uri: URI): Promise<string | undefined> {
    const open = this.openText(uri.toString());
    if (open !== undefined) return open;
    if (uri.scheme !== 'file') return undefined;
    let fd: number | undefined;
    try {
      fd = openSync(uri.fsPath, OPEN_FLAGS);
      if (!fstatSync(fd).isFile()) return undefined;
      return readFileSync(fd, 'utf8');
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  async stat(uri: URI): Promise<FileKind | undefined> {
    if (uri.scheme !== 'file') return undefined;
    try {
      const s = statSync(uri.fsPath);
      return s.isDirectory() ? 'directory' : 'file';
    } catch {
      return undefined;
    }
  }
}
