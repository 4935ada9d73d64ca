import { quantile } from '../quantile.ts';
import { sortAscending } from '../order-statistics.ts';
import type { CustomerFigures } from './customer-base-model.ts';

/**
 * Customers at risk (docs/metrics.md#customer-base). A customer is **at risk** when P(alive) is
 * below the threshold (customerBase.pAliveThreshold, default 0.5) and their value if still active
 * is high: at or above the cut, the highValueQuantile (default 0.5, the median) of the repeat
 * customers' values if active. Customers with no repeat purchase are never at risk: the BG/NBD
 * lets a customer drop out only after a purchase, so their P(alive) is 1. A customer's **value at
 * risk** is their value if active × (1 − P(alive)): what is lost, in expectation, if they are gone.
 * Without the spend model there is no value, so no cut and nobody at risk.
 */
export function atRiskCut(f: CustomerFigures, q: number): number | null {
  if (!f.valueIfAlive) return null;
  const v: number[] = [];
  for (let i = 0; i < f.summary.n; i++) if (f.summary.x[i]! > 0) v.push(f.valueIfAlive[i]!);
  return quantile(sortAscending(Float64Array.from(v)), q);
}

export function atRiskFlags(f: CustomerFigures, threshold: number, cut: number | null): Uint8Array {
  const flags = new Uint8Array(f.summary.n);
  for (let i = 0; i < flags.length; i++) {
    const high = f.valueIfAlive && cut !== null ? f.valueIfAlive[i]! >= cut : false;
    flags[i] = f.pAlive[i]! < threshold && high ? 1 : 0;
  }
  return flags;
}

/** A customer's value at risk (major units): value if active × (1 − P(alive)). */
export const valueAtRisk = (valueIfAlive: number, pAlive: number): number => valueIfAlive * (1 - pAlive);
