import type { Connection, Location } from 'vscode-languageserver';
import type { Folders } from '../folders';
import { runSafe } from '../safe';

export function registerReferences(connection: Connection, folders: Folders): void {
  connection.onReferences((params) =>
    runSafe<Location[]>(connection, 'references', [], () => {
      const found = folders.forDoc(params.textDocument.uri)?.references(params.textDocument.uri, params.position, params.context.includeDeclaration) ?? [];
      return found.map((l) => ({ uri: l.uri, range: l.range }));
    }),
  );
}
