// GitHub-style heading slugs, as used by `#fragment` links (and by VS Code's Markdown features).

/** Removes inline Markdown (emphasis, code ticks, links, images) from heading text. */
const NEEDS_STRIPPING = /[[\]<>*_`~!]/;

export function plainHeadingText(text: string): string {
  if (!NEEDS_STRIPPING.test(text)) return text.trim();
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_|`|~~)/g, '')
    .trim();
}

const SIMPLE_ASCII = /^[a-zA-Z0-9 _-]*$/;

export function slugify(text: string): string {
  const plain = plainHeadingText(text);
  if (SIMPLE_ASCII.test(plain)) return plain.trim().toLowerCase().replace(/ /g, '-');
  return plain
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** Gives repeated slugs GitHub's `-1`, `-2` suffixes. Call once per heading, in document order. */
export class SlugCounter {
  private readonly seen = new Map<string, number>();
  next(text: string): string {
    const base = slugify(text);
    const n = this.seen.get(base);
    if (n === undefined) {
      this.seen.set(base, 1);
      return base;
    }
    this.seen.set(base, n + 1);
    const candidate = `${base}-${n}`;
    this.seen.set(candidate, 1);
    return candidate;
  }
}
