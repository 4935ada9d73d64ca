import type { Config } from '../config/schema.ts';
import type { Dataset } from '../model/tables.ts';
import { metricContext } from '../metrics/context.ts';
import { computeMetrics, type MetricsResult, type StageTimer } from '../metrics/index.ts';
import { compareKpiRows } from '../metrics/kpi-rows.ts';
import { computeServiceMetrics, type ServiceMetrics } from '../metrics/service-facade.ts';

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
}

export function computeAllMetrics(ds: Dataset, config: Config, timer?: StageTimer): AllMetrics {
  const core = computeMetrics(ds, config, timer);
  const { kpis: serviceKpis, ...service } = computeServiceMetrics(ds, metricContext(ds, config));
  timer?.stage('service');
  const kpis = core.kpis.concat(serviceKpis).sort(compareKpiRows);
  return { ...core, kpis, service, staff: ds.staff, targets: ds.targets, surveyDimensions: ds.surveyDimensions };
}
