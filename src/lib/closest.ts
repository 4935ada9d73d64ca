/** Levenshtein edit distance (insert, delete, substitute = 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `word` (case-insensitive), or null when nothing is close enough:
 * at most `max(2, ⌈len/3⌉)` edits, or one string contains the other.
 */
export function closest(word: string, candidatesList: readonly string[]): string | null {
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidatesList) {
    const cl = c.toLowerCase();
    let d = editDistance(w, cl);
    if (d > 0 && (cl.includes(w) || w.includes(cl)) && Math.min(w.length, cl.length) >= 2) d = Math.min(d, 1.5);
    if (d < bestD) { bestD = d; best = c; }
  }
  const limit = Math.max(2, Math.ceil(w.length / 3));
  return bestD <= limit ? best : null;
}
