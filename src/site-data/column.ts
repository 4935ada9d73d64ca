import type { CellKind, TableColumn } from './table-data.ts';

/**
 * A table column: its label, how cells are shown, and the CSV header (label with the unit).
 * Every page table builds its columns with this.
 */
export const column = <C extends TableColumn = TableColumn>(
  key: string,
  label: string,
  kind: CellKind,
  unit?: string,
  extra: Partial<C> = {},
): C => ({ key, label, kind, unit, header: unit ? `${label} (${unit})` : label, ...extra }) as C;
