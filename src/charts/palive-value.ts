import * as Plot from '@observablehq/plot';
import { formatMoney, formatPercent, tickFormat } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';
import { roles } from './palette.ts';
import { renderPlot } from './render-plot.ts';

export interface PAliveDot {
  /** P(alive), 0..1 */
  pAlive: number;
  /** expected value if still active (currency) */
  value: number;
  atRisk: boolean;
}

export interface PAliveValueInput {
  dots: PAliveDot[];
  threshold: number;
  locale: Locale;
  title: string;
  xLabel: string;
  yLabel: string;
}

/** Customers as dots: P(alive) across, value if still active up (square-root scale); at-risk dots in the "bad" colour, the threshold dashed. */
export const pAliveValue = ({ dots, threshold, locale, title, xLabel, yLabel }: PAliveValueInput): string => {
  const options: Plot.PlotOptions = {
    height: 280,
    marginLeft: 64,
    x: { label: xLabel, domain: [0, 1], tickFormat: (v: number) => formatPercent(v, locale, 0), ticks: 5 },
    y: { label: yLabel, type: 'sqrt', grid: true, nice: true, tickFormat: tickFormat('currency', locale), ticks: 5 },
    marks: [
      Plot.ruleX([threshold], { stroke: roles.bad, strokeDasharray: '4,3' }),
      Plot.dot(dots, {
        x: 'pAlive',
        y: 'value',
        r: 2.5,
        fill: (d: PAliveDot) => (d.atRisk ? roles.bad : roles.primary),
        fillOpacity: 0.7,
        title: (d: PAliveDot) => `${formatPercent(d.pAlive, locale, 0)} · ${formatMoney(d.value, locale)}`,
      }),
      Plot.ruleY([0]),
    ],
  };
  return renderPlot(options, { title, alt: t(locale, 'health.scatterAlt', { title, n: dots.length, risk: dots.filter((d) => d.atRisk).length }) }, { options: { ...options, marginLeft: 56, x: { ...options.x, ticks: 3 }, y: { ...options.y, ticks: 4 } } });
};
