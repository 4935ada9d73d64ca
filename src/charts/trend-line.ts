import * as Plot from '@observablehq/plot';
import { formatPeriod, formatPeriodShort, formatValue, tickFormat } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { KpiUnit } from '../model/kpi.ts';
import { roles } from './palette.ts';
import { renderPlot } from './render-plot.ts';

export interface TrendPoint {
  /** period id, oldest first */
  period: string;
  value: number | null;
  /** the published value of the same period a year earlier (dashed line), when known */
  lastYear?: number | null;
}

export interface TrendLineInput {
  points: TrendPoint[];
  unit: KpiUnit;
  locale: Locale;
  /** chart title, e.g. the KPI name */
  title: string;
  /** the page's period: drawn larger and labelled; its predecessor is marked as the comparison */
  current?: string;
  previous?: string;
  height?: number;
}

/** A KPI over periods: solid line = value, dashed = same period last year, the page's period highlighted. */
export const trendLine = ({ points, unit, locale, title, current, previous, height = 240 }: TrendLineInput): string => {
  const fmt = (v: number | null | undefined) => formatValue(v, unit, locale);
  const domain = points.map((p) => p.period);
  const defined = points.filter((p) => p.value != null);
  const ly = points.filter((p) => p.lastYear != null);
  const cur = points.filter((p) => p.period === current || p.period === previous);
  const last = defined.at(-1);
  const alt = t(locale, 'chart.trendAlt', {
    kpi: title,
    from: points[0] ? formatPeriod(points[0].period, locale) : '',
    to: points.at(-1) ? formatPeriod(points.at(-1)!.period, locale) : '',
    last: last ? `${formatPeriod(last.period, locale)} ${fmt(last.value)}` : fmt(null),
  });
  // at most ~8 tick labels (4 on the phone form), counted back from the last period so it is labelled
  const options = (labels: number): Plot.PlotOptions => {
  const every = Math.max(1, Math.ceil(domain.length / labels));
  return {
      height,
      // room for the widest axis labels ("¥1,000万", "2026年9月") so none is clipped at either edge
      marginLeft: 60,
      marginRight: 28,
      marginBottom: 32,
      x: { type: 'point', domain, label: null, tickFormat: (d: string) => formatPeriodShort(d, locale), ticks: domain.filter((_, i) => (domain.length - 1 - i) % every === 0), padding: 0.3 },
      y: { label: null, grid: true, nice: true, zero: unit === 'currency' || unit === 'count', tickFormat: tickFormat(unit, locale), ticks: 5 },
      marks: [
        Plot.lineY(ly, { x: 'period', y: 'lastYear', stroke: roles.comparison, strokeWidth: 1.5, strokeDasharray: '4,3' }),
        Plot.dot(ly, { x: 'period', y: 'lastYear', r: 2, fill: roles.comparison, title: (p: TrendPoint) => `${t(locale, 'chart.lastYear')} · ${formatPeriod(p.period, locale)}: ${fmt(p.lastYear)}` }),
        Plot.lineY(points, { x: 'period', y: 'value', stroke: roles.primary, strokeWidth: 2 }),
        Plot.dot(defined, { x: 'period', y: 'value', r: 3, fill: roles.primary, title: (p: TrendPoint) => `${formatPeriod(p.period, locale)}: ${fmt(p.value)}` }),
        Plot.dot(cur.filter((p) => p.value != null), { x: 'period', y: 'value', r: (p: TrendPoint) => (p.period === current ? 6 : 4.5), stroke: roles.primary, strokeWidth: 2, fill: 'white', className: 'current-dot' }),
        // the current value's label; at the right end it is anchored at its end so it stays inside the chart
        Plot.text(cur.filter((p) => p.period === current && p.value != null), { x: 'period', y: 'value', text: (p: TrendPoint) => fmt(p.value), dy: -14, fontWeight: 'bold', fontSize: 12, ...(current === domain.at(-1) ? { textAnchor: 'end', dx: 8 } : {}) }),
      ],
    };
  };
  return renderPlot(options(8), { title, alt }, { options: options(4) });
};
