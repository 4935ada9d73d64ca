import type { StatusCount } from '../model/ledger.ts';

/**
 * What orders.csv's rules saw while its rows streamed by (order-rows.ts): counts by status value,
 * unpaid rows, continuation lines, refunds. Kept in the file's LedgerBuilder so that the parts of
 * a file read on two threads merge into what one thread would have counted. Every amount is in
 * integer minor units (lib/money.ts), so a sum is exact and the same in any order of its terms.
 */
export interface OrderTallies {
  /** by raw status value (trimmed), in first-seen order */
  statuses: Map<string, StatusCount>;
  /** rows excluded because their payment time is empty */
  unpaid: { rows: number; amount: number };
  /** lines read as continuations of the order above (first-line.ts) */
  continued: number;
  refunds: RefundTally;
}

/**
 * Accepted rows with a non-zero refund: how many, the refunds' total, and how many show the
 * amount already net of the refund (amount + refund = the file's list amount) or not (amount =
 * list amount).
 */
export interface RefundTally {
  rows: number;
  amount: number;
  net: number;
  gross: number;
}

export function newOrderTallies(): OrderTallies {
  return { statuses: new Map(), unpaid: { rows: 0, amount: 0 }, continued: 0, refunds: { rows: 0, amount: 0, net: 0, gross: 0 } };
}

/** Add the tallies of a later part of the file. */
export function mergeOrderTallies(into: OrderTallies, from: OrderTallies): void {
  for (const s of from.statuses.values()) {
    const mine = into.statuses.get(s.value);
    if (!mine) into.statuses.set(s.value, { ...s });
    else { mine.rows += s.rows; mine.amount += s.amount; }
  }
  into.unpaid.rows += from.unpaid.rows;
  into.unpaid.amount += from.unpaid.amount;
  into.continued += from.continued;
  into.refunds.rows += from.refunds.rows;
  into.refunds.amount += from.refunds.amount;
  into.refunds.net += from.refunds.net;
  into.refunds.gross += from.refunds.gross;
}
