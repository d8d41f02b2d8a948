// The anchor: vscode-markdown-languageservice 0.5 (the engine of VS Code's built-in Markdown
// features) computing link diagnostics for every doc of the corpus. It is ESM-only, hence the
// dynamic import(). Its parser is markdown-it with markdown-it-front-matter (without it the YAML
// header reads as a setext heading), its workspace reads the disk, `stat` answers undefined for a
// missing file (that is how it finds broken links), and its events never fire: a new service per
// cold measurement, since it caches until they do.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type * as Mdls from 'vscode-markdown-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { memorySampler, retainedHeapMb, type MemoryFigures } from './memory';
import { countBy, msSince } from './stats';

export interface AnchorResult extends MemoryFigures {
  ms: number;
  docs: number;
  diagnostics: Record<string, number>;
}

const READ_BATCH = 64;
const noEvent = () => ({ dispose() { /* never fires */ } });

async function listMarkdown(dir: string, out: string[]): Promise<string[]> {
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await listMarkdown(p, out);
    else if (e.isFile() && p.endsWith('.md')) out.push(p);
  }
  return out;
}

/** The corpus on disk as the language service's workspace; documents are read once and cached. */
class DiskWorkspace implements Mdls.IWorkspace {
  private readonly docs = new Map<string, TextDocument>();
  readonly onDidChangeMarkdownDocument = noEvent;
  readonly onDidCreateMarkdownDocument = noEvent;
  readonly onDidDeleteMarkdownDocument = noEvent;

  constructor(private readonly root: URI) {}

  get workspaceFolders(): readonly URI[] {
    return [this.root];
  }

  async getAllMarkdownDocuments(): Promise<Iterable<TextDocument>> {
    const files = await listMarkdown(this.root.fsPath, []);
    for (let i = 0; i < files.length; i += READ_BATCH) {
      await Promise.all(files.slice(i, i + READ_BATCH).map((f) => this.openMarkdownDocument(URI.file(f))));
    }
    return this.docs.values();
  }

  hasMarkdownDocument(resource: URI): boolean {
    return this.docs.has(resource.toString());
  }

  async openMarkdownDocument(resource: URI): Promise<TextDocument | undefined> {
    const key = resource.toString();
    const cached = this.docs.get(key);
    if (cached) return cached;
    if (!resource.path.endsWith('.md')) return undefined;
    try {
      const doc = TextDocument.create(key, 'markdown', 1, await fs.readFile(resource.fsPath, 'utf8'));
      this.docs.set(key, doc);
      return doc;
    } catch {
      return undefined;
    }
  }

  async stat(resource: URI): Promise<Mdls.FileStat | undefined> {
    if (this.docs.has(resource.toString())) return { isDirectory: false };
    try {
      return { isDirectory: (await fs.stat(resource.fsPath)).isDirectory() };
    } catch {
      return undefined;
    }
  }

  async readDirectory(resource: URI): Promise<Iterable<readonly [string, Mdls.FileStat]>> {
    const entries = await fs.readdir(resource.fsPath, { withFileTypes: true });
    return entries.map((e) => [e.name, { isDirectory: e.isDirectory() }] as const);
  }
}

export async function anchor(root: string): Promise<AnchorResult> {
  const mdls = await import('vscode-markdown-languageservice');
  const { default: MarkdownIt } = await import('markdown-it');
  const { default: frontMatter } = await import('markdown-it-front-matter');
  const mem = memorySampler();
  const t0 = process.hrtime.bigint();
  const md = new MarkdownIt({ html: true }).use(frontMatter, () => { /* front matter is not rendered */ });
  const parser: Mdls.IMdParser = {
    slugifier: mdls.githubSlugifier,
    tokenize: async (doc) => md.parse(doc.getText(), {}),
  };
  const workspace = new DiskWorkspace(URI.file(root));
  const logger: Mdls.ILogger = { level: mdls.LogLevel.Off, log: () => { /* no-op */ } };
  const service = mdls.createLanguageService({ workspace, parser, logger });
  const L = mdls.DiagnosticLevel;
  const options: Mdls.DiagnosticOptions = {
    validateReferences: L.warning,
    validateFragmentLinks: L.warning,
    validateFileLinks: L.warning,
    validateMarkdownFileLinkFragments: L.warning,
    validateUnusedLinkDefinitions: L.hint,
    validateDuplicateLinkDefinitions: L.warning,
    ignoreLinks: [],
  };
  const token = { isCancellationRequested: false, onCancellationRequested: noEvent };
  const codes: string[] = [];
  const docs = [...(await workspace.getAllMarkdownDocuments())];
  for (const doc of docs) {
    for (const d of await service.computeDiagnostics(doc, options, token)) codes.push(String(d.code));
  }
  const ms = msSince(t0);
  const figures = mem.stop();
  const retained = retainedHeapMb(); // the service and its caches are still alive here
  service.dispose();
  return { ms, docs: docs.length, diagnostics: countBy(codes, (c) => c), ...figures, retainedHeapMb: retained };
}
