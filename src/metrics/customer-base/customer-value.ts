import { DAYS_PER_MONTH } from './time-unit.ts';

/**
 * Expected customer value over a horizon of H months, discounted monthly (Fader, Hardie & Lee
 * 2005, "RFM and CLV", with the discounted sum over months instead of their continuous-time DERT,
 * which has no closed form for the BG/NBD):
 *
 *   value = E[M] · Σ_{k=1..H} (E[Y(k months)] − E[Y((k−1) months)]) / (1 + d)^k
 *
 * — the purchases expected in month k, each worth the expected purchase value E[M], received at
 * the end of month k and discounted at the monthly rate d. Here the sum is of the purchases
 * expected *if the customer is still active*; times P(alive) it is the expected value, times
 * 1 − P(alive) the value at risk.
 */
export interface ValueHorizon {
  months: number;
  monthlyDiscountRate: number;
}

/** Horizon points in the model's time unit: 0, 1 month, …, H months. */
export function monthPoints(h: ValueHorizon, unitDays: number): number[] {
  const out: number[] = [];
  for (let k = 0; k <= h.months; k++) out.push((k * DAYS_PER_MONTH) / unitDays);
  return out;
}

/** Σ (E(k) − E(k−1)) / (1+d)^k over cumulative expectations e[0..H] (e[0] = 0). */
export function discountedPurchases(e: ArrayLike<number>, h: ValueHorizon): number {
  let sum = 0;
  let factor = 1;
  for (let k = 1; k <= h.months; k++) {
    factor /= 1 + h.monthlyDiscountRate;
    sum += (e[k]! - e[k - 1]!) * factor;
  }
  return sum;
}
