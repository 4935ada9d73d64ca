import type { CustomerIndex } from './customer-index.ts';
import type { InputName, RowOf } from '../validate/schemas/index.ts';

/**
 * The ingest stage's output: one column-oriented table per input file, ready to wrap with
 * Arquero's `table(columns)` without copying. Column names are the canonical names of
 * docs/data.md; empty cells are `null`; dates are epoch milliseconds.
 */
export type Columns<R> = { [K in keyof R]-?: R[K][] };

export interface InputTable<N extends InputName> {
  name: N;
  /** accepted rows */
  rows: number;
  columns: Columns<RowOf<N>>;
  /** the 1-based physical line in the source file where each accepted row starts */
  line: number[];
}

/**
 * The order-line columns read after ingest (metrics/orders.ts and context.ts). The build asks
 * ingest to keep only these (`keep`): the others are validated, then dropped, as a query engine
 * drops the columns a query does not select. At 5M lines that is five arrays of 40 MB.
 */
export const ORDER_LINE_COLUMNS = ['order_id', 'customer_id', 'order_date', 'amount', 'owner_id', 'channel', 'region'] as const;
export type OrderLineColumn = (typeof ORDER_LINE_COLUMNS)[number];

/** orders.csv as ingest gives it: the read columns always, the others unless not kept */
export interface OrderLines extends Omit<InputTable<'orders'>, 'columns'> {
  columns: Pick<Columns<RowOf<'orders'>>, OrderLineColumn> & Partial<Columns<RowOf<'orders'>>>;
}

export interface Dataset {
  orders: OrderLines;
  customers: InputTable<'customers'> | null;
  staff: InputTable<'staff'> | null;
  tickets: InputTable<'tickets'> | null;
  interactions: InputTable<'interactions'> | null;
  surveys: InputTable<'surveys'> | null;
  targets: InputTable<'targets'> | null;
  tasks: InputTable<'tasks'> | null;
  /** survey dimension names found (without the `dim_` prefix), in file order */
  surveyDimensions: string[];
  /** every file's customer_id as codes (ingest computes it; the metrics do when it is absent) */
  customerIndex?: CustomerIndex;
}
