import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver';
import type { Folders } from '../folders';
import { runSafe } from '../safe';

export function registerHover(connection: Connection, folders: Folders): void {
  connection.onHover((params) =>
    runSafe<Hover | null>(connection, 'hover', null, () => {
      const h = folders.forDoc(params.textDocument.uri)?.hover(params.textDocument.uri, params.position);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
    }),
  );
}
