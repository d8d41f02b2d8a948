// File names from titles, template variables, dates.

export const SLUG_MAX = 60;

/** Lowercase ASCII words joined by dashes, at most SLUG_MAX characters; '' when nothing usable is left. */
export function slugFromTitle(title: string): string {
  const ascii = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > SLUG_MAX) {
    slug = slug.slice(0, SLUG_MAX);
    const cut = slug.lastIndexOf('-');
    if (cut > SLUG_MAX / 2) slug = slug.slice(0, cut);
    slug = slug.replace(/-+$/, '');
  }
  return slug;
}

/** "scheduled-reports" -> "Scheduled reports" */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/-prd$/, '').split(/[-_\s]+/).filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type TemplateVars = Partial<Record<'title' | 'id' | 'slug' | 'date' | 'start' | 'end' | 'milestone' | 'prd' | 'feature' | 'priority', string>>;

/** Replaces `{{name}}` for the given variables; unknown names are left as written. */
export function renderTemplate(text: string, vars: TemplateVars): string {
  return text.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (whole, name: string) => {
    const v = (vars as Record<string, string | undefined>)[name];
    return v === undefined ? whole : v;
  });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** undefined when `s` is a real calendar date written YYYY-MM-DD, else the problem. */
export function checkDate(s: string): string | undefined {
  const m = DATE.exec(s);
  if (!m) return 'Use the form YYYY-MM-DD, e.g. 2026-01-05.';
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return `${s} is not a date.`;
  return undefined;
}

export const PRIORITIES = ['High', 'Medium', 'Low'] as const;

export function normalizePriority(p: string | undefined): string | undefined {
  if (p === undefined || p === '') return 'Medium';
  return PRIORITIES.find((x) => x.toLowerCase() === p.trim().toLowerCase());
}
