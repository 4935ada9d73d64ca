import type { Config } from '../config/schema.ts';
import type { Dataset } from '../model/tables.ts';
import { computeMetricsWithBook, type MetricsOptions, type MetricsResult, type StageTimer } from './index.ts';
import { sortKpiRows } from './kpi-rows.ts';
import type { OrderIdentityCheck } from './orders.ts';
import { computeServiceMetrics, type ServiceMetrics } from './service-facade.ts';

/** A customer's contact details as they come from customers.csv (kept local, in the cache). */
export interface CustomerContact {
  customer_id: string;
  phone: string | null;
  email: string | null;
}

/**
 * Everything the metrics stage computes, in one serialisable value (it is what the cache
 * holds): the order/customer families, the service/satisfaction/channel families with their KPI
 * rows merged into the one long KPI table, and the small input tables scoring needs.
 */
export interface AllMetrics extends MetricsResult {
  service: Omit<ServiceMetrics, 'kpis'>;
  /** scoring inputs carried through the cache */
  staff: Dataset['staff'];
  targets: Dataset['targets'];
  surveyDimensions: string[];
  /** customers' phone and e-mail for publishing (masked there unless configured) */
  contacts: CustomerContact[];
  /** order ids spanning several days or customers (the build adds them to the ledger's warnings) */
  orderIdentity: OrderIdentityCheck;
}

/** `opts.releaseOrderLines`: `ds` gives up its order line table once reduced (see MetricsOptions). */
export function computeAllMetrics(ds: Dataset, config: Config, timer?: StageTimer, opts: MetricsOptions = {}): AllMetrics {
  // one order book for both halves: orders are reduced from lines once
  const { result: core, ctx, book } = computeMetricsWithBook(ds, config, timer, opts);
  const { kpis: serviceKpis, ...service } = computeServiceMetrics(ds, ctx, book);
  timer?.stage('service');
  const kpis = sortKpiRows(core.kpis.concat(serviceKpis));
  const contacts: CustomerContact[] = [];
  const c = ds.customers?.columns;
  if (c) {
    for (let i = 0; i < c.customer_id.length; i++) {
      if (c.phone[i] != null || c.email[i] != null) contacts.push({ customer_id: c.customer_id[i]!, phone: c.phone[i] ?? null, email: c.email[i] ?? null });
    }
  }
  return { ...core, kpis, service, staff: ds.staff, targets: ds.targets, surveyDimensions: ds.surveyDimensions, contacts, orderIdentity: book.identity };
}
