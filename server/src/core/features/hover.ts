// Hover previews of linked docs: what a reader needs without leaving the current doc.
import type { DocEntry, DocIndex } from '../graph';
import { headingForFragment } from '../rules/links';
import { KIND_LABEL } from '../templates';
import type { Position, Range } from '../types';
import { linkAt } from './linkAt';

export interface HoverAnswer { markdown: string; range: Range }

export function hover(index: DocIndex, doc: DocEntry, pos: Position): HoverAnswer | undefined {
  const link = linkAt(doc.parsed, pos);
  if (!link) return undefined;
  const r = index.resolve(doc.path, link);
  if (r.type !== 'doc') return undefined;
  const parts = [preview(index, r.entry)];
  if (link.fragment) {
    const h = headingForFragment(r.entry, link.fragment);
    if (h >= 0) parts.push(`Section: **${esc(r.entry.parsed.headings[h].text)}**`);
  }
  return { markdown: parts.join('\n\n'), range: link.range };
}

export function titleOf(e: DocEntry): string {
  const t = e.parsed.data.title;
  if (typeof t === 'string' && t.trim() !== '') return t.trim();
  return e.parsed.headings.find((h) => h.level === 1)?.text ?? e.id;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function esc(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/** Docs that reference `target` (by link or by id), of a kind. */
export function referrers(index: DocIndex, target: DocEntry, kind: DocEntry['kind']): DocEntry[] {
  const out = new Set<DocEntry>();
  for (const { from } of index.linksTo(target)) if (from.kind === kind) out.add(from);
  return [...out];
}

function countBy(docs: DocEntry[], field: string): string {
  const counts = new Map<string, number>();
  for (const d of docs) {
    const s = str(d.parsed.data[field]) ?? 'no status';
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${n} ${k}`).join(', ');
}

function refTitle(index: DocIndex, e: DocEntry, field: string): string | undefined {
  const link = e.parsed.links.find((l) => l.source === 'frontmatter' && l.field === field);
  if (!link) return undefined;
  const r = index.resolve(e.path, link);
  return r.type === 'doc' ? titleOf(r.entry) : link.path;
}

function preview(index: DocIndex, e: DocEntry): string {
  const d = e.parsed.data;
  const head = `**${esc(titleOf(e))}** · ${KIND_LABEL[e.kind]}`;
  const facts: string[] = [];
  const lines = [head];
  if (e.kind === 'prd') {
    push(facts, 'Status', str(d.status));
    push(facts, 'Milestone', refTitle(index, e, 'milestone'));
    push(facts, 'Priority', str(d.priority));
    lines.push(facts.join(' · '));
    if (e.parsed.summary) lines.push(e.parsed.summary);
    const stories = referrers(index, e, 'story');
    lines.push(stories.length === 0 ? 'No user stories yet.' : `User stories: ${stories.length} (${countBy(stories, 'status')})`);
  } else if (e.kind === 'story') {
    push(facts, 'Status', str(d.status));
    push(facts, 'PRD', refTitle(index, e, 'prd'));
    lines.push(facts.join(' · '));
    if (e.parsed.statement) lines.push(`> ${e.parsed.statement}`);
    const tasks = e.parsed.tasks;
    if (tasks.total > 0) lines.push(`Acceptance criteria: ${tasks.done}/${tasks.total} done`);
  } else if (e.kind === 'milestone') {
    const start = str(d.start);
    const end = str(d.end);
    if (start || end) facts.push(`${start ?? '?'} → ${end ?? '?'}`);
    push(facts, 'Status', str(d.status));
    lines.push(facts.join(' · '));
    if (e.parsed.summary) lines.push(e.parsed.summary);
    const prds = new Set(referrers(index, e, 'prd'));
    for (const l of e.parsed.links) {
      const r = index.resolve(e.path, l);
      if (r.type === 'doc' && r.entry.kind === 'prd') prds.add(r.entry);
    }
    lines.push(`PRDs: ${prds.size}${prds.size ? ` (${countBy([...prds], 'status')})` : ''}`);
  } else if (e.parsed.summary) {
    lines.push(e.parsed.summary);
  }
  return lines.filter((l) => l !== '').join('\n\n');
}

function push(facts: string[], label: string, value: string | undefined): void {
  if (value) facts.push(`${label}: ${esc(value)}`);
}
