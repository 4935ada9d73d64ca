import type { KpiUnit } from '../model/kpi.ts';
import type { CsvColumn } from '../publish/to-csv.ts';

/** The shape of every page table (src/site-data/tables.ts defines them) and of its CSV download. */

/** How a cell is displayed: text, a KPI unit, a date, or per row (`unitKey` names the row's unit field). */
export type CellKind = 'text' | KpiUnit | 'date';

export interface TableColumn extends CsvColumn {
  /** header without unit (the page shows the unit in a smaller line) */
  label: string;
  unit?: string;
  kind: CellKind;
  /** for KPI value columns whose unit differs per row: the row field holding the KpiUnit */
  unitKey?: string;
  /** row field holding a link for this cell (a locale path) */
  hrefKey?: string;
  /** show the number with this many decimals (scores, weights) */
  digits?: number;
  nowrap?: boolean;
  wide?: boolean;
}

export type Row = Record<string, string | number | boolean | null>;

export interface TableData {
  id: string;
  title: string;
  columns: TableColumn[];
  rows: Row[];
}
