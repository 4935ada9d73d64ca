import type { Config } from '../../config/schema.ts';
import { isoDay, parseIsoDay } from '../../lib/time-zone.ts';
import { estimateToMinor, moneyFor, toMajor } from '../../lib/money.ts';
import { NONE, type OrderBook } from '../orders.ts';
import type { Period } from '../periods.ts';
import { atRiskCut, atRiskFlags, valueAtRisk } from './at-risk.ts';
import type { BgnbdParams } from './bgnbd-likelihood.ts';
import type { FittedBase, UnfittedBase } from './customer-base-model.ts';
import type { Holdout, HoldoutClass } from './holdout.ts';
import { runFitJob, type FitJob, type FitOutcome } from './fit-job.ts';
import type { CustomerBaseReason } from './limits.ts';
import { portfolioRows, type PortfolioRow } from './portfolio.ts';
import type { PurchaseRuns } from './repeat-summary.ts';
import { daysPerUnit, type TimeUnit } from './time-unit.ts';

/**
 * The customer-base family (docs/metrics.md#customer-base): BG/NBD and Gamma-Gamma fitted on the
 * purchases up to the calibration end, one row per modelled customer, portfolio sums per owner,
 * team, region and company, and the holdout check on the last complete period (config.kpiGrain).
 */
export interface CustomerHealthRow {
  customer_id: string;
  owner_id: string | null;
  team: string | null;
  region: string | null;
  /** YYYY-MM-DD, up to the calibration end */
  first_purchase: string;
  last_purchase: string;
  /** x, t_x, T in the model's time unit (timeUnit in the summary) */
  repeat_purchases: number;
  t_x: number;
  T: number;
  p_alive: number;
  expected_purchases_90d: number;
  expected_purchases_12m: number;
  /**
   * money estimates, null when the spend model gave no figures: in the currency's minor unit
   * (rounded half to even) out of this stage, major units once metrics/money-outputs.ts is done
   */
  expected_purchase_value: number | null;
  expected_value: number | null;
  value_if_active: number | null;
  value_at_risk: number | null;
  at_risk: boolean;
}

export interface CustomerBaseSettings {
  timeUnit: TimeUnit;
  calibrationEnd: string;
  horizonMonths: number;
  monthlyDiscountRate: number;
  pAliveThreshold: number;
  highValueQuantile: number;
}

export type HoldoutResult =
  | { ok: true; period: string; start: string; end: string; params: BgnbdParams; logLikelihood: number; classes: HoldoutClass[]; forecast: number; actual: number }
  | { ok: false; period: string | null; reason: CustomerBaseReason | 'no_complete_period' };

export type CustomerBaseSummary = { settings: CustomerBaseSettings; holdout: HoldoutResult } & (
  | (FittedBase & {
      /** the value-if-active cut of "high value" (null without the spend model); money, as the customers' figures */
      highValueCut: number | null;
    })
  | UnfittedBase
);

export interface CustomerBaseResult {
  summary: CustomerBaseSummary;
  customers: CustomerHealthRow[];
  portfolio: PortfolioRow[];
}

/**
 * The job of the models (fit-job.ts) for this book: the purchase runs in major units, the
 * calibration end, the settings, and the last complete period of `periods` for the holdout.
 */
export function customerBaseJob(book: OrderBook, asOfDay: number, config: Config, periods: Period[]): { job: FitJob; settings: CustomerBaseSettings; last: Period | null } {
  const cb = config.customerBase;
  // a calibration end after asOf would count days with no data as silence: asOf at the latest
  const configured = cb.calibrationEnd ? parseIsoDay(cb.calibrationEnd) : asOfDay;
  if (configured === null) throw new Error(`customerBase.calibrationEnd: ${cb.calibrationEnd} is not a date`);
  const calEndDay = Math.min(configured, asOfDay);
  const settings: CustomerBaseSettings = {
    timeUnit: cb.timeUnit,
    calibrationEnd: isoDay(calEndDay),
    horizonMonths: cb.horizonMonths,
    monthlyDiscountRate: cb.monthlyDiscountRate,
    pAliveThreshold: cb.pAliveThreshold,
    highValueQuantile: cb.highValueQuantile,
  };
  const cf = book.customers;
  // the models work in major units (yuan): purchase amounts are held in minor units (lib/money.ts)
  const money = moneyFor(config.currency);
  // (a loop: Float64Array.from with a map function took 0.3 s for a million purchases)
  const amount = new Float64Array(cf.pAmount.length);
  for (let j = 0; j < amount.length; j++) amount[j] = toMajor(cf.pAmount[j]!, money);
  const runs: PurchaseRuns = { count: cf.count, start: cf.pStart, day: cf.pDay, amount };
  const last = periods.filter((p) => p.complete).at(-1) ?? null;
  const job: FitJob = {
    runs, calEndDay,
    settings: { timeUnit: cb.timeUnit, months: cb.horizonMonths, monthlyDiscountRate: cb.monthlyDiscountRate },
    holdout: last ? { start: last.start, end: last.end } : null,
  };
  return { job, settings, last };
}

