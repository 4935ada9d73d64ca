import { csvFormatRows, csvFormatValue } from 'd3-dsv';

/**
 * The one rule for writing CSV text, used by the downloads, the quarantine files, the sample
 * company and the bench's synthetic exports: RFC 4180 as d3-dsv writes it: comma-separated, a
 * cell quoted only when it holds a quote, a comma or a line break, a quote inside written `""`;
 * null and undefined are empty cells; every row ends with `\n`, the last one too.
 */
export type CsvValue = string | number | null | undefined;

/** UTF-8 byte-order mark: Excel then opens Chinese text correctly. */
export const BOM = '\uFEFF';

/** Rows (the header first) → CSV text; `bom` puts the byte-order mark first. */
export const csvText = (rows: readonly (readonly CsvValue[])[], bom = false): string =>
  (bom ? BOM : '') + csvFormatRows(rows as string[][]) + '\n';

/** One cell by the same rule (for writers that stream rows themselves). */
export const csvValue = (v: CsvValue): string => (v == null ? '' : csvFormatValue(String(v)));
