/**
 * Competition ranking (1, 2, 2, 4) by score, highest first, within one role and period.
 * Scores are compared rounded to 1e-9 (sums of the same figures in a different order can differ
 * in the last bit, and such people should tie). Ties are listed by id; null scores get no rank
 * and come last. Returns the entries in display order.
 */
export function rankScores<T extends { id: string; score: number | null }>(items: readonly T[]): (T & { rank: number | null })[] {
  const byId = (a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const k = (x: T) => Math.round((x.score as number) * 1e9);
  const scored = items.filter((x) => x.score != null).sort((a, b) => k(b) - k(a) || byId(a, b));
  const out: (T & { rank: number | null })[] = [];
  scored.forEach((x, i) => {
    const prev = scored[i - 1];
    out.push({ ...x, rank: prev != null && k(prev) === k(x) ? (out[i - 1].rank as number) : i + 1 });
  });
  for (const x of items.filter((y) => y.score == null).sort(byId)) out.push({ ...x, rank: null });
  return out;
}
