// Deterministic benchmark corpus in the planning guide's layout, written once per (size, seed) under
// os.tmpdir()/plandocs-bench-<size>-<seed>/ and reused while GEN_VERSION is unchanged:
//   README.md                                   (outside the docs root; milestones link to it)
//   docs/templates/milestone-overview.md, docs/prd/template.md, docs/user-stories/template.md
//   docs/milestones/<m>.md                      Features table linking each PRD
//   docs/prd/<f>/<f>-prd.md                     `milestone:`; "User Stories" lists the stories
//   docs/user-stories/<f>/story-N.md            `prd:`; Notes link the PRD's #requirements
// `size` counts the planning docs (templates excluded). About 3% of links and references are
// broken on purpose and about 5% of docs miss one required section; the counts are kept.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TEMPLATES } from '../server/src/core/defaultTemplates';
import { PERSONAS, Rng, bullets, date, int, mulberry32, paragraph, pick, sentence, slugWords, table, title } from './text';

export const GEN_VERSION = 3;
const BROKEN = 0.03;
const MISSING_SECTION = 0.05;

export interface Planted {
  links: number;
  brokenFileLinks: number;
  brokenHeadingLinks: number;
  refs: number;
  brokenRefs: number;
  missingSections: number;
}

export interface Corpus {
  size: number;
  seed: number;
  root: string;
  docsRoot: string;
  files: number;
  bytes: number;
  milestones: number;
  prds: number;
  stories: number;
  planted: Planted;
  generatedMs: number;
  reused?: boolean;
}

interface Feature { slug: string; title: string; stories: number }
interface Milestone { slug: string; title: string; features: Feature[] }
type Section = [name: string, body: () => string];

export function corpusDir(size: number, seed: number): string {
  return join(tmpdir(), `plandocs-bench-${size}-${seed}`);
}

/** Returns the corpus for (size, seed), generating it only when it is missing or stale. */
export function ensureCorpus(size: number, seed: number): Corpus {
  const root = corpusDir(size, seed);
  const marker = join(root, 'corpus.json');
  if (existsSync(marker)) {
    const c = JSON.parse(readFileSync(marker, 'utf8')) as Corpus & { version: number };
    if (c.version === GEN_VERSION) return { ...c, root, docsRoot: join(root, 'docs'), reused: true };
  }
  rmSync(root, { recursive: true, force: true });
  const c = generate(size, seed, root);
  writeFileSync(marker, JSON.stringify({ version: GEN_VERSION, ...c }, null, 2));
  return c;
}

function plan(rng: Rng, size: number): Milestone[] {
  const out: Milestone[] = [];
  let left = size;
  let f = 0;
  while (left > 0) {
    const m: Milestone = { slug: `${slugWords(rng)}-m${out.length + 1}`, title: title(rng), features: [] };
    out.push(m);
    left--;
    for (let k = int(rng, 6, 12); k > 0 && left > 0; k--) {
      left--;
      const stories = Math.min(int(rng, 3, 8), left);
      left -= stories;
      m.features.push({ slug: `${slugWords(rng)}-${++f}`, title: title(rng), stories });
    }
  }
  return out;
}

