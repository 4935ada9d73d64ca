import * as Plot from '@observablehq/plot';
import { formatPercent } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';
import { okabeIto, roles } from './palette.ts';
import { renderPlot } from './render-plot.ts';

export interface ParetoPoint {
  /** share of items (customers, complaint categories), largest first, 0..1 */
  share: number;
  /** cumulative share of the total (revenue, complaints), 0..1 */
  cumulative: number;
}

export interface ParetoCurveInput {
  points: ParetoPoint[];
  locale: Locale;
  title: string;
  /** x and y axis labels in the page's language */
  xLabel: string;
  yLabel: string;
  /** tier cut-offs drawn as labelled verticals, e.g. [{ label: 'A', share: 0.2 }] */
  cuts?: { label: string; share: number }[];
}

/** Lorenz-style Pareto curve with the 80 % line; the curve's points come published, not computed here. */
export const paretoCurve = ({ points, locale, title, xLabel, yLabel, cuts = [] }: ParetoCurveInput): string => {
  const pts = [{ share: 0, cumulative: 0 }, ...points];
  const at80 = pts.find((p) => p.cumulative >= 0.8);
  const pct = (v: number) => formatPercent(v, locale, 0);
  const options: Plot.PlotOptions = {
    height: 260,
    marginLeft: 48,
    x: { label: xLabel, domain: [0, 1], tickFormat: pct, ticks: 5 },
    y: { label: yLabel, domain: [0, 1], tickFormat: pct, ticks: 5, grid: true },
    marks: [
      Plot.ruleY([0.8], { stroke: okabeIto.vermillion, strokeDasharray: '3,3' }),
      Plot.ruleX(cuts, { x: 'share', stroke: 'currentColor', strokeOpacity: 0.4 }),
      Plot.text(cuts, { x: 'share', y: 0.05, text: 'label', dx: 6, textAnchor: 'start' }),
      Plot.lineY(pts, { x: 'share', y: 'cumulative', stroke: roles.primary, strokeWidth: 2 }),
      Plot.dot(points, { x: 'share', y: 'cumulative', r: 2, fill: roles.primary, title: (p: ParetoPoint) => `${pct(p.share)} → ${formatPercent(p.cumulative, locale)}` }),
      Plot.frame({ strokeOpacity: 0.2 }),
    ],
  };
  return renderPlot(options, { title, alt: t(locale, 'chart.paretoAlt', { title, share: at80 ? pct(at80.share) : '—' }) }, { options: { ...options, x: { ...options.x, ticks: 3 } } });
};
