import type { Config } from '../config/schema.ts';
import { parseIsoDay, timeZone, type TimeZone } from '../lib/time-zone.ts';
import type { Dataset } from '../model/tables.ts';
import { moneyFor, type Money } from '../lib/money.ts';
import { attribution, type Attribution } from './attribution.ts';

/** What every metric family needs besides its own table. Built once per build. */
export interface MetricContext {
  config: Config;
  tz: TimeZone;
  /** asOf as a local day number */
  asOfDay: number;
  /** asOf as an instant: the last millisecond of that local day ("deadline passed by asOf" = deadline ≤ asOfEnd) */
  asOfEnd: number;
  /** first local day with data (earliest order), the start of period ranges */
  firstDay: number;
  attribution: Attribution;
  /** config.currency: amounts are in its minor units until metrics publish them (money-outputs.ts) */
  money: Money;
}

/**
 * asOf = config.asOf, else the latest order_date (local date in config.timezone).
 * Orders must be non-empty (ingest guarantees at least one accepted order or stops the build).
 */
export function metricContext(ds: Dataset, config: Config): MetricContext {
  const tz = timeZone(config.timezone);
  const dates = ds.orders.columns.order_date;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const asOfDay = config.asOf ? parseIsoDay(config.asOf) : Number.isFinite(max) ? tz.dayOf(max) : null;
  if (asOfDay === null) throw new Error('asOf: no orders and no config.asOf');
  const firstDay = Number.isFinite(min) ? Math.min(tz.dayOf(min), asOfDay) : asOfDay;
  return {
    config,
    tz,
    asOfDay,
    asOfEnd: tz.startOfDay(asOfDay + 1) - 1,
    firstDay,
    attribution: attribution(ds),
    money: moneyFor(config.currency),
  };
}
