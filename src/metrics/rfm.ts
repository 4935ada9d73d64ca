import { isoDay } from '../lib/time-zone.ts';
import type { CustomerFacts } from './orders.ts';
import { sortAscending } from './order-statistics.ts';
import { monthsBefore } from './periods.ts';
import { quantile } from './quantile.ts';

/**
 * RFM (docs/metrics.md, "Tiers"): window of rfm.windowMonths ending at asOf (0 = all history),
 * customers with a purchase in the window. R = days from the last purchase to asOf, F = purchases
 * in the window, M = revenue in the window — net revenue, as the product defines revenue: every
 * order of the customer in the window, refunds included (so M may be ≤ 0).
 * Edges q1..q4 = 20/40/60/80 % quantiles (type 7). F, M score = 1 + #edges < value;
 * R score = 5 − #edges < R. Scores depend on the value only, so equal values score equally.
 */
export interface RfmEdges {
  /** first day in the window (exclusive bound + 1); null = all history */
  windowStart: string | null;
  customers: number;
  recency: number[];
  frequency: number[];
  monetary: number[];
}

export interface RfmScore {
  customer: number;
  recency_days: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: string;
}

export interface RfmResult {
  edges: RfmEdges;
  /** one entry per customer with a purchase in the window, in customer index order */
  scores: RfmScore[];
}

const P = [0.2, 0.4, 0.6, 0.8];

export function edgesOf(values: Float64Array): number[] {
  const sorted = sortAscending(values.slice());
  return P.map((p) => quantile(sorted, p) ?? 0);
}

export const below = (edges: readonly number[], v: number): number => {
  let n = 0;
  for (const e of edges) if (e < v) n++;
  return n;
};

export function rfm(cf: CustomerFacts, asOfDay: number, windowMonths: number, grid: readonly (readonly string[])[]): RfmResult {
  // days d with after < d ≤ asOf
  const after = windowMonths === 0 ? -Infinity : monthsBefore(asOfDay, windowMonths);
  const who: number[] = [];
  const R: number[] = [];
  const F: number[] = [];
  const M: number[] = [];
  for (let c = 0; c < cf.count; c++) {
    const a = cf.pStart[c]!;
    const b = cf.pStart[c + 1]!;
    if (a === b) continue;
    const last = cf.pDay[b - 1]!;
    if (last <= after || last > asOfDay) continue;
    let f = 0;
    for (let j = b - 1; j >= a && cf.pDay[j]! > after; j--) if (cf.pDay[j]! <= asOfDay) f++;
    let m = 0;
    for (let j = cf.start[c]!; j < cf.start[c + 1]!; j++) {
      const d = cf.day[j]!;
      if (d > after && d <= asOfDay) m += cf.amount[j]!;
    }
    who.push(c);
    R.push(asOfDay - last);
    F.push(f);
    M.push(m);
  }
  const rEdges = edgesOf(Float64Array.from(R));
  const fEdges = edgesOf(Float64Array.from(F));
  const mEdges = edgesOf(Float64Array.from(M));
  const scores: RfmScore[] = who.map((c, i) => {
    const r = 5 - below(rEdges, R[i]!);
    const f = 1 + below(fEdges, F[i]!);
    return {
      customer: c,
      recency_days: R[i]!,
      frequency: F[i]!,
      monetary: M[i]!,
      r,
      f,
      m: 1 + below(mEdges, M[i]!),
      segment: grid[r - 1]![f - 1]!,
    };
  });
  return {
    edges: {
      windowStart: windowMonths === 0 ? null : isoDay(after + 1),
      customers: who.length,
      recency: who.length ? rEdges : [],
      frequency: who.length ? fEdges : [],
      monetary: who.length ? mEdges : [],
    },
    scores,
  };
}
