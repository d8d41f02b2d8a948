// Entry point: `node server/out/main.js --stdio` (or --node-ipc when VS Code starts it).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { NodeWorkspace } from './nodeWorkspace';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, (openText) => new NodeWorkspace(openText));
