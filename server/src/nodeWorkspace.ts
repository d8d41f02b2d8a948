// The core's Workspace over the local file system, with open editors' text taking precedence.
import { promises as fs } from 'fs';
import { URI } from 'vscode-uri';
import type { CancellationToken, FileKind, Workspace } from './core';

const SKIP_DIRS = new Set(['node_modules', '.git']);

export class NodeWorkspace implements Workspace {
  constructor(private readonly openText: (uri: string) => string | undefined = () => undefined) {}

  async listFiles(dir: URI, token: CancellationToken): Promise<URI[]> {
    if (dir.scheme !== 'file') return [];
    const out: URI[] = [];
    const walk = async (path: string): Promise<void> => {
      if (token.isCancellationRequested) return;
      const entries = await fs.readdir(path, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const child = `${path}/${e.name}`;
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) await walk(child);
        } else if (e.isFile()) {
          out.push(URI.file(child));
        }
      }
    };
    await walk(dir.fsPath.replace(/\/+$/, ''));
    return out;
  }

  async readFile(uri: URI): Promise<string | undefined> {
    const open = this.openText(uri.toString());
    if (open !== undefined) return open;
    if (uri.scheme !== 'file') return undefined;
    try {
      return await fs.readFile(uri.fsPath, 'utf8');
    } catch {
      return undefined;
    }
  }

  async stat(uri: URI): Promise<FileKind | undefined> {
    if (uri.scheme !== 'file') return undefined;
    try {
      const s = await fs.stat(uri.fsPath);
      return s.isDirectory() ? 'directory' : 'file';
    } catch {
      return undefined;
    }
  }
}
