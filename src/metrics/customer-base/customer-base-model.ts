import { bgnbdSample, type BgnbdParams } from './bgnbd-likelihood.ts';
import { fitBgnbd } from './bgnbd-fit.ts';
import { expectedIfAlive, pAlive } from './bgnbd-expectations.ts';
import { pearson } from './correlation.ts';
import { discountedPurchases, monthPoints, type ValueHorizon } from './customer-value.ts';
import { expectedSpend, fitGammaGamma, type GammaGammaParams } from './gamma-gamma.ts';
import { MIN_HISTORY_DAYS, type CustomerBaseReason, type SpendReason } from './limits.ts';
import { repeatSummary, type PurchaseRuns, type RepeatSummary } from './repeat-summary.ts';
import { daysPerUnit, type TimeUnit } from './time-unit.ts';

/**
 * The customer-base models fitted on purchase history up to a calibration end, and each
 * customer's figures: P(alive), expected purchases in the next 90 days and 12 months, and — when
 * the spend model fits — expected purchase value, expected value over the horizon and the value
 * at risk (value if still active × (1 − P(alive))).
 */
export interface ModelSettings extends ValueHorizon {
  timeUnit: TimeUnit;
}

export interface CustomerFigures {
  summary: RepeatSummary;
  pAlive: Float64Array;
  purchases90d: Float64Array;
  purchases12m: Float64Array;
  /** null when the spend model gave no figures */
  spend: Float64Array | null;
  value: Float64Array | null;
  valueIfAlive: Float64Array | null;
}

export type SpendModel =
  | { ok: true; params: GammaGammaParams; logLikelihood: number; repeaters: number; correlation: number | null }
  | { ok: false; reason: SpendReason; repeaters: number; correlation: number | null };

/** The fitted models, without the per-customer figures: what the summary publishes. */
export interface FittedBase {
  ok: true;
  customers: number;
  repeaters: number;
  bgnbd: { params: BgnbdParams; logLikelihood: number };
  spend: SpendModel;
}

/** No models, with the honest reason (limits.ts). */
export interface UnfittedBase {
  ok: false;
  reason: CustomerBaseReason;
  customers: number;
  repeaters: number;
}

export type CustomerBaseModel = (FittedBase & { figures: CustomerFigures }) | UnfittedBase;

export function fitCustomerBase(runs: PurchaseRuns, calEndDay: number, s: ModelSettings): CustomerBaseModel {
  const summary = repeatSummary(runs, calEndDay);
  const unitDays = daysPerUnit(s.timeUnit);
  const fit = fitPurchases(summary, calEndDay, unitDays);
  if (!fit.ok) return fit;
  const spend = spendModel(summary);
  const figures = customerFigures(summary, fit.params, spend.ok ? spend.params : null, s, unitDays);
  return { ok: true, customers: summary.n, repeaters: fit.repeaters, bgnbd: { params: fit.params, logLikelihood: fit.logLikelihood }, spend, figures };
}

/** The BG/NBD fit with the honest limits checked first (limits.ts). */
export function fitPurchases(
  summary: RepeatSummary,
  calEndDay: number,
  unitDays: number,
  from?: BgnbdParams,
): { ok: true; params: BgnbdParams; logLikelihood: number; repeaters: number } | UnfittedBase {
  let repeaters = 0;
  let earliest = calEndDay;
  for (let i = 0; i < summary.n; i++) {
    if (summary.x[i]! > 0) repeaters++;
    if (summary.firstDay[i]! < earliest) earliest = summary.firstDay[i]!;
  }
  const fail = (reason: CustomerBaseReason): UnfittedBase => ({ ok: false, reason, customers: summary.n, repeaters });
  if (summary.n === 0) return fail('no_customers');
  if (calEndDay - earliest < MIN_HISTORY_DAYS) return fail('history_too_short');
  if (repeaters === 0) return fail('no_repeat_purchases');
  const fit = fitBgnbd(bgnbdSample(summary.x, summary.txDays, summary.TDays, unitDays), from);
  if (!fit.ok) return fail('did_not_converge');
  return { ok: true, params: fit.params, logLikelihood: fit.logLikelihood, repeaters };
}

function spendModel(summary: RepeatSummary): SpendModel {
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < summary.n; i++) {
    if (summary.x[i]! > 0 && summary.m[i]! > 0) {
      xs.push(summary.x[i]!);
      ms.push(summary.m[i]!);
    }
  }
  const r = pearson(xs, ms);
  const correlation = Number.isFinite(r) ? r : null;
  const fit = fitGammaGamma(xs, ms);
  return { ...fit, correlation };
}

/**
 * Per customer. The expectation given alive depends on (x, T) only, so it is computed once per
 * distinct pair (at 500k customers a few tens of thousands) at the 90-day point and each month
 * of max(12, horizon) months.
 */
function customerFigures(summary: RepeatSummary, p: BgnbdParams, g: GammaGammaParams | null, s: ModelSettings, unitDays: number): CustomerFigures {
  const n = summary.n;
  const months = Math.max(12, s.months);
  const points = monthPoints({ months, monthlyDiscountRate: s.monthlyDiscountRate }, unitDays);
  const t90 = 90 / unitDays;
  const memo = new Map<number, Float64Array>();
  const curve = (x: number, TDays: number): Float64Array => {
    const key = x * 65536 + TDays;
    let e = memo.get(key);
    if (!e) {
      e = new Float64Array(months + 2);
      for (let k = 1; k <= months; k++) e[k] = expectedIfAlive(p, x, TDays / unitDays, points[k]!);
      e[months + 1] = expectedIfAlive(p, x, TDays / unitDays, t90);
      memo.set(key, e);
    }
    return e;
  };
  const out: CustomerFigures = {
    summary,
    pAlive: new Float64Array(n),
    purchases90d: new Float64Array(n),
    purchases12m: new Float64Array(n),
    spend: g ? new Float64Array(n) : null,
    value: g ? new Float64Array(n) : null,
    valueIfAlive: g ? new Float64Array(n) : null,
  };
  const horizon = { months: s.months, monthlyDiscountRate: s.monthlyDiscountRate };
  for (let i = 0; i < n; i++) {
    const x = summary.x[i]!;
    const pa = pAlive(p, x, summary.txDays[i]! / unitDays, summary.TDays[i]! / unitDays);
    const e = curve(x, summary.TDays[i]!);
    out.pAlive[i] = pa;
    out.purchases90d[i] = pa * e[months + 1]!;
    out.purchases12m[i] = pa * e[12]!;
    if (g) {
      const m = expectedSpend(g, x, summary.m[i]!);
      const ifAlive = m * discountedPurchases(e, horizon);
      out.spend![i] = m;
      out.valueIfAlive![i] = ifAlive;
      out.value![i] = pa * ifAlive;
    }
  }
  return out;
}
