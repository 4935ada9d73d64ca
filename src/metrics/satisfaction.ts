import type { Grain, KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { COMPANY, ratioRow, type EntityRef } from './kpi-rows.ts';
import { isDetractor, isPromoter } from './nps-interval.ts';
import { emitRows, entityPeriodBuckets, periodIdsOf, regionOfRow, staffEntities, type EntityPeriodBuckets } from './period-buckets.ts';
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
interface DimAcc {
  n: number;
  good: number;
  sum: number;
}
interface SurveyAcc {
  csatN: number;
  csatGood: number;
  npsN: number;
  promoters: number;
  detractors: number;
  dims: DimAcc[];
}

export interface SatisfactionMetrics {
  kpis: KpiRow[];
  detail: SatisfactionDetailRow[];
}

export function npsRow(e: EntityRef, grain: Grain, period: string, promoters: number, detractors: number, n: number): KpiRow {
  const diff = promoters - detractors;
  return n > 0
    ? { ...e, grain, period, kpi: 'nps', value: (100 * diff) / n, numerator: diff, denominator: n, n, reason: null }
    : { ...e, grain, period, kpi: 'nps', value: null, numerator: diff, denominator: n, n, reason: 'empty_denominator' };
}

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
  const newAcc = (): SurveyAcc => ({
    csatN: 0,
    csatGood: 0,
    npsN: 0,
    promoters: 0,
    detractors: 0,
    dims: dimNames.map(() => ({ n: 0, good: 0, sum: 0 })),
  });

  const ticketRowOf = new Map<string, number>();
  const tc = ds.tickets?.columns;
  if (tc) for (let i = 0; i < tc.ticket_id.length; i++) ticketRowOf.set(tc.ticket_id[i]!, i);

  const idsOf = periodIdsOf(ctx.tz);
  const buckets = entityPeriodBuckets(newAcc);
  for (const e of staffEntities(a)) buckets.addEntity(e);
  const byChannel = new Map<string, EntityPeriodBuckets<SurveyAcc>>();
  const company = [COMPANY];
  const scores: (number | null)[] = dimNames.map(() => null);

  for (let i = 0; i < c.response_id.length; i++) {
    const at = c.responded_at[i]!;
    if (at > ctx.asOfEnd) continue;
    const tid = c.ticket_id[i] ?? null;
    const tr = tid === null || !tc ? undefined : ticketRowOf.get(tid);
    const customer = c.customer_id[i] ?? (tr === undefined ? null : (tc!.customer_id[tr] ?? null));
    const ticketOwner = tr === undefined ? null : (tc!.owner_id[tr] ?? null);
    // one id lookup for the customer's owner and region
    const row = customer === null ? -1 : a.customerRow(customer);
    const owner = ticketOwner ?? a.ownerOfRow(row);
    const csat = c.csat[i] ?? null;
    const nps = c.nps[i] ?? null;
    for (let d = 0; d < dimCols.length; d++) scores[d] = dimCols[d]![i] ?? null;
    const add = (acc: SurveyAcc): void => {
      if (csat !== null) {
        acc.csatN++;
        if (csat >= 4) acc.csatGood++;
      }
      if (nps !== null) {
        acc.npsN++;
        if (isPromoter(nps)) acc.promoters++;
        else if (isDetractor(nps)) acc.detractors++;
      }
      for (let d = 0; d < scores.length; d++) {
        const v = scores[d];
        if (v === null || v === undefined) continue;
        const dim = acc.dims[d]!;
        dim.n++;
        dim.sum += v;
        if (v >= 4) dim.good++;
      }
    };
    const ids = idsOf(at);
    for (const acc of buckets.accsOf(owner, a.teamOf(owner), regionOfRow(a, row, owner), ids)) add(acc);
    const channel = c.channel[i] ?? null;
    if (channel !== null) {
      let b = byChannel.get(channel);
      if (b === undefined) {
        b = entityPeriodBuckets(newAcc);
        byChannel.set(channel, b);
      }
      b.update(company, ids, add);
    }
  }

  const min = ctx.config.survey.minResponses;
  const detail: SatisfactionDetailRow[] = [];
  const details = (e: EntityRef, channel: string | null, grain: Grain, period: string, acc: SurveyAcc): void => {
    if (acc.csatN > 0) detail.push(shareDetail(e, channel, grain, period, 'csat', acc.csatGood, acc.csatN, null, min));
    if (acc.npsN > 0) detail.push(npsDetail(e, channel, grain, period, acc.promoters, acc.detractors, acc.npsN, min));
    acc.dims.forEach((d, k) => {
      if (d.n > 0) detail.push(shareDetail(e, channel, grain, period, `dim_${dimNames[k]!}`, d.good, d.n, d.sum / d.n, min));
    });
  };
  const kpis = emitRows(ctx, buckets, (e, grain, p, acc) => {
    if (acc) details(e, null, grain, p.id, acc);
    return [
      ratioRow(e, grain, p.id, 'csat', acc?.csatGood ?? 0, acc?.csatN ?? 0),
      npsRow(e, grain, p.id, acc?.promoters ?? 0, acc?.detractors ?? 0, acc?.npsN ?? 0),
    ];
  });
  for (const [channel, b] of byChannel) {
    emitRows(ctx, b, (e, grain, p, acc) => {
      if (acc) details(e, channel, grain, p.id, acc);
      return [];
    });
  }
  return { kpis, detail };
}

/** csat and nps KPI rows per entity × grain × period. */
export const satisfactionKpis = (ds: Pick<Dataset, 'surveys' | 'tickets' | 'surveyDimensions'>, ctx: MetricContext): KpiRow[] =>
  satisfactionMetrics(ds, ctx).kpis;
