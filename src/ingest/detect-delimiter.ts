/**
 * Guess the delimiter from the first lines: the candidate (comma, tab, semicolon, pipe) that
 * appears outside quotes the same non-zero number of times on most lines wins; ties go to the
 * higher count, then to the order of `candidates`.
 */
export const candidates = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof candidates)[number];

export function detectDelimiter(text: string, maxLines = 20): Delimiter {
  const counts: number[][] = candidates.map(() => []);
  let inQuote = false;
  let line = candidates.map(() => 0);
  let lines = 0;
  const end = Math.min(text.length, 1 << 16);
  for (let i = 0; i < end && lines < maxLines; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) { inQuote = !inQuote; continue; }
    if (inQuote) continue;
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      line.forEach((n, k) => counts[k]!.push(n));
      line = candidates.map(() => 0);
      lines++;
      continue;
    }
    const k = c === 44 ? 0 : c === 9 ? 1 : c === 59 ? 2 : c === 124 ? 3 : -1;
    if (k >= 0) line[k]!++;
  }
  if (lines < maxLines && line.some((n) => n > 0)) line.forEach((n, k) => counts[k]!.push(n));

  let best: Delimiter = ',';
  let bestScore = -1;
  candidates.forEach((d, k) => {
    const cs = counts[k]!;
    const header = cs[0] ?? 0;
    if (header === 0) return;
    // consistency: share of lines with the header's count
    const same = cs.filter((n) => n === header).length / cs.length;
    const score = same * 1000 + header;
    if (score > bestScore) { bestScore = score; best = d; }
  });
  return best;
}
