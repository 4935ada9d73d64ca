import { csvText, type CsvValue } from '../lib/csv.ts';

/** The sample company's CSV text, by the project's one CSV rule (src/lib/csv.ts), no BOM. */
export type Cell = CsvValue;

export const toCsv = (header: readonly string[], rows: readonly (readonly Cell[])[]): string => csvText([header, ...rows]);

/** money with two decimals, no thousands separator */
export const money = (n: number): string => n.toFixed(2);
