import { currencyUnit } from '../i18n/format.ts';
import { t, type Locale, type MessageKey } from '../i18n/index.ts';
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

/** A column labelled from the dictionary: key, label message, cell kind, unit message, extras. */
export type ColumnSpec = readonly [key: string, label: MessageKey, kind: CellKind, unit?: MessageKey, extra?: Partial<TableColumn>];

/**
 * The columns of a table written as data (`ColumnSpec`s), their labels and units in `locale`; the
 * money unit `unit.currency` is the site's currency (format.ts currencyUnit: `元`, `USD` …).
 */
export const columnsOf = (locale: Locale, specs: readonly ColumnSpec[]): TableColumn[] =>
  specs.map(([key, label, kind, unit, extra]) => column(key, t(locale, label), kind, unit && unitText(locale, unit), extra));

const unitText = (locale: Locale, unit: MessageKey): string => (unit === 'unit.currency' ? currencyUnit(locale) : t(locale, unit));
