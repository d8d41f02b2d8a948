// Safe front matter parsing. YAML (core schema: no dates, no custom tags) through gray-matter with
// an explicit options object (gray-matter caches every parse forever without one) and with every
// code-evaluating engine replaced by one that refuses. gray-matter looks engines up as
// `engines[name] || engines[alias(name)]`, so `---JS` reaches `javascript`: both names are covered.
import matter from 'gray-matter';
import * as yaml from 'js-yaml';

export interface FrontMatterResult {
  data: Record<string, unknown>;
  /** Error message and the 0-based line within the whole doc. */
  error?: { message: string; line: number };
}

class RefusedLanguage extends Error {}

function refuse(): never {
  throw new RefusedLanguage('refused');
}

const REFUSE = { parse: refuse, stringify: refuse };

function parseYaml(source: string): object {
  const value = yaml.load(source, { schema: yaml.CORE_SCHEMA, json: false });
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new NotAMapping('not a mapping');
  }
  return value;
}

class NotAMapping extends Error {}

const YAML_ENGINE = { parse: parseYaml, stringify: refuse };

/** Options for every gray-matter call. Exported so a test can prove no engine evaluates code. */
export const GRAY_MATTER_OPTIONS = Object.freeze({
  language: 'yaml',
  excerpt: false,
  engines: {
    yaml: YAML_ENGINE,
    yml: YAML_ENGINE,
    js: REFUSE,
    javascript: REFUSE,
    coffee: REFUSE,
    coffeescript: REFUSE,
    cson: REFUSE,
    json: REFUSE,
    toml: REFUSE,
  },
});

const SUPPORTED = new Set(['', 'yaml', 'yml']);
export const MAX_FRONT_MATTER = 64 * 1024;
export const MAX_ALIASES = 64;
const ALIAS = /(?:^|[\s[{,:-])\*[^\s,\]}]+/g;

/**
 * Parses a front matter block. `block` is the doc's text from the opening `---` line through the
 * closing delimiter line; `language` is whatever followed the opening `---`.
 */
export function parseFrontMatter(block: string, language: string): FrontMatterResult {
  const lang = language.trim();
  if (!SUPPORTED.has(lang.toLowerCase())) {
    return {
      data: {},
      error: { message: `Front matter in "${lang}" is not read (only YAML is supported; it is never run).`, line: 0 },
    };
  }
  if (block.length > MAX_FRONT_MATTER) {
    return { data: {}, error: { message: `Front matter is too large (over ${MAX_FRONT_MATTER / 1024} KB); it is not read.`, line: 0 } };
  }
  if (block.includes('*') && (block.match(ALIAS)?.length ?? 0) > MAX_ALIASES) {
    return { data: {}, error: { message: `Front matter uses more than ${MAX_ALIASES} YAML aliases; it is not read.`, line: 0 } };
  }
  try {
    const file = matter(block, GRAY_MATTER_OPTIONS as unknown as Parameters<typeof matter>[1]);
    return { data: { ...(file.data as Record<string, unknown>) } };
  } catch (e) {
    return { data: {}, error: describe(e) };
  }
}

function describe(e: unknown): { message: string; line: number } {
  if (e instanceof RefusedLanguage) {
    return { message: 'Front matter in a programming language is not read (only YAML is supported; it is never run).', line: 0 };
  }
  if (e instanceof NotAMapping) {
    return { message: 'Front matter must be YAML `key: value` lines.', line: 1 };
  }
  if (e instanceof yaml.YAMLException) {
    // gray-matter hands js-yaml the text after `---` starting with that line's newline, so js-yaml's
    // line numbers are already the doc's.
    const line = Math.max(1, e.mark?.line ?? 1);
    return { message: `Invalid YAML in front matter: ${e.reason || e.message}.`, line };
  }
  return { message: `Front matter could not be read: ${e instanceof Error ? e.message : String(e)}.`, line: 0 };
}
