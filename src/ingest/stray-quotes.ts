import { dsvFormat } from 'd3-dsv';

/**
 * Stray quotes (docs/data.md#stray-quotes). A quote that opens a field on one line and another
 * quote some lines later join every line between into one record: when its cell count happens
 * to match the header, nothing looks wrong and the lines between vanish. A record whose quoted
 * field spans line breaks is therefore judged on its physical lines:
 *
 * - `split`: a line after the first looks like a whole record of its own (parsed alone it has
 *   the header's number of cells, and it is not merely the record's own tail). The lines that
 *   hold the two quotes are rejected as `stray_quote`; each line between is read as a record.
 * - `whole`: no line looks like a record but the cell count is wrong: the record is rejected as
 *   one (`unterminated_quote`, with the lines it covered).
 * - `lone`: the count is right and no line looks like a record (a real multi-line note most
 *   often): kept. If it is the only such record in the file it is flagged (a ledger warning).
 *
 * `trust` (files.<name>.quotedLineBreaks: trust) skips the `split` judgement: quotes are read as
 * written, and only a wrong cell count rejects the record.
 */
export type QuotedBreakVerdict =
  | { kind: 'split'; field: number; lines: string[][] }
  | { kind: 'whole'; field: number }
  | { kind: 'lone'; field: number };

const parsers = new Map<string, (line: string) => string[]>();

/** One physical line read alone as a record (its quotes by the same d3-dsv rules). */
export function cellsOfLine(line: string, delimiter: string): string[] {
  let p = parsers.get(delimiter);
  if (!p) {
    const fmt = dsvFormat(delimiter);
    p = (l: string) => fmt.parseRows(l)[0] ?? [''];
    parsers.set(delimiter, p);
  }
  return p(line);
}

const hasBreak = (s: string) => s.includes('\n') || s.includes('\r');

export function judgeQuotedBreaks(
  cells: readonly string[],
  raw: readonly string[],
  headerLength: number,
  delimiter: string,
  trust: boolean,
): QuotedBreakVerdict {
  let field = -1;
  let lastField = -1;
  for (let i = 0; i < cells.length; i++) {
    if (hasBreak(cells[i]!)) { if (field < 0) field = i; lastField = i; }
  }
  if (field < 0) field = lastField = 0;
  if (!trust) {
    const lines = raw.map((l) => cellsOfLine(l, delimiter));
    // the last line is the record's tail: the rest of the quoted field and the cells after it
    const tail = cells.length - lastField;
    const recordLike = lines.some((c, k) => k > 0 && c.length === headerLength && (k < lines.length - 1 || c.length !== tail));
    if (recordLike) return { kind: 'split', field, lines };
  }
  return cells.length === headerLength ? { kind: 'lone', field } : { kind: 'whole', field };
}

/**
 * Past this many rows rejected for quotes (`stray_quote` and `unterminated_quote`) the file's
 * quoting is not trusted at all and the build stops: more than 10 rows, and more than 1 % of
 * the rows read.
 */
export function strayQuotesStop(rejected: number, read: number): boolean {
  return rejected > 10 && rejected > read / 100;
}
