import * as Plot from '@observablehq/plot';
import { formatPercent } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';
import { sequentialScheme } from './palette.ts';
import { renderPlot } from './render-plot.ts';

export interface CohortCell {
  /** cohort label (first-purchase month or quarter) */
  cohort: string;
  /** periods since the cohort's first period: 0, 1, 2 … */
  offset: number;
  /** retention share 0..1 (customer or revenue retention, as published) */
  value: number | null;
  /** the asOf period's cell, still filling up */
  partial?: boolean;
}

export interface CohortHeatmapInput {
  cells: CohortCell[];
  locale: Locale;
  title: string;
  /** x axis label, e.g. "months since first purchase" */
  offsetLabel: string;
  /** chart width in px (default 640); wider keeps the cell labels readable with many offsets */
  width?: number;
}

/** Cohort retention triangle: one row per cohort, one column per offset, share as colour and text. */
export const cohortHeatmap = ({ cells, locale, title, offsetLabel, width }: CohortHeatmapInput): string => {
  const cohorts = [...new Set(cells.map((c) => c.cohort))];
  const offsets = [...new Set(cells.map((c) => c.offset))].sort((a, b) => a - b);
  const shown = cells.filter((c) => c.value != null);
  return renderPlot(
    {
      ...(width ? { width } : {}),
      height: 40 + 22 * Math.max(1, cohorts.length),
      marginLeft: 72,
      padding: 0.05,
      x: { label: offsetLabel, domain: offsets, axis: 'top' },
      y: { label: null, domain: cohorts },
      color: { type: 'linear', scheme: sequentialScheme, domain: [0, 1] },
      marks: [
        Plot.cell(shown, { x: 'offset', y: 'cohort', fill: 'value', fillOpacity: (c: CohortCell) => (c.partial ? 0.55 : 1),
          title: (c: CohortCell) => `${c.cohort} +${c.offset}: ${formatPercent(c.value, locale)}${c.partial ? ' *' : ''}` }),
        Plot.text(shown, { x: 'offset', y: 'cohort', text: (c: CohortCell) => formatPercent(c.value, locale, 0), fill: (c: CohortCell) => ((c.value ?? 0) > 0.55 ? 'white' : 'black'), fontSize: 9 }),
      ],
    },
    { title, alt: t(locale, 'chart.heatmapAlt', { title, rows: cohorts.length, cols: offsets.length }) },
  );
};
