import type { KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { MetricContext } from './context.ts';
import { coverageKpis } from './coverage.ts';
import { taskKpis } from './tasks.ts';
import { ticketMetrics } from './tickets.ts';
import { visitKpis } from './visits.ts';

/**
 * The service and follow-up KPIs of docs/metrics.md, "Service and follow-up", for every entity
 * (company; person = the ticket's / interaction's / task's owner, or the customer's owner for
 * coverage; that person's team; region) × grain × period from ctx.firstDay to asOf's period.
 * A missing optional file yields no rows for its KPIs.
 */
export function serviceKpis(ds: Dataset, ctx: MetricContext): KpiRow[] {
  return [...ticketMetrics(ds, ctx).kpis, ...visitKpis(ds, ctx), ...coverageKpis(ds, ctx), ...taskKpis(ds, ctx)];
}
