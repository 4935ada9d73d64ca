import { dsvFormat } from 'd3-dsv';

/**
 * Stream the records of a delimited text through `onRecord` without keeping them (d3-dsv's
 * `parseRows` with a row function that returns null). The first non-blank record is the header.
 * Each data record comes with the 1-based physical line where it starts, counted across quoted
 * fields with embedded line breaks. Blank lines (and rows whose cells are all empty) are skipped
 * and counted in `blank`: they are not records, so they are not in the ledger's `read`.
 */
export interface CsvResult {
  header: string[] | null;
  headerLine: number;
  records: number;
  blank: number;
  /** a quoted field opened on `line` ran to the end of the file (`lines` physical lines swallowed) */
  unterminated: { line: number; lines: number } | null;
}

export type RecordFn = (cells: string[], line: number, span: number) => void;

/** Line breaks inside a field: \n, \r\n and a lone \r each count once. */
export function countBreaks(s: string): number {
  let n = 0;
  let i = s.indexOf('\n');
  while (i >= 0) { n++; i = s.indexOf('\n', i + 1); }
  i = s.indexOf('\r');
  while (i >= 0) {
    if (s.charCodeAt(i + 1) !== 10) n++;
    i = s.indexOf('\r', i + 1);
  }
  return n;
}

function isBlank(row: string[]): boolean {
  for (let i = 0; i < row.length; i++) if (row[i] !== '') return false;
  return true;
}

export function parseCsv(
  text: string,
  delimiter: string,
  onRecord: RecordFn,
  onHeader: (header: string[], line: number) => void = () => {},
): CsvResult {
  return parseCsvChunks([text], delimiter, onRecord, onHeader);
}

const QUOTE = 34, NL = 10, CR = 13;
const START = 0, UNQUOTED = 1, QUOTED = 2, QUOTE_IN_QUOTED = 3;

/**
 * Finds where complete records end in a growing buffer, following d3-dsv's rules (a quote opens
 * a field only at its start; `""` inside quotes is a quote), resuming where the last scan stopped.
 */
class RecordCutter {
  private pos = 0;
  private state = START;
  private readonly delim: number;
  /** a line break inside a quoted field lies in the text before `pos` (after the last cut) */
  private carried = false;
  /** the last piece cut off may hold line breaks inside quoted fields */
  pieceHasBreaks = false;
  constructor(delimiter: string) { this.delim = delimiter.charCodeAt(0); }

  /** the text after the last cut may hold line breaks inside quoted fields */
  get restHasBreaks(): boolean { return this.carried; }

  /** index just after the last line break outside quotes in `s`, or 0 */
  cut(s: string): number {
    let state = this.state;
    let last = -1;
    let firstQB = -1;
    let lastQB = -1;
    const n = s.length;
    const d = this.delim;
    let i = this.pos;
    if ((state === START || state === UNQUOTED) && s.indexOf('"', i) < 0) {
      // no quotes ahead: the last line break is the cut (state after it: depends on the tail)
      last = s.lastIndexOf('\n');
      if (last < i) last = -1;
      if (n > i) {
        const c = s.charCodeAt(n - 1);
        state = c === NL || c === CR || c === d ? START : UNQUOTED;
      }
      i = n;
    }
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      switch (state) {
        case QUOTED:
          if (c === QUOTE) state = QUOTE_IN_QUOTED;
          else if (c === NL || c === CR) { if (firstQB < 0) firstQB = i; lastQB = i; }
          break;
        case QUOTE_IN_QUOTED:
          if (c === QUOTE) state = QUOTED;
          else { if (c === NL) last = i; state = START; }
          break;
        default:
          if (c === NL) { last = i; state = START; }
          else if (c === QUOTE && state === START) state = QUOTED;
          else if (c === d || c === CR) state = START;
          else state = UNQUOTED;
      }
    }
    this.state = state;
    if (last < 0) {
      this.pos = n;
      this.carried = this.carried || firstQB >= 0;
      return 0;
    }
    const cut = last + 1;
    // breaks inside quotes before the cut belong to the piece; any after it to the remainder
    // (a partial record, so they come before any later cut)
    this.pieceHasBreaks = this.carried || (firstQB >= 0 && firstQB < cut);
    this.carried = lastQB >= cut;
    // the state at the end of `s` carries over to the remainder after the cut
    this.pos = n - cut;
    return cut;
  }
}

/**
 * The same as `parseCsv` over text that arrives in pieces: records are parsed as soon as they are
 * complete, so memory holds one piece (plus a partial record), not the whole file.
 */
export function parseCsvChunks(
  chunks: Iterable<string>,
  delimiter: string,
  onRecord: RecordFn,
  onHeader: (header: string[], line: number) => void = () => {},
): CsvResult {
  let header: string[] | null = null;
  let headerLine = 0;
  let line = 1;
  let records = 0;
  let blank = 0;
  let lastLine = 0;
  let lastSpan = 1;
  let lastFieldBreaks = 0;
  let tailEndsWithQuote = false;
  let tailHadNewline = false;
  const fmt = dsvFormat(delimiter);

  // `mayBreak`: the text may hold line breaks inside quoted fields (else each record is one line)
  const parseText = (text: string, mayBreak: boolean) => {
    const hasQuote = mayBreak;
    fmt.parseRows(text, (row: string[]) => {
      const start = line;
      let span = 1;
      lastFieldBreaks = 0;
      if (hasQuote) {
        for (let i = 0; i < row.length; i++) {
          const b = countBreaks(row[i]!);
          if (b) { span += b; if (i === row.length - 1) lastFieldBreaks = b; }
        }
      }
      line += span;
      lastLine = start;
      lastSpan = span;
      if ((row[0] === '' || row[0] === undefined) && isBlank(row)) { blank++; return null; }
      if (header === null) { header = row; headerLine = start; onHeader(row, start); return null; }
      records++;
      onRecord(row, start, span);
      return null;
    });
    let end = text.length;
    while (end > 0 && (text.charCodeAt(end - 1) === NL || text.charCodeAt(end - 1) === CR)) end--;
    tailEndsWithQuote = text.charCodeAt(end - 1) === QUOTE;
    tailHadNewline = end < text.length;
  };

  const cutter = new RecordCutter(delimiter);
  let carry = '';
  for (const piece of chunks) {
    carry = carry.length ? carry + piece : piece;
    const cut = cutter.cut(carry);
    if (cut === 0) continue;
    parseText(cut === carry.length ? carry : carry.slice(0, cut), cutter.pieceHasBreaks);
    carry = cut === carry.length ? '' : carry.slice(cut);
  }
  if (carry.length) parseText(carry, cutter.restHasBreaks);

  // d3-dsv reads an unclosed quote to the end of the file. A well-formed quoted last field ends
  // with `"`; a last field holding line breaks that does not is an unclosed quote (which also
  // took the final line break: do not count a line after it).
  const unterminated = lastFieldBreaks > 0 && !tailEndsWithQuote
    ? { line: lastLine, lines: tailHadNewline ? lastSpan - 1 : lastSpan }
    : null;
  return { header, headerLine, records, blank, unterminated };
}
