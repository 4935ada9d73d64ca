import { isoDay } from '../lib/time-zone.ts';
import type { Dataset } from '../model/tables.ts';
import { statusAt, type CustomerStatus } from './customer-status.ts';
import { NONE, type OrderBook } from './orders.ts';
import type { RfmResult } from './rfm.ts';
import { tierName, type ValueTier } from './value-tiers.ts';

/** One row of the customer-tiers.csv download: RFM, value tier and status at asOf. */
export interface CustomerTierRow {
  customer_id: string;
  name: string | null;
  owner_id: string | null;
  team: string | null;
  region: string | null;
  member_level: string | null;
  status: CustomerStatus;
  first_purchase: string | null;
  last_purchase: string | null;
  /** RFM values and scores: null when the customer has no purchase in the RFM window */
  recency_days: number | null;
  frequency: number | null;
  monetary: number | null;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: string | null;
  value_tier: ValueTier;
  /** net revenue in the value-tier window */
  value_revenue: number;
}

/**
 * The customer-tiers.csv download: one row per customer of the order book with its RFM values
 * and scores, value tier and status at asOf; and each customer's status (for statusCounts).
 */
export function customerTierRows(
  ds: Pick<Dataset, 'customers'>,
  book: OrderBook,
  rf: RfmResult,
  valueTiers: Uint8Array,
  valueRevenue: Float64Array,
  asOfDay: number,
  settings: { dormantDays: number; lostDays: number },
): { customers: CustomerTierRow[]; statuses: CustomerStatus[] } {
  const cf = book.customers;
  const nameOf = customerNames(ds, book);
  // ISO days memoised by days before asOf (purchases are on or before asOf): a few thousand
  // distinct days, 10⁵+ customers
  const isoMemo: string[] = [];
  const iso = (d: number): string => (isoMemo[asOfDay - d] ??= isoDay(d));
  const scoreOf = new Int32Array(cf.count).fill(NONE);
  rf.scores.forEach((s, i) => (scoreOf[s.customer] = i));
  const statuses: CustomerStatus[] = new Array(cf.count);
  const customers: CustomerTierRow[] = new Array(cf.count);
  const P = book.names.people.names;
  const T = book.names.teams.names;
  const R = book.names.regions.names;
  for (let c = 0; c < cf.count; c++) {
    const a = cf.pStart[c]!;
    const b = cf.pStart[c + 1]!;
    const last = a < b ? cf.pDay[b - 1]! : NONE;
    const status = statusAt(last, asOfDay, settings.dormantDays, settings.lostDays);
    statuses[c] = status;
    const s = scoreOf[c] !== NONE ? rf.scores[scoreOf[c]!]! : null;
    customers[c] = {
      customer_id: cf.ids[c]!,
      name: nameOf(c),
      owner_id: cf.owner[c] !== NONE ? P[cf.owner[c]!]! : null,
      team: cf.team[c] !== NONE ? T[cf.team[c]!]! : null,
      region: cf.region[c] !== NONE ? R[cf.region[c]!]! : null,
      member_level: cf.memberLevel[c] ?? null,
      status,
      first_purchase: a < b ? iso(cf.pDay[a]!) : null,
      last_purchase: last !== NONE ? iso(last) : null,
      recency_days: s?.recency_days ?? null,
      frequency: s?.frequency ?? null,
      monetary: s?.monetary ?? null,
      r: s?.r ?? null,
      f: s?.f ?? null,
      m: s?.m ?? null,
      segment: s?.segment ?? null,
      value_tier: tierName[valueTiers[c]!]!,
      value_revenue: valueRevenue[c]!,
    };
  }
  return { customers, statuses };
}

/**
 * customers.name of each order-book customer (the last row of its id; null when not in
 * customers.csv). The book numbers customers.csv's ids first, in file order: when its first ids
 * are exactly that column, customer c is row c and no id is looked up.
 */
function customerNames(ds: Pick<Dataset, 'customers'>, book: OrderBook): (c: number) => string | null {
  const cc = ds.customers?.columns;
  if (!cc) return () => null;
  const ids = book.customers.ids;
  const n = cc.customer_id.length;
  let aligned = ids.length >= n;
  for (let j = 0; aligned && j < n; j++) aligned = ids[j] === cc.customer_id[j];
  if (aligned) return (c) => (c < n ? (cc.name[c] ?? null) : null);
  const nameOf = new Map<string, string | null>();
  for (let j = 0; j < n; j++) nameOf.set(cc.customer_id[j]!, cc.name[j] ?? null);
  return (c) => nameOf.get(ids[c]!) ?? null;
}
