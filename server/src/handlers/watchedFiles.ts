// Files created, changed, deleted or renamed on disk outside the editor.
import { FileChangeType, type Connection } from 'vscode-languageserver';
import type { FileEvent } from '../core';
import type { Folders } from '../folders';
import { runSafe } from '../safe';

const EVENT: Record<FileChangeType, FileEvent> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

export function registerWatchedFiles(connection: Connection, folders: Folders): { idle(): Promise<void> } {
  let last: Promise<void> = Promise.resolve();
  connection.onDidChangeWatchedFiles((params) => {
    // each folder serializes its own work; chaining keeps a batch's publications in order
    last = last.then(() =>
      runSafe(connection, 'watched files', undefined, async () => {
        for (const change of params.changes) {
          for (const folder of folders.all()) {
            folders.publish(folder, await folder.fileEvent(change.uri, EVENT[change.type]));
          }
        }
      }),
    );
  });
  return { idle: () => last };
}
