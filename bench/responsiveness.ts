// Is the language server responsive while it indexes a large workspace? Starts the built server
// on a generated corpus, sends a hover request every 25 ms from the moment it is initialized until
// indexing ends (its progress report), and prints the latency percentiles of those answers.
// Usage: node --import tsx bench/responsiveness.ts [size]   (after `npm run build`; default 50,000)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection, HoverRequest, InitializedNotification, InitializeRequest, StreamMessageReader, StreamMessageWriter,
  WorkDoneProgress, WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { ensureCorpus } from './generate';
import { percentile } from './stats';

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 50_000);
  const corpus = ensureCorpus(size, 42);
  const server = spawn(process.execPath, [path.join(__dirname, '..', 'server', 'out', 'main.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  let ended = false;
  let progressReports = 0;
  conn.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
    conn.onProgress(WorkDoneProgress.type, token, (v) => { progressReports++; if (v.kind === 'end') ended = true; });
  });
  conn.listen();
  const uri = URI.file(corpus.root).toString();
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: { window: { workDoneProgress: true } } });
  const started = performance.now();
  await conn.sendNotification(InitializedNotification.type, {});
  // hover on the first PRD link of the first milestone (answered once that milestone is indexed)
  const milestones = path.join(corpus.docsRoot, 'milestones');
  const file = path.join(milestones, readdirSync(milestones).sort()[0]);
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes('-prd.md'));
  const position = { line, character: lines[line].indexOf('-prd.md') };
  const doc = URI.file(file).toString();
  const latencies: number[] = [];
  let answered = 0;
  while (!ended) {
    const t = performance.now();
    const h = await conn.sendRequest(HoverRequest.type, { textDocument: { uri: doc }, position });
    latencies.push(performance.now() - t);
    if (h) answered++;
    await new Promise((r) => setTimeout(r, 25));
  }
  const indexing = performance.now() - started;
  latencies.sort((a, b) => a - b);
  console.log(`${size} docs: indexing ended after ${indexing.toFixed(0)} ms (${progressReports} progress reports)`);
  console.log(`hover while indexing: ${latencies.length} requests, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms; ${answered} answered with a preview (from the partial index)`);
  conn.dispose();
  server.kill();
}

void main();