export function generate(size: number, seed: number, root: string): Corpus {
  const t0 = performance.now();
  const rng = mulberry32(seed);
  const planted: Planted = { links: 0, brokenFileLinks: 0, brokenHeadingLinks: 0, refs: 0, brokenRefs: 0, missingSections: 0 };
  const c: Corpus = { size, seed, root, docsRoot: join(root, 'docs'), files: 0, bytes: 0, milestones: 0, prds: 0, stories: 0, planted, generatedMs: 0 };
  const write = (rel: string, text: string) => {
    writeFileSync(join(root, rel), text);
    c.files++;
    c.bytes += Buffer.byteLength(text);
  };

  const link = (text: string, path: string, fragment?: string): string => {
    planted.links++;
    let p = path;
    let f = fragment;
    if (rng() < BROKEN) {
      if (f && rng() < 0.5) { f += '-old'; planted.brokenHeadingLinks++; } else { p = p.replace(/\.md$/, '-old.md'); planted.brokenFileLinks++; }
    }
    return `[${text}](${p}${f ? '#' + f : ''})`;
  };
  const ref = (value: string): string => {
    planted.refs++;
    if (rng() >= BROKEN) return value;
    planted.brokenRefs++;
    return value.endsWith('.md') ? value.replace(/\.md$/, '-old.md') : `${value}-old`;
  };
  /** Builds a doc from its sections: maybe drops one required section, pads to 2-4 KB. */
  const doc = (front: () => string, heading: string, sections: Section[], optional: string[], keep: string[]): string => {
    const target = int(rng, 2048, 4096);
    let drop = '';
    if (rng() < MISSING_SECTION) {
      const droppable = sections.map((s) => s[0]).filter((n) => !optional.includes(n) && !keep.includes(n));
      drop = pick(rng, droppable);
      planted.missingSections++;
    }
    const kept = sections.filter(([n]) => n !== drop && !(optional.includes(n) && rng() < 0.2));
    let text = `${front()}\n# ${heading}\n`;
    for (const [n, body] of kept) text += `\n## ${n}\n\n${body()}\n`;
    while (text.length < target) text += `\n${rng() < 0.8 ? paragraph(rng) : bullets(rng)}\n`;
    return text;
  };

  mkdirSync(join(root, 'docs/templates'), { recursive: true });
  mkdirSync(join(root, 'docs/milestones'), { recursive: true });
  write('README.md', `# Benchmark workspace\n\n${paragraph(rng)}\n`);
  write('docs/templates/milestone-overview.md', DEFAULT_TEMPLATES.milestone);
  mkdirSync(join(root, 'docs/prd'), { recursive: true });
  write('docs/prd/template.md', DEFAULT_TEMPLATES.prd);
  mkdirSync(join(root, 'docs/user-stories'), { recursive: true });
  write('docs/user-stories/template.md', DEFAULT_TEMPLATES.story);

  for (const m of plan(rng, size)) {
    c.milestones++;
    const features = m.features;
    write(`docs/milestones/${m.slug}.md`, doc(
      () => `---\nid: ${m.slug}\ntitle: ${m.title}\nstatus: ${pick(rng, ['planned', 'in-progress'])}\nstart: ${date(rng)}\nend: ${date(rng, 2027)}\n---\n`,
      m.title,
      [
        ['Theme', () => paragraph(rng)],
        ['Timeline', () => `- **Start:** ${date(rng)}\n- **End:** ${date(rng, 2027)}\n\n${table(rng, ['Checkpoint', 'Date'], 3)}`],
        ['Goals', () => bullets(rng, 3, 5, '1.')],
        ['Success Criteria', () => bullets(rng)],
        ['Features', () => '| Feature | PRD | Priority |\n| --- | --- | --- |\n' + features
          .map((f) => `| ${f.title} | ${link(f.title, `../prd/${f.slug}/${f.slug}-prd.md`)} | ${pick(rng, ['High', 'Medium', 'Low'])} |`).join('\n')],
        ['Dependencies', () => bullets(rng, 2, 4)],
        ['Risks', () => bullets(rng, 2, 3)],
        ['Notes', () => `${paragraph(rng)} The ${link('workspace overview', '../../README.md')} explains the process.`],
      ],
      ['Risks', 'Notes'], [],
    ));
    for (const f of features) {
      c.prds++;
      mkdirSync(join(root, `docs/prd/${f.slug}`), { recursive: true });
      mkdirSync(join(root, `docs/user-stories/${f.slug}`), { recursive: true });
      const prdId = `${f.slug}-prd`;
      const storyTitles = Array.from({ length: f.stories }, () => title(rng));
      write(`docs/prd/${f.slug}/${prdId}.md`, doc(
        () => `---\nid: ${prdId}\ntitle: ${f.title}\nstatus: ${pick(rng, ['draft', 'in-review', 'approved'])}\nmilestone: ${ref(m.slug)}\npriority: ${pick(rng, ['High', 'Medium', 'Low'])}\n---\n`,
        f.title,
        [
          ['Overview', () => `${paragraph(rng)} It is part of the ${link(m.title, `../../milestones/${m.slug}.md`)} milestone.`],
          ['Problem Statement', () => `${paragraph(rng)}\n\n${paragraph(rng)}`],
          ['Goals', () => bullets(rng)],
          ['Requirements', () => `### Core\n\n${bullets(rng, 3, 4)}\n\n### Quality\n\n${bullets(rng, 2, 3)}`],
          ['Success Metrics', () => table(rng, ['Metric', 'Baseline', 'Target'], int(rng, 2, 4))],
          ['User Stories', () => storyTitles.map((t, k) => `- ${link(t, `../../user-stories/${f.slug}/story-${k + 1}.md`)}`).join('\n')],
          ['Out of Scope', () => bullets(rng, 2, 3)],
          ['Open Questions', () => `${bullets(rng, 1, 3)}\n- See [the goals](#goals) before adding requirements.`],
        ],
        ['Out of Scope', 'Open Questions'], ['Goals', 'Requirements'],
      ));
      for (let k = 1; k <= f.stories; k++) {
        c.stories++;
        const prdPath = `../../prd/${f.slug}/${prdId}.md`;
        write(`docs/user-stories/${f.slug}/story-${k}.md`, doc(
          () => `---\nid: ${f.slug}-story-${k}\ntitle: ${storyTitles[k - 1]}\nstatus: ${pick(rng, ['todo', 'in-progress', 'done'])}\nprd: ${ref(rng() < 0.1 ? prdPath : prdId)}\n---\n`,
          storyTitles[k - 1],
          [
            ['Story', () => `As a ${pick(rng, PERSONAS)}, I want ${sentence(rng, 5, 9).toLowerCase().slice(0, -1)}, so that ${sentence(rng, 5, 9).toLowerCase()}\n\n${paragraph(rng)}`],
            ['Acceptance Criteria', () => Array.from({ length: int(rng, 3, 6) }, () => `- [${rng() < 0.3 ? 'x' : ' '}] Given ${sentence(rng, 6, 12).toLowerCase()}`).join('\n')],
            ['Notes', () => `See the ${link('PRD', prdPath, 'requirements')} for the rules.${k > 1 ? ` Follows ${link(`story ${k - 1}`, `story-${k - 1}.md`)}.` : ''}\n\n${table(rng, ['Case', 'Expected'], 3)}`],
          ],
          ['Notes'], [],
        ));
      }
    }
  }
  c.generatedMs = performance.now() - t0;
  return c;
}
