// Data model of the planning engine. Editor-independent: positions are LSP-shaped (0-based line,
// UTF-16 character) but no editor or LSP library is imported here.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export type DocKind = 'milestone' | 'prd' | 'story' | 'other';
export type TemplateKind = Exclude<DocKind, 'other'>;
export const TEMPLATE_KINDS: readonly TemplateKind[] = ['milestone', 'prd', 'story'];

export interface Heading {
  level: number;
  text: string;
  slug: string;
  line: number;
  /** Range of the heading's text (without the `#` markers). */
  range: Range;
  /** Last line (inclusive) of the section this heading opens. */
  endLine: number;
  /** The section is marked `<!-- optional -->` (meaningful in templates). */
  optional: boolean;
}

export type LinkSource = 'inline' | 'reference' | 'definition' | 'frontmatter';

export interface Link {
  source: LinkSource;
  /** The destination as written (percent-decoded, without `<>`), e.g. `../prd/a/a-prd.md#goals`. */
  target: string;
  /** Path part of the destination (may be empty for `#fragment` links). */
  path: string;
  /** Fragment without `#`, or undefined. */
  fragment?: string;
  /** Range of the destination (or the front matter value). */
  range: Range;
  /** For front matter references: the field (`prd` or `milestone`). */
  field?: string;
  /** A `file:` URI: `path` is absolute on the file system, not relative to the workspace folder. */
  absolute?: boolean;
  /** The absolute path `path` resolves to from the doc the link is in (DocIndex.linkPath's cache). */
  resolvedPath?: string;
}

/** Task list items (`- [ ]` / `- [x]`) in a doc. */
export interface TaskCounts { done: number; total: number }

export interface FrontMatterError { message: string; range: Range }

export interface ParsedDoc {
  uri: string;
  version: number;
  /** Front matter data (empty object when absent or invalid). */
  data: Record<string, unknown>;
  frontMatterError?: FrontMatterError;
  /** Range of the front matter `id:` value, when there is one. */
  idRange?: Range;
  /** Line range of the front matter block, when present. */
  frontMatterLines?: { start: number; end: number };
  headings: Heading[];
  links: Link[];
  tasks: TaskCounts;
  /** Text of the first section after the title, trimmed and bounded (for hover previews). */
  summary: string;
  /** The user story statement ("As a …, I want …, so that …"), when there is one. */
  statement?: string;
  lineCount: number;
}
