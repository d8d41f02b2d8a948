// Open editors: every edit re-parses that doc (debounced while typing) and publishes what changed.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Folders } from '../folders';
import { runSafe } from '../safe';

const TYPING_DELAY_MS = 60;

/** Lets a caller wait until every edit received so far has been processed and published. */
export interface DocumentsHandle { flush(): Promise<void> }

export function registerDocuments(connection: Connection, documents: TextDocuments<TextDocument>, folders: Folders): DocumentsHandle {
  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();

  const update = (doc: TextDocument): Promise<void> => {
    const work = runSafe(connection, 'update', undefined, async () => {
      const folder = folders.forDoc(doc.uri);
      if (!folder) return;
      folders.publish(folder, await folder.setText(doc.uri, doc.getText(), doc.version, true));
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    return work;
  };

  documents.onDidOpen((e) => { void update(e.document); });
  documents.onDidChangeContent((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.set(e.document.uri, setTimeout(() => {
      timers.delete(e.document.uri);
      const current = documents.get(e.document.uri);
      if (current) void update(current);
    }, TYPING_DELAY_MS));
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    const work = runSafe(connection, 'close', undefined, async () => {
      const folder = folders.forDoc(e.document.uri);
      if (folder) folders.publish(folder, await folder.close(e.document.uri));
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });

  return {
    async flush() {
      for (const [uri, timer] of [...timers]) {
        clearTimeout(timer);
        timers.delete(uri);
        const current = documents.get(uri);
        if (current) void update(current);
      }
      await Promise.all([...inFlight]);
    },
  };
}
