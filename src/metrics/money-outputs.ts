import { divideHalfEven, roundHalfEven, toMajor, type Money } from '../lib/money.ts';
import type { KpiRow } from '../model/kpi.ts';
import { kpiCatalogue } from './kpi-catalogue.ts';

/**
 * The one place where the metrics stage turns money from integer minor units (every sum up to
 * here is an exact integer: lib/money.ts) into major units, for everything after it (cache,
 * scoring, bundle, pages) — docs/metrics.md#money:
 *
 * - a sum (revenue, monetary, Σ M of a segment, tier and cohort revenue) is divided once, so its
 *   text is exact (at most the currency's decimals, no binary residue);
 * - an average or a quantile of amounts (AOV, member AOV, RFM M edges) is rounded half to even
 *   to the minor unit first, from the integer sum and count (divideHalfEven), then divided;
 * - a ratio of two amounts (returning_revenue_share) keeps its value and publishes its parts in
 *   major units;
 * - the customer-base models' estimates (value if active, value at risk, their portfolio sums, the
 *   high-value cut) arrive rounded half to even to the minor unit and summed as integers there.
 *
 * The result is changed in place (its arrays are fresh from computeMetricsWithBook).
 */
const CURRENCY_KPIS: ReadonlySet<string> = new Set(kpiCatalogue.filter((k) => k.unit === 'currency').map((k) => k.id));
/** KPIs whose numerator and denominator are amounts of money while the value is not */
const MONEY_PARTS: ReadonlySet<string> = new Set(kpiCatalogue.filter((k) => k.parts === 'currency').map((k) => k.id));

export function kpiRowToMajor(r: KpiRow, m: Money): void {
  if (CURRENCY_KPIS.has(r.kpi)) {
    if (r.value !== null) {
      // a ratio of an integer sum and a count: rounded from the integers themselves
      const minor = r.numerator !== null && r.denominator !== null && r.denominator > 0
        ? divideHalfEven(r.numerator, r.denominator)
        : roundHalfEven(r.value);
      r.value = toMajor(minor, m);
    }
    if (r.numerator !== null) r.numerator = toMajor(r.numerator, m);
  } else if (MONEY_PARTS.has(r.kpi)) {
    if (r.numerator !== null) r.numerator = toMajor(r.numerator, m);
    if (r.denominator !== null) r.denominator = toMajor(r.denominator, m);
  }
}

/** An amount of minor units that may be a quantile or an average: rounded half to even, then major. */
const roundedToMajor = (x: number, m: Money): number => toMajor(roundHalfEven(x), m);

/** The money fields of MetricsResult (index.ts), named here so this file does not import it. */
export interface MoneyTables {
  kpis: KpiRow[];
  cohorts: { revenue: number }[];
  customers: { monetary: number | null; value_revenue: number }[];
  rfmEdges: { monetary: number[] };
  segments: { rows: { revenue: number }[]; atRiskValue: number };
  valueTierSummary: { revenue: number }[];
  customerBase: {
    summary: { ok: boolean; highValueCut?: number | null };
    customers: { expected_purchase_value: number | null; expected_value: number | null; value_if_active: number | null; value_at_risk: number | null }[];
    portfolio: { value: number | null; valueAtRisk: number | null }[];
  };
}

const major = (v: number | null, m: Money): number | null => (v === null ? null : toMajor(v, m));

export function metricsToMajor(r: MoneyTables, m: Money): void {
  for (const k of r.kpis) kpiRowToMajor(k, m);
  for (const c of r.cohorts) c.revenue = toMajor(c.revenue, m);
  for (const c of r.customers) {
    if (c.monetary !== null) c.monetary = toMajor(c.monetary, m);
    c.value_revenue = toMajor(c.value_revenue, m);
  }
  r.rfmEdges.monetary = r.rfmEdges.monetary.map((e) => roundedToMajor(e, m));
  for (const s of r.segments.rows) s.revenue = toMajor(s.revenue, m);
  r.segments.atRiskValue = toMajor(r.segments.atRiskValue, m);
  for (const t of r.valueTierSummary) t.revenue = toMajor(t.revenue, m);
  // the customer-base models' money estimates, already rounded to the minor unit (customer-base/index.ts)
  const cb = r.customerBase;
  if (cb.summary.highValueCut !== undefined) cb.summary.highValueCut = major(cb.summary.highValueCut, m);
  for (const c of cb.customers) {
    c.expected_purchase_value = major(c.expected_purchase_value, m);
    c.expected_value = major(c.expected_value, m);
    c.value_if_active = major(c.value_if_active, m);
    c.value_at_risk = major(c.value_at_risk, m);
  }
  for (const p of cb.portfolio) {
    p.value = major(p.value, m);
    p.valueAtRisk = major(p.valueAtRisk, m);
  }
}
