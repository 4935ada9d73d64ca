import type { Interner } from '../lib/interner.ts';

/** The files with a customer_id column that the index codes. */
export const CODED_FILES = ['orders', 'tickets', 'interactions', 'surveys'] as const;
export type CodedFile = (typeof CODED_FILES)[number];

/**
 * The customer of every row as a small integer, looked up once for the whole build. Codes:
 * customers.csv's ids in file order (0 … known − 1: with its ids unique, a known code is the
 * customer's row), then ids first seen in orders.csv, tickets, interactions and surveys; −1 =
 * no customer. The orphan count (orphans.ts), the reduction of lines to orders
 * (metrics/orders.ts) and the service families' customer rows (metrics/attribution.ts) read the
 * codes: each used to look the ids up again, and at 5M lines every change of customer along
 * the order lines (2.5 million) is a lookup in a 500k-entry hash table that misses the cache
 * one to three times: 1–1.6 s a pass.
 */
export interface CustomerIndex {
  ids: Interner;
  /** codes below this are customers.csv's */
  known: number;
  /** each row's customer code (−1 = empty), by file (absent files, and orders once released, have none) */
  codes: Partial<Record<CodedFile, Int32Array>>;
}
