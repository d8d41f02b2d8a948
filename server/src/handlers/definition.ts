import type { Connection, Definition } from 'vscode-languageserver';
import type { Folders } from '../folders';
import { runSafe } from '../safe';

export function registerDefinition(connection: Connection, folders: Folders): void {
  connection.onDefinition((params) =>
    runSafe<Definition | null>(connection, 'definition', null, () => {
      const loc = folders.forDoc(params.textDocument.uri)?.definition(params.textDocument.uri, params.position);
      return loc ? { uri: loc.uri, range: loc.range } : null;
    }),
  );
}
