// Diagnostic codes, severities and settings with defaults that just work.

export const CODES = [
  'section.missing',
  'link.broken',
  'link.broken-heading',
  'ref.unknown',
  'frontmatter.invalid',
  'story.no-prd',
  'id.duplicate',
  'link.outside-workspace',
] as const;
export type Code = (typeof CODES)[number];

export type Severity = 'off' | 'hint' | 'info' | 'warning' | 'error';
export const SEVERITIES: readonly Severity[] = ['off', 'hint', 'info', 'warning', 'error'];

export const DEFAULT_SEVERITY: Readonly<Record<Code, Severity>> = Object.freeze({
  'section.missing': 'warning',
  'link.broken': 'error',
  'link.broken-heading': 'warning',
  'ref.unknown': 'error',
  'frontmatter.invalid': 'error',
  'story.no-prd': 'warning',
  'id.duplicate': 'warning',
  'link.outside-workspace': 'warning',
});

export interface Settings {
  /** Docs folder relative to the workspace folder. */
  docsRoot: string;
  severity: Record<Code, Severity>;
}

export function defaultSettings(): Settings {
  return { docsRoot: 'docs', severity: { ...DEFAULT_SEVERITY } };
}

/** Builds settings from a raw configuration object (e.g. VS Code's `plandocs` section); bad values fall back. */
export function resolveSettings(raw: unknown): Settings {
  const s = defaultSettings();
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.docsRoot === 'string' && r.docsRoot.trim() !== '') {
    s.docsRoot = r.docsRoot.trim().replace(/^\.\/+/, '').replace(/\/+$/, '') || '.';
  }
  const diag = r.diagnostics;
  for (const code of CODES) {
    const v = diag && typeof diag === 'object' ? readDotted(diag as Record<string, unknown>, code) : undefined;
    if (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v)) s.severity[code] = v as Severity;
  }
  return s;
}

/** VS Code hands `plandocs.diagnostics.link.broken` over as nested objects: `{ link: { broken } }`. */
function readDotted(obj: Record<string, unknown>, dotted: string): unknown {
  if (dotted in obj) return obj[dotted];
  let cur: unknown = obj;
  for (const part of dotted.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
