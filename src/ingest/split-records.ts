/**
 * Cutting a CSV file's bytes between two threads. A cut must fall between records, never inside
 * a quoted field that holds a line break, so the bytes before it are scanned with the rules of
 * `RecordCutter` (parse-csv.ts) and d3-dsv: a quote opens a field only at the field's start, `""`
 * inside quotes is a quote, and after a closing quote the next character is swallowed.
 *
 * Bytes, not text: only for UTF-8 (and ASCII), where the quote, the delimiters and the line
 * breaks are single bytes that never occur inside a multi-byte character. Native `indexOf` jumps
 * from quote to quote, so a file without quotes costs two searches.
 */
const QUOTE = 0x22, NL = 0x0a, CR = 0x0d;
const START = 0, UNQUOTED = 1, QUOTED = 2, QUOTE_IN_QUOTED = 3;

/**
 * The offset just after the first record-ending `\n` at or after `target`, scanning from `from`
 * (a record start: 0, or just after a byte-order mark); -1 when there is none (no `\n` after the
 * target, or a quote that never closes).
 */
export function recordBoundaryAfter(bytes: Uint8Array, target: number, delimiter: string, from = 0): number {
  const d = delimiter.charCodeAt(0);
  const n = bytes.length;
  let state = START;
  let i = from;
  while (i < n) {
    if (state === QUOTED) {
      const q = bytes.indexOf(QUOTE, i);
      if (q < 0) return -1;
      state = QUOTE_IN_QUOTED;
      i = q + 1;
      continue;
    }
    if (state === QUOTE_IN_QUOTED) {
      const c = bytes[i]!;
      if (c === QUOTE) state = QUOTED;
      else {
        if (c === NL && i >= target) return i + 1;
        state = START;
      }
      i++;
      continue;
    }
    // START or UNQUOTED: up to the next quote, every `\n` ends a record
    const q = bytes.indexOf(QUOTE, i);
    const segmentEnd = q < 0 ? n : q;
    if (segmentEnd > target) {
      const nl = bytes.indexOf(NL, Math.max(i, target));
      if (nl >= 0 && nl < segmentEnd) return nl + 1;
    }
    if (q < 0) return -1;
    // the state just before the quote: carried over when nothing lies between, else set by the
    // byte before it (a field starts after a delimiter or a line break)
    let before = state;
    if (q > i) {
      const c = bytes[q - 1]!;
      before = c === NL || c === CR || c === d ? START : UNQUOTED;
    }
    state = before === START ? QUOTED : UNQUOTED;
    i = q + 1;
  }
  return -1;
}

/** Physical line breaks in bytes [from, to): `\n`, `\r\n` and a lone `\r` each count once (as the parser counts lines). */
export function countLineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let lines = 0;
  let i = bytes.indexOf(NL, from);
  while (i >= 0 && i < to) { lines++; i = bytes.indexOf(NL, i + 1); }
  i = bytes.indexOf(CR, from);
  while (i >= 0 && i < to) {
    if (bytes[i + 1] !== NL) lines++;
    i = bytes.indexOf(CR, i + 1);
  }
  return lines;
}
