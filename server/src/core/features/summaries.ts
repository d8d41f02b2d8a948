import type { DocIndex } from '../graph';
import { titleOf } from './hover';

export interface DocSummaryData {
  uri: string;
  id: string;
  kind: 'milestone' | 'prd' | 'story';
  title: string;
  status?: string;
  start?: string;
  end?: string;
  milestone?: string;
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

/** The docs of a kind, sorted by title, for pickers. */
export function summaries(index: DocIndex, kind: 'milestone' | 'prd' | 'story'): DocSummaryData[] {
  const out: DocSummaryData[] = [];
  for (const e of index.docs.values()) {
    if (e.kind !== kind || e.template) continue;
    const d = e.parsed.data;
    const s: DocSummaryData = { uri: e.uri, id: e.id, kind, title: titleOf(e) };
    const status = str(d.status);
    if (status) s.status = status;
    if (kind === 'milestone') {
      const start = str(d.start);
      const end = str(d.end);
      if (start) s.start = start;
      if (end) s.end = end;
    }
    const link = e.parsed.links.find((l) => l.source === 'frontmatter' && l.field === 'milestone');
    if (kind === 'prd' && link) {
      const r = index.resolve(e.path, link);
      s.milestone = r.type === 'doc' ? titleOf(r.entry) : link.path;
    }
    out.push(s);
  }
  return out.sort((a, b) => a.title.localeCompare(b.title));
}
