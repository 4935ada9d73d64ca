import type { Config } from '../config/schema.ts';
import { isoDay } from '../lib/time-zone.ts';
import type { KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import { monthTable, periodIndex } from './calendar.ts';
import { cohortRetention, type CohortCell } from './cohort-retention.ts';
import { metricContext, type MetricContext } from './context.ts';
import { statusCounts, type StatusCount } from './customer-status.ts';
import { customerTierRows, type CustomerTierRow } from './customer-tier-rows.ts';
import { entityIndex } from './entity-index.ts';
import { sortKpiRows } from './kpi-rows.ts';
import { lifecycleKpis, lifecycleOrderFacts } from './lifecycle.ts';
import { NONE, ordersFromLines, releaseOrderLines, type OrderBook } from './orders.ts';
import type { Period } from './periods.ts';
import { rfm, type RfmEdges } from './rfm.ts';
import { snapshotDays, snapshotTiers, tierMigration, tierSnapshotsOf, type MigrationCell, type MigrationResult } from './tier-migration.ts';
import { pareto, tierSummary, windowRevenue, type ParetoPoint, type TierSummary } from './value-tiers.ts';
import { segmentSummary, type SegmentsSummary } from './segment-summary.ts';
import { computeCustomerBase, customerBaseJob, type CustomerBaseResult } from './customer-base/index.ts';
import { sideWorker, type StartSideThread } from './side-thread.ts';
import { metricsToMajor } from './money-outputs.ts';

/**
 * The metrics stage, order/customer half: computeMetrics(ds, config) → MetricsResult.
 *
 * Order lines are reduced once to typed-array order and per-customer facts (orders.ts); every
 * family reads those. Table work after that is Arquero's where it costs nothing that matters: a
 * single group-by over the per-customer table (segment-summary.ts, the value-tier summary), about
 * 20–30 ms CPU at 1M lines. Arquero keys every row of a group-by as a string (≈0.7 µs a row and
 * grouping on this machine), so groupings repeated per dimension or level over 10⁵–10⁶ rows stay
 * hand loops, each with its measured cost beside it: cohorts (cohort-retention.ts), status counts
 * (customer-status.ts), the customer-base portfolio (customer-base/portfolio.ts), KPI rows per
 * entity (lifecycle.ts's fold, period-grid.ts eachEntitySlot). The families
 * that sweep sorted per-customer runs (lifecycle, RFM, tiers, migration) are loops by nature.
 */

export type { CustomerTierRow } from './customer-tier-rows.ts';

export type { SegmentSummaryRow, SegmentsSummary } from './segment-summary.ts';

export interface MetricsResult {
  /** YYYY-MM-DD */
  asOf: string;
  asOfDay: number;
  periods: { month: Period[]; quarter: Period[]; year: Period[] };
  /** the long KPI table, sorted by compareKpiRows */
  kpis: KpiRow[];
  cohorts: CohortCell[];
  customers: CustomerTierRow[];
  statusCounts: StatusCount[];
  rfmEdges: RfmEdges;
  segments: SegmentsSummary;
  valueTierSummary: TierSummary[];
  pareto: ParetoPoint[];
  migration: MigrationResult;
  /** BG/NBD, Gamma-Gamma, customer value (customer-base/index.ts) */
  customerBase: CustomerBaseResult;
}

/** Optional stage timing (the bench passes one; the build may pass its progress reporter). */
export interface StageTimer {
  stage(name: string): void;
}


export interface MetricsOptions {
  /**
   * The caller hands over the dataset's order line table: it is emptied (rows 0, column arrays
   * cut to length 0) as soon as the lines are reduced to orders, the only step that reads them.
   * At 5M lines the line table is over half the heap; the build and the bench set this.
   */
  releaseOrderLines?: boolean;
  /** called right after the lines are released (the build passes a garbage collection) */
  afterRelease?: () => void;
  /**
   * Where the value-tier snapshots, the cohorts and the customer-base models are computed (side-thread.ts): by
   * default on a second thread from SIDE_THREAD_MIN_LINES order lines on, here below that (a
   * thread costs about 0.1 s to start); null: always here, in the order of the stage.
   */
  sideThread?: StartSideThread | null;
}

/**
 * From this many order lines the tier snapshots, the cohorts and the customer-base models run on
 * a second thread while this one computes the other families (at 1M lines they are about 1.5 s of
 * the stage's 4.2 s; docs/development.md, "Performance").
 */
export const SIDE_THREAD_MIN_LINES = 200_000;

export function computeMetrics(ds: Dataset, config: Config, timer?: StageTimer): MetricsResult {
  return computeMetricsWithBook(ds, config, timer).result;
}

/**
 * computeMetrics plus the context and order book it built, so the service/channel families can
 * reuse them (computeServiceMetrics(ds, ctx, book)) instead of rebuilding the book from the
 * lines — that is 1–4 s at 5M lines. The book is typed arrays: keep it out of caches.
 */
export function computeMetricsWithBook(
  ds: Dataset,
  config: Config,
  timer?: StageTimer,
  opts: MetricsOptions = {},
): { result: MetricsResult; ctx: MetricContext; book: OrderBook } {
  const ctx = metricContext(ds, config);
  const { asOfDay } = ctx;
  // started before the lines are reduced: the thread loads its modules meanwhile
  const side = (opts.sideThread === undefined ? (ds.orders.rows >= SIDE_THREAD_MIN_LINES ? sideWorker : null) : opts.sideThread)?.() ?? null;
  timer?.stage('context');
  const book = ordersFromLines(ds, ctx.tz, ctx.attribution, ctx.asOfEnd);
  if (opts.releaseOrderLines) {
    releaseOrderLines(ds.orders);
    if (ds.customerIndex) delete ds.customerIndex.codes.orders;
    opts.afterRelease?.();
  }
  timer?.stage('orders');
  const cf = book.customers;
  let lowDay = ctx.firstDay;
  for (let c = 0; c < cf.count; c++) if (cf.createdDay[c] !== NONE && cf.createdDay[c]! < lowDay) lowDay = cf.createdDay[c]!;
  const monthOf = monthTable(lowDay, asOfDay);
  const ents = entityIndex(book);
  timer?.stage('entities');
  const pis = {
    month: periodIndex(ctx.firstDay, asOfDay, 'month', monthOf),
    quarter: periodIndex(ctx.firstDay, asOfDay, 'quarter', monthOf),
    year: periodIndex(ctx.firstDay, asOfDay, 'year', monthOf),
  };
  const settings = {
    dormantDays: config.dormantDays,
    lostDays: config.lostDays,
    repeatWindowMonths: config.repeatWindowMonths,
    newCustomerBasis: config.newCustomerBasis,
  };
  const vt = config.valueTier;
  // the tier snapshots (from the day before the first year period) and the models, on the side thread
  const snapDays = snapshotDays(pis.year.starts[0]!, pis.month);
  const fitJob = side ? customerBaseJob(book, asOfDay, config, pis[config.kpiGrain].periods) : null;
  if (side && fitJob) {
    side.send({
      facts: cf,
      names: { people: { names: book.names.people.names }, teams: { names: book.names.teams.names }, regions: { names: book.names.regions.names }, channels: { names: book.names.channels.names } },
      tiers: { days: snapDays, windowMonths: vt.windowMonths, cuts: vt.cuts }, cohorts: { asOfDay, lowDay }, fit: fitJob.job,
    });
  }
  const kpis: KpiRow[] = [];
  const orderFacts = lifecycleOrderFacts(book, ents);
  for (const g of ['month', 'quarter', 'year'] as const) for (const r of lifecycleKpis(book, ents, pis[g], settings, orderFacts)) kpis.push(r);
  timer?.stage('lifecycle');

  const snaps = tierSnapshotsOf(snapDays, side ? side.tiers() : snapshotTiers(cf, snapDays, vt.windowMonths, vt.cuts));
  const cells: MigrationCell[] = [];
  for (const g of ['month', 'quarter', 'year'] as const) {
    const withMatrix = g === 'month' || g === config.kpiGrain;
    const m = tierMigration(cf, ents, pis[g], snaps, withMatrix, isoDay);
    for (const r of m.rows) kpis.push(r);
    for (const c of m.cells) cells.push(c);
  }
  timer?.stage('tiers');

  // ── Service, satisfaction and channel KPI rows are added here by the lead ──────────────────
  // `ctx` and the order `book` are in scope, e.g.
  //   const service = computeServiceMetrics(ds, ctx, book);   // src/metrics/service-facade.ts
  //   for (const r of service.kpis) kpis.push(r);             // (and add `service` to the result)
  // Rows pushed here are sorted with the rest just below.
  // ──────────────────────────────────────────────────────────────────────────────────────────

  sortKpiRows(kpis);
  timer?.stage('kpi-sort');

  const cohorts = side ? side.cohorts() : cohortRetention(book, asOfDay, monthOf);
  timer?.stage('cohorts');

  const rf = rfm(cf, asOfDay, config.rfm.windowMonths, config.rfm.grid);
  const valueTiers = snaps.at(asOfDay);
  const valueRevenue = windowRevenue(cf, asOfDay, config.valueTier.windowMonths);
  timer?.stage('rfm');

  const { customers, statuses } = customerTierRows(ds, book, rf, valueTiers, valueRevenue, asOfDay, settings);

  const segments = segmentSummary(rf.scores, config.rfm.grid);
  // Prospects and lapsed customers count in `none` only if they ever purchased by asOf.
  const valueTierSummary = tierSummary(valueTiers, valueRevenue, cf.firstPurchaseDay);
  timer?.stage('customers');
  const customerBase = computeCustomerBase(book, asOfDay, config, pis[config.kpiGrain].periods, timer, side && fitJob ? { job: fitJob, take: () => side.fit() } : undefined);
  const result: MetricsResult = {
    asOf: isoDay(asOfDay),
    asOfDay,
    periods: { month: pis.month.periods, quarter: pis.quarter.periods, year: pis.year.periods },
    kpis,
    cohorts,
    customers,
    statusCounts: statusCounts(statuses, ents),
    rfmEdges: rf.edges,
    segments,
    valueTierSummary,
    pareto: pareto(valueRevenue),
    migration: { valueTiers: cells, memberLevels: null, memberLevelsReason: 'needs_member_level_history' },
    customerBase,
  };
  metricsToMajor(result, ctx.money);
  timer?.stage('customer-rows');
  return { result, ctx, book };
}
