import type { Grain, KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { CellCounters, EntityGroups, rollUp, soleMembers } from './entity-groups.ts';
import { COMPANY, ratioRow, type EntityRef } from './kpi-rows.ts';
import { isDetractor, isPromoter } from './nps-interval.ts';
import { Interner } from '../lib/interner.ts';
import { NONE } from './orders.ts';
import { staffEntities } from './period-buckets.ts';
import { eachEntitySlot, periodGrid } from './period-grid.ts';
import { npsDetail, shareDetail, type SatisfactionDetailRow } from './satisfaction-detail.ts';

export type { SatisfactionDetailRow } from './satisfaction-detail.ts';

/**
 * Survey KPIs (docs/metrics.md, "Satisfaction"): csat = responses with csat ≥ 4 / responses with
 * a csat score (Wilson 95 % interval); nps = 100 × (promoters 9–10 − detractors 0–6) / responses
 * with an nps score (adjusted-Wald interval); each dim_<name>: top-2-box share (≥ 4) with its
 * Wilson interval, the mean and n. Every figure carries n, its margin of error and a `too_few`
 * flag (n < survey.minResponses). One pass over surveys.
 *
 * Attribution: the ticket's owner when ticket_id is set and that ticket exists (and has an
 * owner), else the customer's owner (customer = the response's, else the ticket's). Region = the
 * customer's region, else the person's. A response dated after asOf is not counted. The detail
 * table also holds company-level rows per response channel (`channel` ≠ null).
 */
export interface SatisfactionMetrics {
  kpis: KpiRow[];
  detail: SatisfactionDetailRow[];
}

export function npsRow(e: EntityRef, grain: Grain, period: string, promoters: number, detractors: number, n: number): KpiRow {
  const diff = promoters - detractors;
  return n > 0
    ? { entity_type: e.entity_type, entity_id: e.entity_id, grain, period, kpi: 'nps', value: (100 * diff) / n, numerator: diff, denominator: n, n, reason: null }
    : { entity_type: e.entity_type, entity_id: e.entity_id, grain, period, kpi: 'nps', value: null, numerator: diff, denominator: n, n, reason: 'empty_denominator' };
}

// per (group, cell) counters (entity-groups.ts), then n, good, sum of each dimension (scores
// are integers 1–5, so sums are exact whatever the order of additions)
const CSAT_N = 0;
const CSAT_GOOD = 1;
const NPS_N = 2;
const PROMOTERS = 3;
const DETRACTORS = 4;
const DIMS = 5;

export function satisfactionMetrics(
  ds: Pick<Dataset, 'surveys' | 'tickets' | 'surveyDimensions'>,
  ctx: MetricContext,
): SatisfactionMetrics {
  const s = ds.surveys;
  if (s === null) return { kpis: [], detail: [] };
  const a = ctx.attribution;
  const c = s.columns;
  const dimNames = ds.surveyDimensions;
  const dimCols = dimNames.map(
    (name) => (c as unknown as Record<string, (number | null)[] | undefined>)[`dim_${name}`] ?? [],
  );
  const width = DIMS + 3 * dimNames.length;

  const tc = ds.tickets?.columns;
  const ticketRowOf = tc ? lastRowOf(tc.ticket_id) : null;
  const ticketCustomerRows = tc ? a.customerRowsOf(tc.customer_id) : null;
  const customerRows = a.customerRowsOf(c.customer_id);

  const grid = periodGrid(ctx);
  const groups = new EntityGroups(a.teamOf);
  for (const e of staffEntities(a)) groups.entity(e);
  const counters = new CellCounters(grid.cells, width);
  // Company-level figures per response channel (detail rows with `channel` set): counted like
  // groups, by channel number and cell.
  const channelIds = new Map<string, number>();
  const channels = new CellCounters(grid.cells, width);

  for (let i = 0; i < c.response_id.length; i++) {
    const at = c.responded_at[i]!;
    if (at > ctx.asOfEnd) continue;
    const tid = c.ticket_id[i] ?? null;
    const tr = tid === null || ticketRowOf === null ? -1 : ticketRowOf.rowOf(tid);
    // the response's customer, else the ticket's (one id lookup each, remembered per column)
    const row = (c.customer_id[i] ?? null) !== null ? customerRows[i]! : tr < 0 ? -1 : ticketCustomerRows![tr]!;
    const ticketOwner = tr < 0 ? null : (tc!.owner_id[tr] ?? null);
    const owner = ticketOwner ?? a.ownerOfRow(row);
    const g = groups.group(owner, a.regionOfRow(row) ?? a.regionOfStaff(owner));
    const cell = grid.cellOfDay(ctx.tz.dayOf(at));
    const channel = c.channel[i] ?? null;
    let ch = -1;
    if (channel !== null) {
      ch = channelIds.get(channel) ?? -1;
      if (ch < 0) channelIds.set(channel, (ch = channelIds.size));
    }
    if (cell < 0) continue;
    add(counters, g, cell, c.csat[i] ?? null, c.nps[i] ?? null, dimCols, i);
    if (ch >= 0) add(channels, ch, cell, c.csat[i] ?? null, c.nps[i] ?? null, dimCols, i);
  }

  const min = ctx.config.survey.minResponses;
  const detail: SatisfactionDetailRow[] = [];
  const S = grid.slots;
  const details = (sums: Float64Array, e: EntityRef, t: number, channel: string | null): void => {
    const grain = grid.slotGrain[t % S]!;
    const period = grid.slotPeriod[t % S]!.id;
    const k = t * width;
    const csatN = sums[k + CSAT_N]!;
    const npsN = sums[k + NPS_N]!;
    if (csatN > 0) detail.push(shareDetail(e, channel, grain, period, 'csat', sums[k + CSAT_GOOD]!, csatN, null, min));
    if (npsN > 0) detail.push(npsDetail(e, channel, grain, period, sums[k + PROMOTERS]!, sums[k + DETRACTORS]!, npsN, min));
    for (let d = 0; d < dimNames.length; d++) {
      const dn = sums[k + DIMS + 3 * d]!;
      if (dn > 0) {
        const mean = sums[k + DIMS + 3 * d + 2]! / dn;
        detail.push(shareDetail(e, channel, grain, period, `dim_${dimNames[d]!}`, sums[k + DIMS + 3 * d + 1]!, dn, mean, min));
      }
    }
  };

  const sums = rollUp(groups.members, groups.count, grid, counters, groups.refs.length);
  const kpis: KpiRow[] = [];
  eachEntitySlot(groups.refs, grid, (e, t, grain, period) => {
    details(sums, e, t, null);
    const k = t * width;
    kpis.push(
      ratioRow(e, grain, period, 'csat', sums[k + CSAT_GOOD]!, sums[k + CSAT_N]!),
      npsRow(e, grain, period, sums[k + PROMOTERS]!, sums[k + DETRACTORS]!, sums[k + NPS_N]!),
    );
  });
  // per channel: channel number ch is "entity" ch of the per-channel sums
  const nCh = channelIds.size;
  const chSums = rollUp(soleMembers(nCh), nCh, grid, channels, nCh);
  for (const [channel, ch] of channelIds) for (let sl = 0; sl < S; sl++) details(chSums, COMPANY, ch * S + sl, channel);
  return { kpis, detail };
}

/** One response into the counters of (g, cell). */
function add(
  counters: CellCounters,
  g: number,
  cell: number,
  csat: number | null,
  nps: number | null,
  dimCols: readonly (readonly (number | null)[])[],
  i: number,
): void {
  if (csat !== null) {
    counters.add(g, cell, CSAT_N);
    if (csat >= 4) counters.add(g, cell, CSAT_GOOD);
  }
  if (nps !== null) {
    counters.add(g, cell, NPS_N);
    if (isPromoter(nps)) counters.add(g, cell, PROMOTERS);
    else if (isDetractor(nps)) counters.add(g, cell, DETRACTORS);
  }
  for (let d = 0; d < dimCols.length; d++) {
    const v = dimCols[d]![i];
    if (v === null || v === undefined) continue;
    const o = DIMS + 3 * d;
    counters.add(g, cell, o);
    counters.add(g, cell, o + 2, v);
    if (v >= 4) counters.add(g, cell, o + 1);
  }
}

/** id → its last row (as a Map filled in file order would keep), through an Interner. */
function lastRowOf(ids: readonly string[]): { rowOf(id: string): number } {
  const names = new Interner(ids.length);
  const last = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) last[names.id(ids[i]!)] = i;
  return {
    rowOf: (id) => {
      const k = names.get(id);
      return k === NONE ? -1 : last[k]!;
    },
  };
}
