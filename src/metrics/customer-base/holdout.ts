import type { BgnbdParams } from './bgnbd-likelihood.ts';
import { expectedPurchases } from './bgnbd-expectations.ts';
import { fitPurchases } from './customer-base-model.ts';
import type { CustomerBaseReason } from './limits.ts';
import { repeatSummary, type PurchaseRuns } from './repeat-summary.ts';
import { daysPerUnit, type TimeUnit } from './time-unit.ts';

/**
 * The holdout check (Fader, Hardie & Lee 2005, Fig. 4 and Table 2): the BG/NBD fitted on the
 * history up to the day before a period, its forecast of each customer's purchases (purchase
 * days) in that period, and what happened, summed by how many repeat purchases the customers had
 * made before it (0, 1, …, 6, 7+). Customers whose first purchase falls in the period are not in
 * it: the model forecasts the customers it knows.
 */
export const HOLDOUT_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7+'] as const;

export interface HoldoutClass {
  /** repeat purchases before the period: '0' … '6', '7+' */
  repeats: (typeof HOLDOUT_CLASSES)[number];
  customers: number;
  /** Σ forecast and Σ actual purchases in the period */
  forecast: number;
  actual: number;
}

export type Holdout =
  | { ok: true; params: BgnbdParams; logLikelihood: number; classes: HoldoutClass[]; forecast: number; actual: number }
  | { ok: false; reason: CustomerBaseReason };

/** `from`: where the fit starts (the main fit's parameters save most of the iterations) */
export function holdoutCheck(runs: PurchaseRuns, startDay: number, endDay: number, timeUnit: TimeUnit, from?: BgnbdParams): Holdout {
  const calEnd = startDay - 1;
  const summary = repeatSummary(runs, calEnd);
  const unitDays = daysPerUnit(timeUnit);
  const fit = fitPurchases(summary, calEnd, unitDays, from);
  if (!fit.ok) return { ok: false, reason: fit.reason };
  const classes: HoldoutClass[] = HOLDOUT_CLASSES.map((repeats) => ({ repeats, customers: 0, forecast: 0, actual: 0 }));
  const t = (endDay - startDay + 1) / unitDays;
  let forecast = 0;
  let actual = 0;
  for (let i = 0; i < summary.n; i++) {
    const x = summary.x[i]!;
    const cls = classes[Math.min(x, 7)]!;
    const f = expectedPurchases(fit.params, x, summary.txDays[i]! / unitDays, summary.TDays[i]! / unitDays, t);
    const a = purchaseDays(runs, summary.customer[i]!, startDay, endDay);
    cls.customers++;
    cls.forecast += f;
    cls.actual += a;
    forecast += f;
    actual += a;
  }
  return { ok: true, params: fit.params, logLikelihood: fit.logLikelihood, classes, forecast, actual };
}

/** distinct purchase days of customer c within [from, to] */
function purchaseDays(runs: PurchaseRuns, c: number, from: number, to: number): number {
  let n = 0;
  let last = NaN;
  for (let j = runs.start[c]!; j < runs.start[c + 1]!; j++) {
    const d = runs.day[j]!;
    if (d >= from && d <= to && d !== last) {
      n++;
      last = d;
    }
  }
  return n;
}
