// Seeded filler for the benchmark corpus: a PRNG (mulberry32) and sentence, list and table makers.
// Everything here is a pure function of the seed, so the same seed gives byte-identical docs.

export type Rng = () => number;

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

const WORDS = (
  'account activity alert analyst audit backlog baseline billing budget calendar campaign customer dashboard data deal ' +
  'deadline delivery design device email export feedback filter forecast funnel goal history import inbox insight ' +
  'invoice lead ledger list metric milestone mobile note onboarding owner partner payment permission pipeline plan ' +
  'policy portal priority profile quota record region release report request review risk role rule sales schedule ' +
  'search segment session signal status summary support survey tag team template ticket timeline trend usage user ' +
  'vendor view workflow workspace'
).split(' ');
const VERBS = 'adds shows keeps tracks sorts filters groups exports imports checks flags links saves shares updates lists'.split(' ');
const ADJ = 'quick shared smart bulk daily weekly secure simple guided live custom unified'.split(' ');
export const PERSONAS = ['sales rep', 'account manager', 'support agent', 'team lead', 'finance analyst', 'admin'];

export function sentence(rng: Rng, min = 8, max = 16): string {
  const n = int(rng, min, max);
  const w: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng();
    w.push(r < 0.12 ? pick(rng, VERBS) : r < 0.22 ? pick(rng, ADJ) : r < 0.3 ? 'the' : pick(rng, WORDS));
  }
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

export function paragraph(rng: Rng, min = 2, max = 4): string {
  const n = int(rng, min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(rng));
  return out.join(' ');
}

export function bullets(rng: Rng, min = 3, max = 5, marker = '-'): string {
  const n = int(rng, min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`${marker === '1.' ? `${i + 1}.` : marker} ${sentence(rng, 6, 12)}`);
  return out.join('\n');
}

export function table(rng: Rng, header: string[], rows: number): string {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (let r = 0; r < rows; r++) {
    lines.push(`| ${header.map(() => sentence(rng, 2, 4).slice(0, -1)).join(' | ')} |`);
  }
  return lines.join('\n');
}

export function title(rng: Rng): string {
  const s = `${pick(rng, ADJ)} ${pick(rng, WORDS)} ${pick(rng, WORDS)}`;
  return s[0].toUpperCase() + s.slice(1);
}

export function slugWords(rng: Rng): string {
  return `${pick(rng, ADJ)}-${pick(rng, WORDS)}`;
}

export function date(rng: Rng, year = 2026): string {
  const m = int(rng, 1, 12);
  const d = int(rng, 1, 28);
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
