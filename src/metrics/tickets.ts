import type { Grain, KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { countRow, ratioRow, statRow } from './kpi-rows.ts';
import { emitRows, entityPeriodBuckets, HOUR_MS, periodIdsOf, regionOf, sortNumeric, staffEntities } from './period-buckets.ts';
import { quantile } from './quantile.ts';
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

interface TicketAcc {
  complaints: number;
  response: number[];
  slaDue: number;
  slaHit: number;
  resolution: number[];
  resolved: number;
  satN: number;
  satGood: number;
  categories: Map<string | null, number>;
}

const newAcc = (): TicketAcc => ({
  complaints: 0,
  response: [],
  slaDue: 0,
  slaHit: 0,
  resolution: [],
  resolved: 0,
  satN: 0,
  satGood: 0,
  categories: new Map(),
});

export interface TicketMetrics {
  kpis: KpiRow[];
  facts: TicketFact[];
  complaintCategories: ComplaintCategoryRow[];
  backlog: BacklogRow[];
  /** complaint_satisfaction with its Wilson interval, per entity × grain × period with n > 0 */
  complaintSatisfaction: SatisfactionDetailRow[];
}

export function ticketMetrics(ds: Pick<Dataset, 'tickets'>, ctx: MetricContext): TicketMetrics {
  const out: TicketMetrics = { kpis: [], facts: [], complaintCategories: [], backlog: [], complaintSatisfaction: [] };
  const t = ds.tickets;
  if (t === null) return out;
  const c = t.columns;
  const a = ctx.attribution;
  const { asOfEnd } = ctx;
  const slaMs = ctx.config.sla.responseHours * HOUR_MS;
  const idsOf = periodIdsOf(ctx.tz);
  const buckets = entityPeriodBuckets(newAcc);
  for (const e of staffEntities(a)) buckets.addEntity(e);
  const backlog = new Map<string, BacklogRow>();

  for (let i = 0; i < c.ticket_id.length; i++) {
    const opened = c.opened_at[i]!;
    if (opened > asOfEnd) continue;
    const owner = c.owner_id[i] ?? null;
    const team = a.teamOf(owner);
    const ids = idsOf(opened);
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

    for (const acc of buckets.accsOf(owner, team, regionOf(a, c.customer_id[i] ?? null, owner), ids)) {
      if (responseHours !== null) acc.response.push(responseHours);
      if (slaDue) {
        acc.slaDue++;
        if (within) acc.slaHit++;
      }
      if (complaint) {
        acc.complaints++;
        if (resolutionHours !== null) {
          acc.resolved++;
          acc.resolution.push(resolutionHours);
        }
        if (sat !== null) {
          acc.satN++;
          if (sat >= 4) acc.satGood++;
        }
        acc.categories.set(category, (acc.categories.get(category) ?? 0) + 1);
      }
    }

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
      const bucket = backlogBucket((asOfEnd - opened) / HOUR_MS);
      const k = `${owner ?? ''}|${bucket}`;
      let row = backlog.get(k);
      if (row === undefined) {
        row = { owner_id: owner, team, age_bucket: bucket, tickets: 0, complaints: 0 };
        backlog.set(k, row);
      }
      row.tickets++;
      if (complaint) row.complaints++;
    }
  }

  const minResponses = ctx.config.survey.minResponses;
  out.kpis = emitRows(ctx, buckets, (e, grain, p, acc0) => {
    const acc = acc0 ?? newAcc();
    const response = sortNumeric(acc.response);
    const resolution = sortNumeric(acc.resolution);
    if (acc.satN > 0) {
      out.complaintSatisfaction.push(shareDetail(e, null, grain, p.id, 'complaint_satisfaction', acc.satGood, acc.satN, null, minResponses));
    }
    if (acc.complaints > 0) out.complaintCategories.push(...paretoRows(e, grain, p.id, acc.categories, acc.complaints));
    return [
      countRow(e, grain, p.id, 'complaints', acc.complaints),
      statRow(e, grain, p.id, 'first_response_hours', quantile(response, 0.5), response.length),
      statRow(e, grain, p.id, 'first_response_hours_p90', quantile(response, 0.9), response.length),
      ratioRow(e, grain, p.id, 'response_sla_rate', acc.slaHit, acc.slaDue),
      statRow(e, grain, p.id, 'resolution_hours', quantile(resolution, 0.5), resolution.length),
      statRow(e, grain, p.id, 'resolution_hours_p90', quantile(resolution, 0.9), resolution.length),
      ratioRow(e, grain, p.id, 'resolution_rate', acc.resolved, acc.complaints),
      ratioRow(e, grain, p.id, 'complaint_satisfaction', acc.satGood, acc.satN),
    ];
  });
  const order = new Map<string, number>(BACKLOG_BUCKETS.map((b, i) => [b, i]));
  out.backlog = [...backlog.values()].sort(
    (x, y) => cmpNullLast(x.owner_id, y.owner_id) || order.get(x.age_bucket)! - order.get(y.age_bucket)!,
  );
  return out;
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
  categories: Map<string | null, number>,
  total: number,
): ComplaintCategoryRow[] {
  const sorted = [...categories].sort((x, y) => y[1] - x[1] || cmpNullLast(x[0], y[0]));
  let cum = 0;
  return sorted.map(([category, count], i) => {
    cum += count;
    return { ...e, grain, period, category, rank: i + 1, count, share: count / total, cumulative_share: cum / total };
  });
}
