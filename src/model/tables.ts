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

export interface Dataset {
  orders: InputTable<'orders'>;
  customers: InputTable<'customers'> | null;
  staff: InputTable<'staff'> | null;
  tickets: InputTable<'tickets'> | null;
  interactions: InputTable<'interactions'> | null;
  surveys: InputTable<'surveys'> | null;
  targets: InputTable<'targets'> | null;
  tasks: InputTable<'tasks'> | null;
  /** survey dimension names found (without the `dim_` prefix), in file order */
  surveyDimensions: string[];
}
