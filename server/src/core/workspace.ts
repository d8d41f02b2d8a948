// All I/O of the core goes through this interface: the language server implements it over the
// file system and open editors, tests over an in-memory map.
import { URI } from 'vscode-uri';

export interface CancellationToken { readonly isCancellationRequested: boolean }
export const NEVER_CANCELLED: CancellationToken = Object.freeze({ isCancellationRequested: false });

export type FileKind = 'file' | 'directory';

export interface Workspace {
  /** Every file under `dir`, recursively: anything that is not a directory (symbolic links are listed, not followed). */
  listFiles(dir: URI, token: CancellationToken): Promise<URI[]>;
  /** The text of a regular file (an open editor's text wins over the disk); undefined when it cannot be read. */
  readFile(uri: URI): Promise<string | undefined>;
  /** What is at `uri`, or undefined when nothing is. */
  stat(uri: URI): Promise<FileKind | undefined>;
}
