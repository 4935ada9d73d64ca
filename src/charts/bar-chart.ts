import * as Plot from '@observablehq/plot';
import { formatValue, tickFormat } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { KpiUnit } from '../model/kpi.ts';
import { roles } from './palette.ts';
import { renderPlot } from './render-plot.ts';

export interface Bar {
  /** category label, shown as text (escaped) */
  label: string;
  value: number;
}

export interface BarChartInput {
  bars: Bar[];
  unit: KpiUnit;
  locale: Locale;
  title: string;
  /** a label drawn in the accent colour (e.g. the team you are looking at) */
  highlight?: string;
}

/** Horizontal bars in the given order, value labels at the bar ends. */
export const barChart = ({ bars, unit, locale, title, highlight }: BarChartInput): string => {
  const fmt = (v: number) => formatValue(v, unit, locale);
  const top = bars.reduce<Bar | null>((a, b) => (a == null || b.value > a.value ? b : a), null);
  const longest = Math.max(4, ...bars.map((b) => [...b.label].length));
  // the phone form keeps the labels (up to ~10 CJK or ~18 Latin characters) and the value at the bar end on 320 px
  const options = (phone: boolean): Plot.PlotOptions => ({
    height: 30 + 26 * Math.max(1, bars.length),
    marginLeft: Math.min(phone ? 124 : 180, 12 + longest * 11),
    // the value label at the bar end ("¥2,574.7万") needs its width on the right
    marginRight: phone ? 76 : 64,
    x: { label: null, grid: true, nice: true, tickFormat: tickFormat(unit, locale), ticks: 4 },
    y: { label: null, domain: bars.map((b) => b.label) },
    marks: [
      Plot.barX(bars, { x: 'value', y: 'label', fill: (b: Bar) => (b.label === highlight ? roles.comparison : roles.primary), title: (b: Bar) => `${b.label}: ${fmt(b.value)}` }),
      Plot.text(bars, { x: 'value', y: 'label', text: (b: Bar) => fmt(b.value), textAnchor: 'start', dx: 4 }),
      Plot.ruleX([0]),
    ],
  });
  return renderPlot(
    options(false),
    { title, alt: t(locale, 'chart.barAlt', { title, n: bars.length, top: top?.label ?? '—', value: top ? fmt(top.value) : '—' }) },
    { options: { ...options(true), x: { label: null, grid: true, nice: true, tickFormat: tickFormat(unit, locale), ticks: 2 } } },
  );
};
