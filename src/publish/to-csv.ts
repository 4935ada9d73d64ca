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

export const csvCell = (v: unknown): string => {
  if (v == null) return '';
  // 12 significant digits drop binary noise of sums (25359.390000000003 → 25359.39) and keep
  // every real digit of money amounts and ratios
  if (typeof v === 'number') return Number.isFinite(v) ? String(Number(v.toPrecision(12))) : '';
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = String(v);
  return FORMULA_START.test(s) ? `'${s}` : s;
};

export const toCsv = (columns: readonly CsvColumn[], rows: readonly Record<string, unknown>[]): string =>
  csvText([columns.map((c) => csvCell(c.header)), ...rows.map((r) => columns.map((c) => csvCell(r[c.key])))], true);
