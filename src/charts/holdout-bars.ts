import * as Plot from '@observablehq/plot';
import { t, type Locale } from '../i18n/index.ts';
import { roles } from './palette.ts';
import { renderPlot } from './render-plot.ts';

const decimal = (v: number, digits: number): string => v.toFixed(digits);

export interface HoldoutBar {
  /** the group on the axis, e.g. repeat purchases '0' … '7+' */
  repeats: string;
  /** series name (forecast, actual), in the page's language */
  series: string;
  value: number;
}

export interface HoldoutBarsInput {
  bars: HoldoutBar[];
  /** series names, forecast first */
  series: [string, string];
  locale: Locale;
  title: string;
  xLabel: string;
  yLabel: string;
}

/** Forecast and actual side by side per group (the BG/NBD paper's Figure 4). */
export const holdoutBars = ({ bars, series, locale, title, xLabel, yLabel }: HoldoutBarsInput): string => {
  const options: Plot.PlotOptions = {
    height: 240,
    marginLeft: 48,
    fx: { label: xLabel, padding: 0.15 },
    x: { axis: null, domain: series, paddingInner: 0.1 },
    y: { label: yLabel, grid: true, nice: true, tickFormat: (v: number) => decimal(v, 1), ticks: 5 },
    color: { domain: series, range: [roles.comparison, roles.primary], legend: true },
    marks: [
      Plot.barY(bars, { fx: 'repeats', x: 'series', y: 'value', fill: 'series', title: (b: HoldoutBar) => `${b.repeats} · ${b.series}: ${decimal(b.value, 2)}` }),
      Plot.ruleY([0]),
    ],
  };
  return renderPlot(options, { title, alt: t(locale, 'health.holdoutAlt', { title, groups: new Set(bars.map((b) => b.repeats)).size }) }, { options: { ...options } });
};
