import * as Plot from '@observablehq/plot';
import { formatCount, formatHours } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';
import { roles } from './palette.ts';
import { renderPlot } from './render-plot.ts';

export interface HistogramBin {
  /** bin start and end in hours */
  x0: number;
  x1: number;
  count: number;
}

export interface HistogramInput {
  /** published bins (the site never bins raw rows) */
  bins: HistogramBin[];
  locale: Locale;
  title: string;
  /** vertical markers such as the SLA (24 h), the median and p90 */
  markers?: { label: string; hours: number }[];
}

/** Distribution of response or resolution times in hours. */
export const histogram = ({ bins, locale, title, markers = [] }: HistogramInput): string => {
  const n = bins.reduce((s, b) => s + b.count, 0);
  // ticks on bin edges (at most ~9), so an SLA edge like 24 h is labelled exactly
  const edges = [...new Set(bins.flatMap((b) => [b.x0, b.x1]))].sort((a, b) => a - b);
  const step = Math.max(1, Math.ceil(edges.length / 9));
  const ticks = edges.filter((_, i) => i % step === 0);
  const options: Plot.PlotOptions = {
    height: 220,
    marginLeft: 48,
    // the last tick ("168 小时") sits on the right edge: room for its label
    marginRight: 28,
    x: { label: null, tickFormat: (v: number) => formatHours(v, locale), ticks },
    y: { label: t(locale, 'chart.count'), grid: true, tickFormat: (v: number) => formatCount(v, locale), ticks: 4 },
    marks: [
      Plot.rectY(bins, { x1: 'x0', x2: 'x1', y: 'count', fill: roles.primary, insetLeft: 0.5, insetRight: 0.5,
        title: (b: HistogramBin) => `${formatHours(b.x0, locale)} – ${formatHours(b.x1, locale)}: ${formatCount(b.count, locale)}` }),
      Plot.ruleX(markers, { x: 'hours', stroke: roles.bad, strokeDasharray: '4,3' }),
      Plot.text(markers, { x: 'hours', frameAnchor: 'top', text: 'label', dx: 4, textAnchor: 'start', fill: roles.bad }),
      Plot.ruleY([0]),
    ],
  };
  return renderPlot(options, { title, alt: t(locale, 'chart.histogramAlt', { title, n: formatCount(n, locale) }) }, { options: { ...options, x: { ...options.x, ticks: ticks.filter((_, i) => i % 2 === 0) } } });
};
