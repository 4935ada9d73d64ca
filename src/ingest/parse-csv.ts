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

/**
 * `raw`, for a record that spans several physical lines (span > 1) only: those lines as they are
 * in the file, without their line breaks (stray-quotes.ts judges them).
 */
export type RecordFn = (cells: string[], line: number, span: number, raw?: () => string[]) => void;

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
  const csv = new CsvStream(delimiter, onRecord, onHeader);
  for (const piece of chunks) csv.push(piece);
  return csv.end();
}

/**
 * A CSV parse fed piece by piece (`push`), finished by `end`. It can start in the middle of a
 * file, at a record boundary, with the header already known and the physical line number of
 * the first record (`from`): the second half of a file split between two threads.
 */
export class CsvStream {
  private header: string[] | null = null;
  private headerLine = 0;
  private line = 1;
  private records = 0;
  private blank = 0;
  private lastLine = 0;
  private lastSpan = 1;
  private lastFieldBreaks = 0;
  private tailEndsWithQuote = false;
  private tailHadNewline = false;
  private carry = '';
  /** the text being parsed (when it may hold quoted line breaks) and a cursor into its physical lines */
  private piece = '';
  private cursorLine = 0;
  private cursorPos = 0;
  private readonly cutter: RecordCutter;
  private readonly parseText: (text: string, mayBreak: boolean) => void;

  constructor(
    delimiter: string,
    onRecord: RecordFn,
    onHeader: (header: string[], line: number) => void = () => {},
    from?: { header: string[]; line: number },
  ) {
    if (from) { this.header = from.header; this.line = from.line; }
    this.cutter = new RecordCutter(delimiter);
    const fmt = dsvFormat(delimiter);
    // `mayBreak`: the text may hold line breaks inside quoted fields (else each record is one line)
    this.parseText = (text: string, mayBreak: boolean) => {
      if (mayBreak) { this.piece = text; this.cursorLine = this.line; this.cursorPos = 0; }
      fmt.parseRows(text, (row: string[]) => {
        const start = this.line;
        let span = 1;
        this.lastFieldBreaks = 0;
        if (mayBreak) {
          for (let i = 0; i < row.length; i++) {
            const b = countBreaks(row[i]!);
            if (b) { span += b; if (i === row.length - 1) this.lastFieldBreaks = b; }
          }
        }
        this.line += span;
        this.lastLine = start;
        this.lastSpan = span;
        if ((row[0] === '' || row[0] === undefined) && isBlank(row)) { this.blank++; return null; }
        if (this.header === null) { this.header = row; this.headerLine = start; onHeader(row, start); return null; }
        this.records++;
        if (span > 1) onRecord(row, start, span, () => this.physicalLines(start, span));
        else onRecord(row, start, span);
        return null;
      });
      let end = text.length;
      while (end > 0 && (text.charCodeAt(end - 1) === NL || text.charCodeAt(end - 1) === CR)) end--;
      this.tailEndsWithQuote = text.charCodeAt(end - 1) === QUOTE;
      this.tailHadNewline = end < text.length;
    };
  }

  /**
   * Physical lines [start, start + span) of the text being parsed (records come in order, so the
   * cursor only moves forward: the text is scanned once, and only when a record asks).
   */
  private physicalLines(start: number, span: number): string[] {
    const s = this.piece;
    const out: string[] = [];
    while (this.cursorLine < start + span && this.cursorPos <= s.length) {
      let end = this.cursorPos;
      while (end < s.length && s.charCodeAt(end) !== NL && s.charCodeAt(end) !== CR) end++;
      if (this.cursorLine >= start) out.push(s.slice(this.cursorPos, end));
      this.cursorPos = end + (s.charCodeAt(end) === CR && s.charCodeAt(end + 1) === NL ? 2 : 1);
      this.cursorLine++;
    }
    return out;
  }

  /** the physical line the next record starts on */
  get nextLine(): number {
    return this.line;
  }

  push(piece: string): void {
    const carry = this.carry.length ? this.carry + piece : piece;
    const cut = this.cutter.cut(carry);
    if (cut === 0) { this.carry = carry; return; }
    this.parseText(cut === carry.length ? carry : carry.slice(0, cut), this.cutter.pieceHasBreaks);
    this.carry = cut === carry.length ? '' : carry.slice(cut);
  }

  end(): CsvResult {
    if (this.carry.length) this.parseText(this.carry, this.cutter.restHasBreaks);
    this.carry = '';
    // d3-dsv reads an unclosed quote to the end of the file. A well-formed quoted last field ends
    // with `"`; a last field holding line breaks that does not is an unclosed quote (which also
    // took the final line break: do not count a line after it).
    const unterminated = this.lastFieldBreaks > 0 && !this.tailEndsWithQuote
      ? { line: this.lastLine, lines: this.tailHadNewline ? this.lastSpan - 1 : this.lastSpan }
      : null;
    return { header: this.header, headerLine: this.headerLine, records: this.records, blank: this.blank, unterminated };
  }
}
