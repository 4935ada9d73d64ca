import type { KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import { channelMetrics, type ChannelRow } from './channels.ts';
import type { MetricContext } from './context.ts';
import { coverageKpis } from './coverage.ts';
import type { OrderBook } from './orders.ts';
import { satisfactionMetrics } from './satisfaction.ts';
import type { SatisfactionDetailRow } from './satisfaction-detail.ts';
import { taskKpis } from './tasks.ts';
import { ticketMetrics, type BacklogRow, type ComplaintCategoryRow, type TicketFact } from './tickets.ts';
import { visitKpis } from './visits.ts';

export type { BacklogRow, ChannelRow, ComplaintCategoryRow, SatisfactionDetailRow, TicketFact };

/** Everything the service, satisfaction and channel families publish. */
export interface ServiceMetrics {
  /** service KPIs, csat, nps, interactions, conversion_rate (unsorted; see compareKpiRows) */
  kpis: KpiRow[];
  ticketFacts: TicketFact[];
  complaintCategories: ComplaintCategoryRow[];
  backlog: BacklogRow[];
  /** csat, nps and dim_* with intervals, n and too_few (plus per-channel company rows) */
  satisfaction: SatisfactionDetailRow[];
  /** complaint_satisfaction with its Wilson interval */
  complaintSatisfaction: SatisfactionDetailRow[];
  channels: ChannelRow[];
}

/**
 * One call for this half of the metrics stage. Each input table is read once per family.
 * `book`: the order book already built for sales/lifecycle (src/metrics/orders.ts), reused for
 * conversion and per-channel purchases; built here when absent.
 */
export function computeServiceMetrics(ds: Dataset, ctx: MetricContext, book?: OrderBook): ServiceMetrics {
  const tickets = ticketMetrics(ds, ctx);
  const satisfaction = satisfactionMetrics(ds, ctx);
  const channels = channelMetrics(ds, ctx, book);
  return {
    kpis: [
      ...tickets.kpis,
      ...visitKpis(ds, ctx),
      ...coverageKpis(ds, ctx),
      ...taskKpis(ds, ctx),
      ...satisfaction.kpis,
      ...channels.kpis,
    ],
    ticketFacts: tickets.facts,
    complaintCategories: tickets.complaintCategories,
    backlog: tickets.backlog,
    satisfaction: satisfaction.detail,
    complaintSatisfaction: tickets.complaintSatisfaction,
    channels: channels.table,
  };
}
