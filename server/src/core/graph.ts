// The index of one docs root: docs by path, ids, known files, and reverse edges ("who depends on
// what") so that a change touches only the docs it affects. Paths are absolute POSIX paths (the
// `path` of the docs' URIs). Updating is synchronous and pure; reading files is the caller's job.
import { basename, dirname, isMarkdownPath, isUnder, relativeTo, resolvePath, stripMdExtension } from './paths';
import { TEMPLATE_PATHS, defaultTemplate, requiredSignature, templateSections, type TemplateSection } from './templates';
import { DocKind, Link, ParsedDoc, TEMPLATE_KINDS, TemplateKind } from './types';

export interface DocEntry {
  path: string;
  uri: string;
  kind: DocKind;
  /** Set when this doc is the template of a kind (templates are never diagnosed). */
  template?: TemplateKind;
  id: string;
  parsed: ParsedDoc;
  /** Dependency keys: paths this doc links to, `#id:<id>` for id references, `#template:<kind>`. */
  deps: string[];
  /** What others see of this doc: a change of it re-checks the docs that link here. */
  signature: string;
}

export type Resolved =
  | { type: 'doc'; entry: DocEntry; path: string }
  | { type: 'file'; path: string }
  | { type: 'missing'; path?: string; id?: string }
  | { type: 'unchecked'; path: string };

const KIND_FOLDERS: Record<string, DocKind> = { milestones: 'milestone', prd: 'prd', 'user-stories': 'story' };
const TYPE_VALUES: Record<string, DocKind> = {
  milestone: 'milestone', prd: 'prd', story: 'story', 'user-story': 'story', userstory: 'story', other: 'other', doc: 'other',
};

export const idKey = (id: string) => `#id:${id}`;
export const templateKey = (kind: TemplateKind) => `#template:${kind}`;

/** A front matter value names a path (not an id) when it looks like one. */
export function refIsPath(value: string): boolean {
  return value.includes('/') || isMarkdownPath(value);
}

export class DocIndex {
  readonly docs = new Map<string, DocEntry>();
  private readonly files = new Set<string>();
  private readonly dirs = new Map<string, number>();
  private readonly ids = new Map<string, Set<string>>();
  private readonly dependents = new Map<string, Set<string>>();
  /** Existence of files outside the docs root (inside the workspace folder), as last seen. */
  private readonly external = new Map<string, boolean>();
  private readonly defaults = new Map<TemplateKind, ParsedDoc>();
  private readonly sectionCache = new WeakMap<ParsedDoc, TemplateSection[]>();

  constructor(
    readonly folderPath: string,
    readonly rootPath: string,
    private readonly toUri: (path: string) => string = (p) => `file://${p}`,
  ) {}

  // ---- classification -----------------------------------------------------------------------

  templateKindOf(path: string): TemplateKind | undefined {
    if (!isUnder(this.rootPath, path)) return undefined;
    const rel = relativeTo(this.rootPath, path);
    return TEMPLATE_KINDS.find((k) => TEMPLATE_PATHS[k] === rel);
  }

  kindOf(path: string, data: Record<string, unknown>): DocKind {
    const t = typeof data.type === 'string' ? TYPE_VALUES[data.type.trim().toLowerCase()] : undefined;
    if (t) return t;
    const first = relativeTo(this.rootPath, path).split('/')[0];
    return KIND_FOLDERS[first] ?? 'other';
  }

  // ---- queries ------------------------------------------------------------------------------

  /** The sections of a kind's template, computed once per template version. */
  sectionsOf(kind: TemplateKind): TemplateSection[] {
    const t = this.template(kind);
    let cached = this.sectionCache.get(t);
    if (!cached) { cached = templateSections(t); this.sectionCache.set(t, cached); }
    return cached;
  }

  template(kind: TemplateKind): ParsedDoc {
    const ws = this.docs.get(resolvePath(this.rootPath, TEMPLATE_PATHS[kind]));
    if (ws) return ws.parsed;
    let d = this.defaults.get(kind);
    if (!d) { d = defaultTemplate(kind); this.defaults.set(kind, d); }
    return d;
  }

  templateIsBuiltIn(kind: TemplateKind): boolean {
    return !this.docs.has(resolvePath(this.rootPath, TEMPLATE_PATHS[kind]));
  }

  /** The doc with this id; when several share it, the first by path (deterministic). */
  byId(id: string): DocEntry | undefined {
    const set = this.ids.get(id);
    if (!set || set.size === 0) return undefined;
    let best: string | undefined;
    for (const p of set) if (best === undefined || p < best) best = p;
    return this.docs.get(best as string);
  }

