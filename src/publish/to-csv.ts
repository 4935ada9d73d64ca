import { csvText } from '../lib/csv.ts';

/**
 * CSV for downloads: UTF-8 with a BOM (so Excel opens Chinese text correctly), the project's one
 * quoting rule (src/lib/csv.ts), and formula-safe cells: a text cell that begins with = + - − @ tab or CR
 * gets a leading `'` so a spreadsheet shows it as text instead of running it. Numbers (also
 * negative ones) are written as numbers; null/undefined as an empty cell.
 */
export interface CsvColumn {
  key: string;
  /** header text, unit included, e.g. `净销售额 (元)` */
  header: string;
}


const FORMULA_START = /^[=+\-\u2212@\t\r]/;

/**
 * A number's shortest text when it has at most 15 significant digits: money published by the
 * metrics stage (lib/money.ts toMajor) is exact this way, to its last minor unit at any size up to
 * 10^13 yuan. A longer text is a quotient (a ratio, an average of days): cut to 12 significant
 * digits, which also keeps the rule of never writing binary noise (0.30000000000000004).
 */
const numberText = (v: number): string => {
  const s = String(v);
  const digits = s.replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '').length;
  return digits <= 15 ? s : String(Number(v.toPrecision(12)));
};

export const csvCell = (v: unknown): string => {
  if (v == null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? numberText(v) : '';
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = String(v);
  return FORMULA_START.test(s) ? `'${s}` : s;
};

export const toCsv = (columns: readonly CsvColumn[], rows: readonly Record<string, unknown>[]): string =>
  csvText([columns.map((c) => csvCell(c.header)), ...rows.map((r) => columns.map((c) => csvCell(r[c.key])))], true);