/**
 * `fitted`: the job's outcome from another thread (../side-thread.ts), taken when needed (the bench's
 * `customer-base-wait` stage); without it the models are fitted here (its `customer-base` and
 * `customer-base-holdout` stages).
 */
export function computeCustomerBase(
  book: OrderBook, asOfDay: number, config: Config, periods: Period[], timer?: { stage(name: string): void },
  fitted?: { job: ReturnType<typeof customerBaseJob>; take: () => FitOutcome },
): CustomerBaseResult {
  const cb = config.customerBase;
  const { job, settings, last } = fitted?.job ?? customerBaseJob(book, asOfDay, config, periods);
  const outcome = fitted ? fitted.take() : runFitJob(job, () => timer?.stage('customer-base'));
  // on a second thread the fit ran beside the other families: what is timed here is the wait
  timer?.stage(fitted ? 'customer-base-wait' : 'customer-base-holdout');
  const model = outcome.model;
  const holdout = holdoutOf(outcome.holdout, last);
  if (!model.ok) return { summary: { settings, holdout, ...model }, customers: [], portfolio: [] };
  const cf = book.customers;
  const money = moneyFor(config.currency);
  const f = model.figures;
  const s = f.summary;
  const cut = atRiskCut(f, cb.highValueQuantile);
  const atRisk = atRiskFlags(f, cb.pAliveThreshold, cut);
  const N = book.names;
  const customerOf = (i: number): number => s.customer[i]!;
  // money figures are published in the currency's minor unit (half to even), summed as integers;
  // metrics/money-outputs.ts turns them into major units with the rest of the metrics
  const minorOrNull = (v: number): number | null => estimateToMinor(v, money);
  const minor = (v: number): number => minorOrNull(v) ?? 0;
  const portfolio = portfolioRows(f, atRisk, [
    { level: 'owner', of: (i) => cf.owner[customerOf(i)]!, names: N.people.names },
    { level: 'team', of: (i) => cf.team[customerOf(i)]!, names: N.teams.names },
    { level: 'region', of: (i) => cf.region[customerOf(i)]!, names: N.regions.names },
  ], minor);
  const unit = daysPerUnit(cb.timeUnit);
  const iso = new Map<number, string>();
  const day = (d: number): string => iso.get(d) ?? (iso.set(d, isoDay(d)), iso.get(d)!);
  const name = (arr: readonly string[], k: number): string | null => (k !== NONE ? arr[k]! : null);
  const customers: CustomerHealthRow[] = new Array(s.n);
  for (let i = 0; i < s.n; i++) {
    const c = s.customer[i]!;
    const ifAlive = f.valueIfAlive ? f.valueIfAlive[i]! : null;
    customers[i] = {
      customer_id: cf.ids[c]!,
      owner_id: name(N.people.names, cf.owner[c]!),
      team: name(N.teams.names, cf.team[c]!),
      region: name(N.regions.names, cf.region[c]!),
      first_purchase: day(s.firstDay[i]!),
      last_purchase: day(s.lastDay[i]!),
      repeat_purchases: s.x[i]!,
      t_x: s.txDays[i]! / unit,
      T: s.TDays[i]! / unit,
      p_alive: f.pAlive[i]!,
      expected_purchases_90d: f.purchases90d[i]!,
      expected_purchases_12m: f.purchases12m[i]!,
      expected_purchase_value: f.spend ? minorOrNull(f.spend[i]!) : null,
      expected_value: f.value ? minorOrNull(f.value[i]!) : null,
      value_if_active: ifAlive !== null ? minorOrNull(ifAlive) : null,
      value_at_risk: ifAlive !== null ? minorOrNull(valueAtRisk(ifAlive, f.pAlive[i]!)) : null,
      at_risk: atRisk[i] === 1,
    };
  }
  const { figures: _f, ...fit } = model;
  return { summary: { settings, holdout, ...fit, highValueCut: cut === null ? null : minorOrNull(cut) }, customers, portfolio };
}

function holdoutOf(h: Holdout | null, last: Period | null): HoldoutResult {
  if (!last || !h) return { ok: false, period: null, reason: 'no_complete_period' };
  if (!h.ok) return { ok: false, period: last.id, reason: h.reason };
  return { ...h, period: last.id, start: isoDay(last.start), end: isoDay(last.end) };
}
