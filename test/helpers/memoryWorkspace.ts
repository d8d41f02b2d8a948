// An in-memory Workspace for core tests: files keyed by absolute path under file:///.
import { URI } from 'vscode-uri';
import type { CancellationToken, FileKind, Workspace } from '../../server/src/core';

export class MemoryWorkspace implements Workspace {
  readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(files)) this.files.set(p, t);
  }

  write(path: string, text: string): string {
    this.files.set(path, text);
    return URI.file(path).toString();
  }

  delete(path: string): string {
    this.files.delete(path);
    return URI.file(path).toString();
  }

  async listFiles(dir: URI, _token: CancellationToken): Promise<URI[]> {
    const prefix = dir.path.replace(/\/$/, '') + '/';
    return [...this.files.keys()].filter((p) => p.startsWith(prefix)).sort().map((p) => URI.file(p));
  }

  async readFile(uri: URI): Promise<string | undefined> {
    return this.files.get(uri.path);
  }

  async stat(uri: URI): Promise<FileKind | undefined> {
    if (this.files.has(uri.path)) return 'file';
    const prefix = uri.path.replace(/\/$/, '') + '/';
    for (const p of this.files.keys()) if (p.startsWith(prefix)) return 'directory';
    return undefined;
  }
}

export const lines = (...l: string[]) => l.join('\n') + '\n';
export const uri = (path: string) => URI.file(path).toString();
