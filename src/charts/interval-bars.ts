import * as Plot from '@observablehq/plot';
import { formatValue, tickFormat } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';
import { roles } from './palette.ts';
import { renderPlot } from './render-plot.ts';

/** grey of an estimate with too few responses (readable on both themes) */
const MUTED = '#8a939d';

export interface IntervalEstimate {
  label: string;
  estimate: number | null;
  low: number | null;
  high: number | null;
  n: number;
  /** below the survey minimum ("too few responses"): drawn grey, the label says so */
  muted?: boolean;
}

export interface IntervalBarsInput {
  estimates: IntervalEstimate[];
  unit: 'ratio' | 'nps';
  locale: Locale;
  title: string;
}

/** CSAT / NPS estimates as dots with their published 95 % interval and n; no estimate → "—". */
export const intervalBars = ({ estimates, unit, locale, title }: IntervalBarsInput): string => {
  const fmt = (v: number | null) => formatValue(v, unit, locale);
  const ok = estimates.filter((e) => e.estimate != null && e.low != null && e.high != null);
  const main = ok.filter((e) => !e.muted);
  const muted = ok.filter((e) => e.muted);
  const tip = (e: IntervalEstimate) => `${e.label}: ${fmt(e.estimate)} (${t(locale, 'chart.ci')} ${fmt(e.low)} – ${fmt(e.high)}, n = ${e.n})`;
  const longest = Math.max(4, ...estimates.map((e) => [...e.label].length));
  const options: Plot.PlotOptions = {
    height: 34 + 28 * Math.max(1, estimates.length),
    marginLeft: Math.min(180, 12 + longest * 11),
    marginRight: 56,
    x: { label: null, domain: unit === 'ratio' ? [0, 1] : [-100, 100], grid: true, tickFormat: tickFormat(unit, locale), ticks: 5 },
    y: { label: null, domain: estimates.map((e) => e.label) },
    marks: [
      Plot.ruleY(main, { x1: 'low', x2: 'high', y: 'label', stroke: roles.primary, strokeWidth: 3, strokeOpacity: 0.45 }),
      Plot.dot(main, { x: 'estimate', y: 'label', r: 4.5, fill: roles.primary, title: tip }),
      // too few responses: the same marks in grey (added only when present, so other charts are unchanged)
      ...(muted.length ? [
        Plot.ruleY(muted, { x1: 'low', x2: 'high', y: 'label', stroke: MUTED, strokeWidth: 3, strokeOpacity: 0.45 }),
        Plot.dot(muted, { x: 'estimate', y: 'label', r: 4.5, fill: 'none', stroke: MUTED, strokeWidth: 1.5, title: (e: IntervalEstimate) => `${tip(e)} · ${t(locale, 'satisfaction.tooFew')}` }),
      ] : []),
      // no estimate (too few responses): a dash on its row, so the row is not silently empty
      Plot.text(estimates.filter((e) => !ok.includes(e)), { frameAnchor: 'left', y: 'label', text: () => '—', dx: 8, textAnchor: 'start' }),
      Plot.text(estimates, { frameAnchor: 'right', y: 'label', text: (e: IntervalEstimate) => `n=${e.n}`, dx: 50, textAnchor: 'end', fillOpacity: 0.7 }),
      ...(unit === 'nps' ? [Plot.ruleX([0], { strokeOpacity: 0.5 })] : []),
    ],
  };
  return renderPlot(options, { title, alt: t(locale, 'chart.intervalAlt', { title, n: estimates.length }) }, { options: { ...options, marginLeft: Math.min(110, 12 + longest * 11), x: { ...options.x, ticks: 3 } } });
};