  /** Every link and front matter reference (in docs, not templates) that resolves to `target`. */
  *linksTo(target: DocEntry): Generator<{ from: DocEntry; link: Link }> {
    const seen = new Set<string>();
    for (const key of [target.path, idKey(target.id)]) {
      for (const p of this.dependentsOf(key)) {
        if (seen.has(p)) continue;
        seen.add(p);
        const from = this.docs.get(p);
        if (!from || from.template) continue;
        for (const link of from.parsed.links) {
          const r = this.resolve(from.path, link);
          if (r.type === 'doc' && r.entry === target) yield { from, link };
        }
      }
    }
  }

  /** Paths of the docs that have this id (more than one: a duplicate). */
  docsWithId(id: string): ReadonlySet<string> {
    return this.ids.get(id) ?? EMPTY;
  }

  dependentsOf(key: string): ReadonlySet<string> {
    return this.dependents.get(key) ?? EMPTY;
  }

  /** The URI of a path in this folder (same scheme and authority as the folder's docs). */
  folderUriOf(path: string): string {
    return this.docs.get(path)?.uri ?? this.toUri(path);
  }

  /** A file (of any type) under the docs root that the index knows of. */
  hasFile(path: string): boolean {
    return this.files.has(path);
  }

  /** Files the index knows of (docs included) inside directory `dir`, and tracked link targets there. */
  knownUnder(dir: string): { files: string[]; externals: string[] } {
    const prefix = dir.endsWith('/') ? dir : dir + '/';
    const files = [...this.files].filter((p) => p.startsWith(prefix));
    const externals = [...this.external.keys()].filter((p) => p.startsWith(prefix));
    return { files, externals };
  }

  /** Files directly in directory `dir` (under the docs root). */
  filesIn(dir: string): string[] {
    const out: string[] = [];
    for (const p of this.files) if (dirname(p) === dir) out.push(p);
    return out;
  }

  /**
   * The absolute path a link's path part points to (root-relative paths start at the workspace
   * folder). `from` is the path of the doc the link is in; a link object belongs to one parse of
   * one doc, so the answer is computed once per link.
   */
  linkPath(from: string, link: Link): string {
    let p = link.resolvedPath;
    if (p === undefined) {
      if (link.path === '') p = from;
      else if (link.absolute) p = resolvePath('/', link.path);
      else p = link.path.startsWith('/') ? resolvePath(this.folderPath, '.' + link.path) : resolvePath(dirname(from), link.path);
      link.resolvedPath = p;
    }
    return p;
  }

  resolve(from: string, link: Link): Resolved {
    if (link.source === 'frontmatter' && !refIsPath(link.path)) {
      const entry = this.byId(link.path);
      return entry ? { type: 'doc', entry, path: entry.path } : { type: 'missing', id: link.path };
    }
    const path = this.linkPath(from, link);
    const entry = this.docs.get(path);
    if (entry) return { type: 'doc', entry, path };
    if (isUnder(this.rootPath, path)) {
      return this.files.has(path) || this.dirs.has(path) ? { type: 'file', path } : { type: 'missing', path };
    }
    if (!isUnder(this.folderPath, path)) return { type: 'unchecked', path };
    const seen = this.external.get(path);
    if (seen === undefined) return { type: 'unchecked', path };
    return seen ? { type: 'file', path } : { type: 'missing', path };
  }

  /** Paths outside the docs root (inside the folder) that links point to and whose existence is unknown. */
  unknownExternals(entry: DocEntry): string[] {
    const out: string[] = [];
    for (const l of entry.parsed.links) {
      if (l.source === 'frontmatter' && !refIsPath(l.path)) continue;
      const p = this.linkPath(entry.path, l);
      if (!isUnder(this.rootPath, p) && isUnder(this.folderPath, p) && !this.external.has(p)) out.push(p);
    }
    return out;
  }

  // ---- updates (each returns the paths of the docs whose diagnostics may have changed) --------

  /** Adds or replaces a doc. `quiet` skips collecting the affected docs (a first load checks all anyway). */
  upsert(path: string, uri: string, parsed: ParsedDoc, quiet = false): Set<string> {
    const affected = quiet ? undefined : new Set<string>([path]);
    const old = this.docs.get(path);
    if (!old) this.addFile(path, affected);
    const template = this.templateKindOf(path);
    const kind = template ? 'other' : this.kindOf(path, parsed.data);
    const rawId = parsed.data.id;
    const id = (typeof rawId === 'string' || typeof rawId === 'number') && String(rawId).trim() !== ''
      ? String(rawId).trim() : stripMdExtension(basename(path));
    const entry: DocEntry = { path, uri, kind, id, parsed, deps: [], signature: '' };
    if (template) entry.template = template;
    entry.deps = this.depsOf(entry);
    entry.signature = signatureOf(entry);
    if (old) this.unlink(old);
    this.docs.set(path, entry);
    this.link(entry);
    if (!old || old.signature !== entry.signature) {
      this.collect(path, affected);
      if (old) this.collectId(old.id, affected);
      this.collectId(entry.id, affected);
    }
    if (template && (!old || requiredSignature(old.parsed) !== requiredSignature(parsed))) {
      this.collect(templateKey(template), affected);
    }
    return affected ?? new Set<string>();
  }

