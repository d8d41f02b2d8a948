/** Levenshtein distance, bounded: returns max + 1 as soon as the distance must exceed `max`. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Up to `limit` candidates close to `word`, nearest first (ties by name). */
export function closest<T>(word: string, candidates: Iterable<T>, key: (c: T) => string, limit = 3): T[] {
  const w = word.toLowerCase();
  const max = Math.max(2, Math.floor(w.length * 0.3));
  const scored: [number, string, T][] = [];
  for (const c of candidates) {
    const k = key(c).toLowerCase();
    if (k === w) continue;
    const d = distance(w, k, max);
    if (d <= max) scored.push([d, k, c]);
  }
  scored.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  return scored.slice(0, limit).map((s) => s[2]);
}
