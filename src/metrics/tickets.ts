import type { Grain, KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { CellCounters, EntityGroups, rollUp, targetsOf } from './entity-groups.ts';
import { countRow, ratioRow, statRow } from './kpi-rows.ts';
import { ascendingOrder, StreamingQuantiles } from './order-statistics.ts';
import { HOUR_MS, periodIdsOfDay, staffEntities } from './period-buckets.ts';
import { eachEntitySlot, periodGrid, type PeriodGrid } from './period-grid.ts';
import { shareDetail, type SatisfactionDetailRow } from './satisfaction-detail.ts';

/**
 * Ticket KPIs (docs/metrics.md, "Service and follow-up"): complaints, first response time
 * (median, p90), 24 h response SLA, complaint resolution time (median, p90), resolution rate,
 * complaint-handling satisfaction; plus per-ticket facts, complaint categories (Pareto) and the
 * open backlog at asOf. One pass over tickets.
 *
 * "As of" rules: a ticket opened after asOf is not counted; a response or resolution stamped
 * after asOf has not happened yet; a first_response_at / resolved_at earlier than opened_at is
 * inconsistent and read as missing. Hours are calendar hours.
 */

/** Per-ticket facts for distribution charts (no personal data). */
export interface TicketFact {
  ticket_id: string;
  owner_id: string | null;
  team: string | null;
  period_month: string;
  period_quarter: string;
  type: string | null;
  category: string | null;
  channel: string | null;
  /** hours from opening to first response (by asOf), null without one */
  response_hours: number | null;
  /** hours from opening to resolution (by asOf), null when unresolved */
  resolution_hours: number | null;
  /** true = answered within sla.responseHours; false = deadline passed without; null = still open to answer */
  responded_within_sla: boolean | null;
  /** the response deadline (opened_at + sla.responseHours) has passed by asOf: in the SLA denominator */
  sla_due: boolean;
}

/** Complaint categories per entity and period, ranked for a Pareto chart. */
export interface ComplaintCategoryRow {
  entity_type: KpiRow['entity_type'];
  entity_id: string;
  grain: Grain;
  period: string;
  /** null = no category recorded */
  category: string | null;
  /** 1 = most frequent; ties by category name, null last */
  rank: number;
  count: number;
  /** count / complaints of the entity in the period */
  share: number;
  /** shares of this and every higher-ranked category */
  cumulative_share: number;
}

export const BACKLOG_BUCKETS = ['lt_1d', '1_3d', '3_7d', '7_30d', 'gt_30d'] as const;
export type BacklogBucket = (typeof BACKLOG_BUCKETS)[number];

/** Tickets open at asOf (opened by asOf, not resolved by asOf), by owner and age. */
export interface BacklogRow {
  /** null = unassigned */
  owner_id: string | null;
  team: string | null;
  /** age = asOf end − opened_at: < 1 day, 1–3, 3–7, 7–30, > 30 days (lower bound inclusive) */
  age_bucket: BacklogBucket;
  tickets: number;
  complaints: number;
}

export function backlogBucket(ageHours: number): BacklogBucket {
  if (ageHours < 24) return 'lt_1d';
  if (ageHours < 72) return '1_3d';
  if (ageHours < 168) return '3_7d';
  if (ageHours < 720) return '7_30d';
  return 'gt_30d';
}

export interface TicketMetrics {
  kpis: KpiRow[];
  facts: TicketFact[];
  complaintCategories: ComplaintCategoryRow[];
  backlog: BacklogRow[];
  /** complaint_satisfaction with its Wilson interval, per entity × grain × period with n > 0 */
  complaintSatisfaction: SatisfactionDetailRow[];
}

// per (group, cell) counters (entity-groups.ts)
const COMPLAINTS = 0;
const RESPONSES = 1;
const SLA_DUE = 2;
const SLA_HIT = 3;
const RESOLVED = 4;
const SAT_N = 5;
const SAT_GOOD = 6;
const WIDTH = 7;
const QUANTILES = [0.5, 0.9];

export function ticketMetrics(ds: Pick<Dataset, 'tickets'>, ctx: MetricContext): TicketMetrics {
  const out: TicketMetrics = { kpis: [], facts: [], complaintCategories: [], backlog: [], complaintSatisfaction: [] };
  const t = ds.tickets;
  if (t === null) return out;
  const c = t.columns;
  const a = ctx.attribution;
  const { asOfEnd, tz } = ctx;
  const slaMs = ctx.config.sla.responseHours * HOUR_MS;
  const idsOfDay = periodIdsOfDay();
  const grid = periodGrid(ctx);
  const groups = new EntityGroups(a.teamOf);
  for (const e of staffEntities(a)) groups.entity(e);
  const counters = new CellCounters(grid.cells, WIDTH);
  const customerRows = a.customerRowsOf(c.customer_id);
  const backlog = new Map<string, (BacklogRow | undefined)[]>();
  const n = c.ticket_id.length;
  // Per ticket in a reported period: its group and cell (−1: not counted); response and
  // resolution hours (NaN: none) for the quantiles; complaint category number.
  const groupOf = new Int32Array(n).fill(-1);
  const cellOf = new Int32Array(n);
  const responseOf = new Float64Array(n);
  const resolutionOf = new Float64Array(n);
  const categoryOf = new Int32Array(n).fill(-1);
  const categoryIds = new Map<string | null, number>();
  const categories: (string | null)[] = [];

  for (let i = 0; i < n; i++) {
    const opened = c.opened_at[i]!;
    if (opened > asOfEnd) continue;
    const owner = c.owner_id[i] ?? null;
    const team = a.teamOf(owner);
    const day = tz.dayOf(opened);
    const type = c.type[i] ?? null;
    const complaint = type === 'complaint';
    const category = c.category[i] ?? null;

    const resp = c.first_response_at[i] ?? null;
    const responseHours = resp !== null && resp <= asOfEnd && resp >= opened ? (resp - opened) / HOUR_MS : null;
    const deadline = opened + slaMs;
    const slaDue = deadline <= asOfEnd;
    // "within" is inclusive: a response exactly at the deadline is a hit.
    const within = responseHours !== null && resp! <= deadline;
    const res = c.resolved_at[i] ?? null;
    const resolutionHours = res !== null && res <= asOfEnd && res >= opened ? (res - opened) / HOUR_MS : null;
    const sat = c.satisfaction[i] ?? null;

    // region: the customer's, else the owner's
    const g = groups.group(owner, a.regionOfRow(customerRows[i]!) ?? a.regionOfStaff(owner));
    const cell = grid.cellOfDay(day);
    if (cell >= 0) {
      groupOf[i] = g;
      cellOf[i] = cell;
      if (responseHours !== null) counters.add(g, cell, RESPONSES);
      responseOf[i] = responseHours ?? NaN;
      resolutionOf[i] = NaN;
      if (slaDue) {
        counters.add(g, cell, SLA_DUE);
        if (within) counters.add(g, cell, SLA_HIT);
      }
      if (complaint) {
        counters.add(g, cell, COMPLAINTS);
        if (resolutionHours !== null) {
          counters.add(g, cell, RESOLVED);
          resolutionOf[i] = resolutionHours;
        }
        if (sat !== null) {
          counters.add(g, cell, SAT_N);
          if (sat >= 4) counters.add(g, cell, SAT_GOOD);
        }
        let cat = categoryIds.get(category);
        if (cat === undefined) {
          categoryIds.set(category, (cat = categories.length));
          categories.push(category);
        }
        categoryOf[i] = cat;
      }
    }

    const ids = idsOfDay(day);
    out.facts.push({
      ticket_id: c.ticket_id[i]!,
      owner_id: owner,
      team,
      period_month: ids.month,
      period_quarter: ids.quarter,
      type,
      category,
      channel: c.channel[i] ?? null,
      response_hours: responseHours,
      resolution_hours: resolutionHours,
      responded_within_sla: within ? true : slaDue ? false : null,
      sla_due: slaDue,
    });

    if (resolutionHours === null) {
      const bucket = backlogBucketIndex((asOfEnd - opened) / HOUR_MS);
      const k = owner ?? ''; // rows keyed by (owner ?? '', bucket), as they always were
      let rows = backlog.get(k);
      if (rows === undefined) backlog.set(k, (rows = []));
      let row = rows[bucket];
      if (row === undefined) rows[bucket] = row = { owner_id: owner, team, age_bucket: BACKLOG_BUCKETS[bucket]!, tickets: 0, complaints: 0 };
      row.tickets++;
      if (complaint) row.complaints++;
    }
  }

  const { members, refs } = groups;
  const sums = rollUp(members, groups.count, grid, counters, refs.length);
  const response = quantilesOf(members, grid, sums, RESPONSES, groupOf, cellOf, responseOf);
  const resolution = quantilesOf(members, grid, sums, RESOLVED, groupOf, cellOf, resolutionOf);
  const categoriesOf = categoryCounts(members, grid, refs.length * grid.slots, groupOf, cellOf, categoryOf, categories.length);

  const minResponses = ctx.config.survey.minResponses;
  eachEntitySlot(refs, grid, (e, t, grain, p) => {
    const k = t * WIDTH;
    const complaints = sums[k + COMPLAINTS]!;
    const nResponse = sums[k + RESPONSES]!;
    const resolved = sums[k + RESOLVED]!;
    const satN = sums[k + SAT_N]!;
    const satGood = sums[k + SAT_GOOD]!;
    if (satN > 0) out.complaintSatisfaction.push(shareDetail(e, null, grain, p, 'complaint_satisfaction', satGood, satN, null, minResponses));
    if (complaints > 0) {
      const counts = categoriesOf(t).map(([cat, count]): [string | null, number] => [categories[cat]!, count]);
      for (const r of paretoRows(e, grain, p, counts, complaints)) out.complaintCategories.push(r);
    }
    out.kpis.push(
      countRow(e, grain, p, 'complaints', complaints),
      statRow(e, grain, p, 'first_response_hours', response.get(t, 0), nResponse),
      statRow(e, grain, p, 'first_response_hours_p90', response.get(t, 1), nResponse),
      ratioRow(e, grain, p, 'response_sla_rate', sums[k + SLA_HIT]!, sums[k + SLA_DUE]!),
      statRow(e, grain, p, 'resolution_hours', resolution.get(t, 0), resolved),
      statRow(e, grain, p, 'resolution_hours_p90', resolution.get(t, 1), resolved),
      ratioRow(e, grain, p, 'resolution_rate', resolved, complaints),
      ratioRow(e, grain, p, 'complaint_satisfaction', satGood, satN),
    );
  });
  out.backlog = [...backlog.values()]
    .flatMap((rows) => rows.filter((r) => r !== undefined))
    .sort((x, y) => cmpNullLast(x.owner_id, y.owner_id) || BACKLOG_BUCKETS.indexOf(x.age_bucket) - BACKLOG_BUCKETS.indexOf(y.age_bucket));
  return out;
}

/** backlogBucket as an index into BACKLOG_BUCKETS */
function backlogBucketIndex(ageHours: number): number {
  return BACKLOG_BUCKETS.indexOf(backlogBucket(ageHours));
}

/**
 * Median and p90 of the non-NaN `values` of counted tickets per (entity, slot); `sums` holds
 * each (entity, slot)'s number of such values at counter `countAt`.
 */
function quantilesOf(
  members: Int32Array,
  grid: PeriodGrid,
  sums: Float64Array,
  countAt: number,
  groupOf: Int32Array,
  cellOf: Int32Array,
  values: Float64Array,
): StreamingQuantiles {
  const sizes = new Float64Array(sums.length / WIDTH);
  for (let t = 0; t < sizes.length; t++) sizes[t] = sums[t * WIDTH + countAt]!;
  const q = new StreamingQuantiles(sizes, QUANTILES);
  const rows: number[] = [];
  for (let i = 0; i < values.length; i++) if (groupOf[i]! >= 0 && !Number.isNaN(values[i]!)) rows.push(i);
  const vs = new Float64Array(rows.length);
  for (let j = 0; j < rows.length; j++) vs[j] = values[rows[j]!]!;
  const targets = new Int32Array(12);
  for (const j of ascendingOrder(vs)) {
    const i = rows[j]!;
    q.add(targets, targetsOf(members, grid, groupOf[i]!, cellOf[i]!, targets), vs[j]!);
  }
  return q;
}

/**
 * Complaints per (entity, slot) and category, as [category number, count] lists per entity ×
 * slots + slot: the (target, category) pairs of the complaints sorted by target (counting
 * sort), then tallied per target. Linear in complaints × 12, whatever the number of categories.
 */
function categoryCounts(
  members: Int32Array,
  grid: PeriodGrid,
  nTargets: number,
  groupOf: Int32Array,
  cellOf: Int32Array,
  categoryOf: Int32Array,
  nCategories: number,
): (t: number) => [number, number][] {
  const start = new Int32Array(nTargets + 1);
  const targets = new Int32Array(12);
  for (let i = 0; i < categoryOf.length; i++) {
    if (categoryOf[i]! < 0) continue;
    const n = targetsOf(members, grid, groupOf[i]!, cellOf[i]!, targets);
    for (let u = 0; u < n; u++) start[targets[u]! + 1]!++;
  }
  for (let t = 0; t < nTargets; t++) start[t + 1]! += start[t]!;
  const next = start.slice(0, nTargets);
  const cats = new Int32Array(start[nTargets]!);
  for (let i = 0; i < categoryOf.length; i++) {
    const k = categoryOf[i]!;
    if (k < 0) continue;
    const n = targetsOf(members, grid, groupOf[i]!, cellOf[i]!, targets);
    for (let u = 0; u < n; u++) cats[next[targets[u]!]!++] = k;
  }
  const tally = new Int32Array(nCategories);
  return (t) => {
    const out: [number, number][] = [];
    for (let j = start[t]!; j < start[t + 1]!; j++) if (tally[cats[j]!]!++ === 0) out.push([cats[j]!, 0]);
    for (const pair of out) {
      pair[1] = tally[pair[0]]!;
      tally[pair[0]] = 0;
    }
    return out;
  };
}

function cmpNullLast(x: string | null, y: string | null): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -1 : 1;
}

function paretoRows(
  e: { entity_type: KpiRow['entity_type']; entity_id: string },
  grain: Grain,
  period: string,
  categories: [string | null, number][],
  total: number,
): ComplaintCategoryRow[] {
  const sorted = categories.sort((x, y) => y[1] - x[1] || cmpNullLast(x[0], y[0]));
  let cum = 0;
  return sorted.map(([category, count], i) => {
    cum += count;
    return { entity_type: e.entity_type, entity_id: e.entity_id, grain, period, category, rank: i + 1, count, share: count / total, cumulative_share: cum / total };
  });
}
