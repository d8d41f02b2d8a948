import type { Connection } from 'vscode-languageserver';
import { summaries } from '../core';
import type { Folders } from '../folders';
import { ListDocs, type DocSummary, type ListDocsParams } from '../protocol';
import { runSafe } from '../safe';

export function registerListDocs(connection: Connection, folders: Folders): void {
  connection.onRequest(ListDocs.method, (params: ListDocsParams) =>
    runSafe<DocSummary[]>(connection, 'list docs', [], () =>
      folders.all().flatMap((f) => summaries(f.index, params.kind === 'prd' ? 'prd' : 'milestone').map((s) => ({ ...s, folder: f.folderUri.toString() }))),
    ),
  );
}
