import { op, table } from 'arquero';
import { NONE, type CustomerFacts } from './orders.ts';
import { sortAscending } from './order-statistics.ts';
import { monthsBefore } from './periods.ts';

/**
 * Value tiers 客户价值分层 (docs/metrics.md, "Tiers"), at a snapshot day t over the trailing
 * valueTier.windowMonths: revenue = net revenue of the customer's orders in
 * (monthsBefore(t, w), t]. Customers with revenue > 0 are ranked by revenue descending, ties by
 * customer_id; s = cumulative revenue share of those ranked before: A if s < cuts.A, B if
 * s < cuts.B, else C. Revenue ≤ 0 or no order in the window: none.
 */
export type ValueTier = 'A' | 'B' | 'C' | 'none';
/** Tier codes ordered by value: A > B > C > none (tier migration compares codes). */
export const TIER_NONE = 0;
export const TIER_C = 1;
export const TIER_B = 2;
export const TIER_A = 3;
export const tierName: readonly ValueTier[] = ['none', 'C', 'B', 'A'];

export interface Cuts {
  A: number;
  B: number;
}

/**
 * Trailing-window net revenue per customer at each snapshot day (ascending), one sweep: each
 * customer keeps a [lo, hi) window over its orders sorted by day, moved forward as t grows.
 */
export function trailingRevenues(
  cf: Pick<CustomerFacts, 'count' | 'start' | 'day' | 'amount'>,
  days: readonly number[],
  windowMonths: number,
  visit: (snapshot: number, revenue: Float64Array) => void,
): void {
  const lo = cf.start.slice(0, cf.count);
  const hi = cf.start.slice(0, cf.count);
  const rev = new Float64Array(cf.count);
  for (let s = 0; s < days.length; s++) {
    const t = days[s]!;
    const after = monthsBefore(t, windowMonths);
    for (let c = 0; c < cf.count; c++) {
      const end = cf.start[c + 1]!;
      let h = hi[c]!;
      while (h < end && cf.day[h]! <= t) h++;
      let l = lo[c]!;
      while (l < h && cf.day[l]! <= after) l++;
      hi[c] = h;
      lo[c] = l;
      // direct sum (not running ± updates) so equal order sets give bit-equal revenues
      let r = 0;
      for (let j = l; j < h; j++) r += cf.amount[j]!;
      rev[c] = r;
    }
    visit(s, rev);
  }
}

export function windowRevenue(cf: CustomerFacts, day: number, windowMonths: number): Float64Array {
  let out = new Float64Array(0);
  trailingRevenues(cf, [day], windowMonths, (_, r) => (out = r.slice()));
  return out;
}

/**
 * Tier codes per customer. Only the (at most two) tie groups that straddle a cut need the
 * customer_id order; everyone else is placed by comparing revenue with the cut values, so a
 * snapshot costs one numeric sort.
 */
export function assignTiers(revenue: Float64Array, ids: readonly string[], cuts: Cuts, scratch?: Float64Array): Uint8Array {
  const tiers = new Uint8Array(revenue.length);
  let n = 0;
  for (let c = 0; c < revenue.length; c++) if (revenue[c]! > 0) n++;
  if (n === 0) return tiers;
  // a scratch buffer reused across snapshots keeps ArrayBuffer churn (and GC) down
  const vals = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  n = 0;
  for (let c = 0; c < revenue.length; c++) if (revenue[c]! > 0) vals[n++] = revenue[c]!;
  sortAscending(vals).reverse(); // descending
  let total = 0;
  for (let i = 0; i < n; i++) total += vals[i]!;
  let iA = n;
  let iB = n;
  let cum = 0;
  for (let i = 0; i < n; i++) {
    const s = cum / total;
    if (iA === n && !(s < cuts.A)) iA = i;
    if (iB === n && !(s < cuts.B)) iB = i;
    cum += vals[i]!;
  }
  const byPosition = (i: number): number => (i < iA ? TIER_A : i < iB ? TIER_B : TIER_C);
  const vA = iA < n ? vals[iA]! : -Infinity;
  const vB = iB < n ? vals[iB]! : -Infinity;
  const firstPos = (v: number): number => {
    // number of values > v (descending array)
    let a = 0;
    let b = n;
    while (a < b) {
      const m = (a + b) >> 1;
      if (vals[m]! > v) a = m + 1;
      else b = m;
    }
    return a;
  };
  const groupA: number[] = [];
  const groupB: number[] = [];
  for (let c = 0; c < revenue.length; c++) {
    const v = revenue[c]!;
    if (!(v > 0)) continue;
    if (v === vA) groupA.push(c);
    else if (v === vB) groupB.push(c);
    else tiers[c] = v > vA ? TIER_A : v > vB ? TIER_B : TIER_C;
  }
  for (const [group, v] of [[groupA, vA], [groupB, vB]] as const) {
    if (group.length === 0) continue;
    group.sort((x, y) => (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0));
    const p0 = firstPos(v);
    group.forEach((c, k) => (tiers[c] = byPosition(p0 + k)));
  }
  return tiers;
}

export interface ParetoPoint {
  /** share of customers with revenue > 0, ranked by revenue descending */
  customers_share: number;
  /** their share of the total revenue of those customers */
  revenue_share: number;
  customers: number;
}

/** Cumulative customer share vs cumulative revenue share at every whole percent of customers. */
export function pareto(revenue: Float64Array): ParetoPoint[] {
  const vals = sortAscending(revenue.filter((v) => v > 0)).reverse();
  const n = vals.length;
  if (n === 0) return [];
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cum[i + 1] = cum[i]! + vals[i]!;
  const out: ParetoPoint[] = [];
  let lastK = -1;
  for (let q = 0; q <= 100; q++) {
    const k = Math.round((q / 100) * n);
    if (k === lastK) continue;
    lastK = k;
    out.push({ customers_share: k / n, revenue_share: cum[k]! / cum[n]!, customers: k });
  }
  return out;
}

export interface TierSummary {
  tier: ValueTier;
  customers: number;
  revenue: number;
  /** share of the window revenue of customers with revenue > 0 (none: null) */
  revenue_share: number | null;
}

/**
 * Customers and window revenue per tier (Arquero: a group-by over the per-customer table, rows in
 * customer order, so sums add in the order a loop would). Customers whose `firstPurchaseDay` is
 * NONE (no purchase by asOf) are left out of `none`; tier codes as TIER_*.
 */
export function tierSummary(tiers: Uint8Array, revenue: Float64Array, firstPurchaseDay: Int32Array): TierSummary[] {
  const byTier = new Map<number, { customers: number; revenue: number }>();
  const counted = table({ tier: tiers, revenue, first: firstPurchaseDay })
    .params({ NONE, TIER_NONE })
    .filter((r: { tier: number; first: number }, $: { NONE: number; TIER_NONE: number }) => r.tier !== $.TIER_NONE || r.first !== $.NONE);
  if (counted.numRows() > 0) {
    for (const g of counted.groupby('tier').rollup({ customers: op.count(), revenue: op.sum('revenue') }).objects() as { tier: number; customers: number; revenue: number }[])
      byTier.set(g.tier, g);
  }
  const rev = (t: number) => byTier.get(t)?.revenue ?? 0;
  const positive = rev(TIER_C) + rev(TIER_B) + rev(TIER_A);
  return [TIER_A, TIER_B, TIER_C, TIER_NONE].map((t) => ({
    tier: tierName[t]!,
    customers: byTier.get(t)?.customers ?? 0,
    revenue: rev(t),
    revenue_share: t === TIER_NONE || positive <= 0 ? null : rev(t) / positive,
  }));
}