  remove(path: string): Set<string> {
    const affected = new Set<string>();
    const old = this.docs.get(path);
    if (old) {
      const sig = old.template ? requiredSignature(old.parsed) : '';
      this.unlink(old);
      this.docs.delete(path);
      this.collect(path, affected);
      this.collectId(old.id, affected);
      if (old.template && sig !== requiredSignature(this.template(old.template))) this.collect(templateKey(old.template), affected);
    }
    this.removeFile(path, affected);
    return affected;
  }

  /**
   * A file appeared or disappeared. Under the docs root every file is tracked; outside it only the
   * link targets whose existence was asked for (`track`), so unrelated files cost nothing.
   */
  fileExists(path: string, exists: boolean, track = false): Set<string> {
    const affected = new Set<string>();
    if (isUnder(this.rootPath, path)) {
      if (exists) this.addFile(path, affected);
      else if (!this.docs.has(path)) this.removeFile(path, affected);
      return affected;
    }
    if (!track && !this.external.has(path)) return affected;
    if (this.external.get(path) !== exists) {
      this.external.set(path, exists);
      this.collect(path, affected);
    }
    return affected;
  }

  // ---- internals ----------------------------------------------------------------------------

  private depsOf(entry: DocEntry): string[] {
    if (entry.template) return [];
    const deps = new Set<string>();
    for (const l of entry.parsed.links) {
      if (l.source === 'frontmatter' && !refIsPath(l.path)) deps.add(idKey(l.path));
      else deps.add(this.linkPath(entry.path, l));
    }
    if (entry.kind !== 'other') deps.add(templateKey(entry.kind));
    return [...deps];
  }

  private link(entry: DocEntry): void {
    for (const d of entry.deps) addTo(this.dependents, d, entry.path);
    if (!entry.template) addTo(this.ids, entry.id, entry.path);
  }

  private unlink(entry: DocEntry): void {
    for (const d of entry.deps) deleteFrom(this.dependents, d, entry.path);
    if (!entry.template) deleteFrom(this.ids, entry.id, entry.path);
  }

  /** Docs that reference `id`, and docs that have it (for duplicates). */
  private collectId(id: string, into: Set<string> | undefined): void {
    if (!into) return;
    this.collect(idKey(id), into);
    const holders = this.ids.get(id);
    if (holders) for (const p of holders) into.add(p);
  }

  private collect(key: string, into: Set<string> | undefined): void {
    if (!into) return;
    const set = this.dependents.get(key);
    if (set) for (const p of set) into.add(p);
  }

  private addFile(path: string, affected: Set<string> | undefined): void {
    if (this.files.has(path)) return;
    this.files.add(path);
    this.collect(path, affected);
    for (let d = dirname(path); isUnder(this.rootPath, d) && d !== this.rootPath; d = dirname(d)) {
      const n = this.dirs.get(d) ?? 0;
      this.dirs.set(d, n + 1);
      if (n === 0) this.collect(d, affected);
    }
  }

  private removeFile(path: string, affected: Set<string>): void {
    if (!this.files.delete(path)) return;
    this.collect(path, affected);
    for (let d = dirname(path); isUnder(this.rootPath, d) && d !== this.rootPath; d = dirname(d)) {
      const n = (this.dirs.get(d) ?? 1) - 1;
      if (n <= 0) { this.dirs.delete(d); this.collect(d, affected); } else this.dirs.set(d, n);
    }
  }

  /** A comparable snapshot of the whole index (for tests: incremental == rebuild). */
  snapshot(): unknown {
    const sortMap = <V>(m: Map<string, V>, f: (v: V) => unknown) => [...m.keys()].sort().map((k) => [k, f(m.get(k) as V)]);
    return {
      docs: sortMap(this.docs, (e) => ({ kind: e.kind, id: e.id, template: e.template, deps: [...e.deps].sort(), signature: e.signature })),
      files: [...this.files].sort(),
      dirs: sortMap(this.dirs, (n) => n),
      ids: sortMap(this.ids, (s) => [...s].sort()),
      dependents: sortMap(new Map([...this.dependents].filter(([, s]) => s.size > 0)), (s) => [...s].sort()),
    };
  }
}

const EMPTY: ReadonlySet<string> = new Set();


function signatureOf(e: DocEntry): string {
  return `${e.kind}|${e.template ?? ''}|${e.id}|${e.parsed.headings.map((h) => h.slug).join(' ')}`;
}

function addTo(m: Map<string, Set<string>>, key: string, value: string): void {
  let s = m.get(key);
  if (!s) { s = new Set(); m.set(key, s); }
  s.add(value);
}

function deleteFrom(m: Map<string, Set<string>>, key: string, value: string): void {
  const s = m.get(key);
  if (!s) return;
  s.delete(value);
  if (s.size === 0) m.delete(key);
}
