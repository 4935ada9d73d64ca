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
  const kept = (rows: string[], cols: number[]) => shown.filter((c) => cols.includes(c.offset) && rows.includes(c.cohort));
  const options = (rows: string[], cols: number[], fontSize: number): Plot.PlotOptions => ({
    height: 40 + 22 * Math.max(1, rows.length),
    marginLeft: 72,
    padding: 0.05,
    x: { label: offsetLabel, domain: cols, axis: 'top' },
    y: { label: null, domain: rows },
    color: { type: 'linear', scheme: sequentialScheme, domain: [0, 1] },
    marks: [
      // the asOf period's cells (still filling up) lighter, as a mark of their own so the others carry no opacity attribute
      ...[false, true].map((partial) => Plot.cell(kept(rows, cols).filter((c) => !!c.partial === partial), { x: 'offset', y: 'cohort', fill: 'value', ...(partial ? { fillOpacity: 0.55 } : {}),
        title: (c: CohortCell) => `${c.cohort} +${c.offset}: ${formatPercent(c.value, locale)}${c.partial ? ' *' : ''}` })),
      Plot.text(kept(rows, cols), { x: 'offset', y: 'cohort', text: (c: CohortCell) => formatPercent(c.value, locale, 0), fill: (c: CohortCell) => ((c.value ?? 0) > 0.55 ? 'white' : 'black'), fontSize }),
    ],
  });
  // the phone form: the last PHONE_ROWS cohorts × the first PHONE_COLUMNS offsets (cells ≥ 30 px, text 10 px), and a note naming the rest
  const phoneCols = offsets.slice(0, PHONE_COLUMNS);
  const phoneRows = cohorts.slice(-PHONE_ROWS);
  const hiddenCols = offsets.slice(PHONE_COLUMNS);
  const hiddenRows = cohorts.slice(0, cohorts.length - phoneRows.length);
  const notes = [
    ...(hiddenCols.length ? [t(locale, 'chart.phoneHiddenColumns', { shown: `${phoneCols[0]}–${phoneCols.at(-1)}`, hidden: `${hiddenCols[0]}–${hiddenCols.at(-1)}` })] : []),
    ...(hiddenRows.length ? [t(locale, 'chart.phoneHiddenRows', { shown: phoneRows.length, hidden: `${hiddenRows[0]} – ${hiddenRows.at(-1)}` })] : []),
  ];
  return renderPlot(
    { ...(width ? { width } : {}), ...options(cohorts, offsets, 9) },
    { title, alt: t(locale, 'chart.heatmapAlt', { title, rows: cohorts.length, cols: offsets.length }) },
    { options: options(phoneRows, phoneCols, 10), ...(notes.length ? { note: notes.join(' ') } : {}) },
  );
};

/** Offsets a phone shows: 8 columns of ~31 px beside the cohort labels on a 320 px chart. */
export const PHONE_COLUMNS = 8;
/** Cohorts a phone shows: the latest 12 (a year of monthly cohorts), one screen tall. */
export const PHONE_ROWS = 12;
