import * as Plot from '@observablehq/plot';
import { formatPeriod, formatPeriodShort, formatValue, tickFormat } from '../i18n/format.ts';
import type { Locale } from '../i18n/index.ts';
import type { KpiUnit } from '../model/kpi.ts';
import { categorical } from './palette.ts';
import { renderPlot } from './render-plot.ts';

export interface SeriesPoint {
  /** series name (channel, team …), shown as text (escaped) */
  series: string;
  /** period id */
  period: string;
  /** published value; null = gap */
  value: number | null;
}

export interface MultiLineInput {
  points: SeriesPoint[];
  /** periods on the x axis, oldest first */
  periods: string[];
  unit: KpiUnit;
  locale: Locale;
  title: string;
  height?: number;
  /**
   * Text alternative: `{title}`, `{n}` (series), `{from}`, `{to}` and `{last}` (each series' last
   * value) are filled in, e.g. "{title}: {n} series, {from} – {to}; latest {last}".
   */
  alt: string;
}

/**
 * Several series over the same periods (e.g. conversion rate per channel per quarter): one
 * colour per series from the colour-blind-safe palette, a legend, the series name at the end of
 * each line (so the lines read without colour), native tooltips. Nulls break a line.
 */
export const multiLine = ({ points, periods, unit, locale, title, height = 280, alt: altTemplate }: MultiLineInput): string => {
  const fmt = (v: number | null | undefined) => formatValue(v, unit, locale);
  const shown = points.filter((p) => periods.includes(p.period));
  const series = [...new Set(shown.map((p) => p.series))];
  const colours = series.map((_, i) => categorical[i % categorical.length]!);
  const defined = shown.filter((p) => p.value != null);
  // the last defined point of each series carries its name
  const ends = series.map((s) => defined.filter((p) => p.series === s).sort((a, b) => periods.indexOf(a.period) - periods.indexOf(b.period)).at(-1)).filter((p) => p != null);
  // keep end labels apart: approximate pixel positions, push each up to ≥ 12 px above the one below
  const vals = defined.map((p) => p.value!);
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  const plotH = height - 20 - 32;
  const px = (v: number) => (hi === lo ? plotH / 2 : ((v - lo) / (hi - lo)) * plotH);
  const shift = new Map<SeriesPoint, number>();
  let floor = -Infinity;
  for (const p of [...ends].sort((a, b) => a.value! - b.value! || a.series.localeCompare(b.series))) {
    const y = Math.max(px(p.value!), floor + 12);
    shift.set(p, y - px(p.value!));
    floor = y;
  }
  const longest = Math.max(4, ...series.map((s) => [...s].length));
  const params: Record<string, string | number> = {
    title,
    n: series.length,
    from: periods[0] ? formatPeriod(periods[0], locale) : '',
    to: periods.at(-1) ? formatPeriod(periods.at(-1)!, locale) : '',
    last: ends.map((p) => `${p.series} ${fmt(p.value)}`).join(locale === 'zh-CN' ? '，' : ', '),
  };
  const alt = altTemplate.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  // the phone form: 4 tick labels and no end labels (the legend names the series), so the lines get the width
  const options = (phone: boolean): Plot.PlotOptions => {
    const every = Math.max(1, Math.ceil(periods.length / (phone ? 4 : 8)));
    return {
      height,
      marginLeft: phone ? 48 : 56,
      marginRight: phone ? 28 : Math.min(150, 16 + longest * 11),
      marginBottom: 32,
      x: { type: 'point', domain: periods, label: null, tickFormat: (d: string) => formatPeriodShort(d, locale), ticks: periods.filter((_, i) => (periods.length - 1 - i) % every === 0), padding: 0.2 },
      y: { label: null, grid: true, nice: true, zero: unit === 'currency' || unit === 'count', tickFormat: tickFormat(unit, locale), ticks: 5 },
      color: { type: 'ordinal', domain: series, range: colours, legend: true },
      marks: [
        Plot.lineY(shown, { x: 'period', y: 'value', z: 'series', stroke: 'series', strokeWidth: 2 }),
        Plot.dot(defined, { x: 'period', y: 'value', fill: 'series', r: 2.5, title: (p: SeriesPoint) => `${p.series} · ${formatPeriod(p.period, locale)}: ${fmt(p.value)}` }),
        ...(phone ? [] : ends.map((p) => Plot.text([p], { x: 'period', y: 'value', text: 'series', fill: 'series', textAnchor: 'start', dx: 6, dy: -(shift.get(p) ?? 0), fontSize: 10 }))),
      ],
    };
  };
  return renderPlot(options(false), { title, alt }, { options: options(true) });
};
