// Structural edits for the incremental benchmark: each turns a doc's text into a slightly different
// one that changes what the engine sees (links, headings, front matter references). Seeded.
import { posix } from 'node:path';
import type { DocEntry } from '../server/src/core/graph';
import { Rng, int, pick } from './text';

export type EditKind = 'add-link' | 'remove-link' | 'add-heading' | 'remove-heading' | 'ref-value' | 'id';

export interface Edit { kind: EditKind; text: string }

function lines(text: string): string[] {
  return text.split('\n');
}

/** Index of the line closing the front matter (0 when there is none). */
function bodyStart(ls: string[]): number {
  if (ls[0] !== '---') return 0;
  const i = ls.indexOf('---', 1);
  return i < 0 ? 0 : i + 1;
}

function addLink(rng: Rng, doc: DocEntry, ls: string[], others: DocEntry[]): string[] {
  const other = pick(rng, others);
  let rel = posix.relative(posix.dirname(doc.path), other.path);
  if (rng() < 0.25) rel = rel.replace(/\.md$/, '-gone.md');
  const at = int(rng, bodyStart(ls) + 1, ls.length - 1);
  return [...ls.slice(0, at), `See also [${other.id}](${rel}).`, ...ls.slice(at)];
}

function removeLink(rng: Rng, ls: string[]): string[] | undefined {
  const from = bodyStart(ls);
  const candidates = ls.map((l, i) => (i >= from && /\]\([^)]+\)/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return undefined;
  const i = pick(rng, candidates);
  return [...ls.slice(0, i), ls[i].replace(/\[([^\]]*)\]\([^)]+\)/, '$1'), ...ls.slice(i + 1)];
}

function addHeading(rng: Rng, ls: string[]): string[] {
  const heads = ls.map((l, i) => (l.startsWith('## ') ? i : -1)).filter((i) => i >= 0);
  const at = heads.length ? pick(rng, heads) : ls.length;
  return [...ls.slice(0, at), `## Extra notes ${int(rng, 1, 999)}`, '', 'Added during the benchmark.', '', ...ls.slice(at)];
}

function removeHeading(rng: Rng, ls: string[]): string[] | undefined {
  const heads = ls.map((l, i) => (/^#{2,3} /.test(l) ? i : -1)).filter((i) => i >= 0);
  if (heads.length === 0) return undefined;
  const i = pick(rng, heads);
  return [...ls.slice(0, i), ...ls.slice(i + 1)];
}

function setField(ls: string[], field: string, value: string): string[] | undefined {
  const end = bodyStart(ls);
  const i = ls.findIndex((l, k) => k < end && l.startsWith(`${field}:`));
  if (i < 0) return undefined;
  return [...ls.slice(0, i), `${field}: ${value}`, ...ls.slice(i + 1)];
}

/**
 * A random structural edit of `doc` (whose current text is `text`). Stories may get another (or an
 * unknown) `prd:`, PRDs another `milestone:` or a new `id:`; any doc may gain or lose a link or a
 * heading. Returns undefined when the chosen edit does not apply to this doc.
 */
export function randomEdit(rng: Rng, doc: DocEntry, text: string, prds: DocEntry[], milestones: DocEntry[], all: DocEntry[]): Edit | undefined {
  const ls = lines(text);
  const kinds: EditKind[] = ['add-link', 'remove-link', 'add-heading', 'remove-heading'];
  if (doc.kind === 'story' || doc.kind === 'prd') kinds.push('ref-value');
  if (doc.kind === 'prd') kinds.push('id');
  const kind = pick(rng, kinds);
  let out: string[] | undefined;
  switch (kind) {
    case 'add-link': out = addLink(rng, doc, ls, all); break;
    case 'remove-link': out = removeLink(rng, ls); break;
    case 'add-heading': out = addHeading(rng, ls); break;
    case 'remove-heading': out = removeHeading(rng, ls); break;
    case 'ref-value': {
      const target = doc.kind === 'story' ? pick(rng, prds) : pick(rng, milestones);
      const value = rng() < 0.2 ? `${target.id}-unknown` : target.id;
      out = setField(ls, doc.kind === 'story' ? 'prd' : 'milestone', value);
      break;
    }
    case 'id': out = setField(ls, 'id', `${doc.id}-renamed`); break;
  }
  return out && { kind, text: out.join('\n') };
}

/** The user story template with one more required section: every story gets re-checked. */
export function templateEdit(text: string): string {
  return text.replace('## Notes', '## Risks\n\n_List the risks._\n\n## Notes');
}
