import type { InputName } from '../../validate/schemas/index.ts';

/** A CRM export preset: that CRM's column names (export labels and API names) per canonical column. */
export type Preset = { [N in InputName]?: Record<string, string[]> };

/**
 * What one of a system's status columns means for orders: which values are real sales (won, paid,
 * not cancelled) and which are not. Values are compared ignoring case, spaces, `_` and `-`.
 */
export interface StatusMeaning {
  /** the status headers this meaning is for (compared like headers) */
  headers: string[];
  /** values that are sales */
  keep: string[];
  /** values that are not (open, lost, cancelled, unpaid) */
  exclude: string[];
  /**
   * an allow-list: every value not in `keep` is excluded (a deal is a sale only once won, whatever
   * the company named its open stages). Without it, a value in neither list stops the build.
   */
  only?: boolean;
}

/** What a preset knows beyond column names. */
export interface PresetRules {
  /** orders.csv status columns */
  statuses: StatusMeaning[];
  /**
   * relational exports (Odoo): a line whose order id cell is empty continues the order above
   * (order-level cells are on the order's first line only)
   */
  emptyIdContinues?: boolean;
  /**
   * the export has no line id, so two identical lines are two real lines (the same product twice in
   * one order), never an accidental repeat: exact duplicates are kept (orders.dropExactDuplicates)
   */
  linesRepeat?: boolean;
  /** the system's amount is (`included`) or is not (`deduct`) already net of its refund column */
  refunds?: 'deduct' | 'included';
}
