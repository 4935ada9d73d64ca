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
  const options = (rows: string[], cols: number[], fontSize: number, digits: 0 | 1, tips: boolean): Plot.PlotOptions => ({
    height: 40 + 22 * Math.max(1, rows.length),
    marginLeft: 72,
    padding: 0.05,
    x: { label: offsetLabel, domain: cols, axis: 'top' },
    y: { label: null, domain: rows },
    color: { type: 'linear', scheme: sequentialScheme, domain: [0, 1] },
    marks: [
      // the asOf period's cells (still filling up) lighter, as a mark of their own so the others carry no opacity attribute
      ...[false, true].map((partial) => Plot.cell(kept(rows, cols).filter((c) => !!c.partial === partial), { x: 'offset', y: 'cohort', fill: 'value', ...(partial ? { fillOpacity: 0.55 } : {}),
        ...(tips ? { title: (c: CohortCell) => `${c.cohort} +${c.offset}: ${formatPercent(c.value, locale)}${c.partial ? ' *' : ''}` } : {}) })),
      // white text on dark cells, black on light: one mark each, so the colour is set once on its group, not on every
      // label; the baseline anchored and moved down by the group (dy) instead of y="0.32em" on every label
      ...[true, false].map((dark) => Plot.text(kept(rows, cols).filter((c) => ((c.value ?? 0) > 0.55) === dark), { x: 'offset', y: 'cohort', text: (c: CohortCell) => formatPercent(c.value, locale, digits), fill: dark ? 'white' : 'black', fontSize, lineAnchor: 'bottom', dy: Math.round(3.2 * fontSize) / 10 })),
    ],
  });
  // The wide form prints each share to 0.1 % when a cell is wide enough for "100.0%" at 9 px: the cell
  // then says all its tooltip said (cohort and offset are its row and column), so it carries none
  // (a tooltip a cell was ~30 bytes, a fifth of the retention page). Narrower cells print whole
  // percents and keep the tooltip with the 0.1 %.
  const cellPx = ((width ?? DEFAULT_WIDTH) - 72 - 20) / Math.max(1, offsets.length);
  const fine = cellPx >= FINE_CELL_PX;
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
    { ...(width ? { width } : {}), ...options(cohorts, offsets, 9, fine ? 1 : 0, !fine) },
    { title, alt: t(locale, 'chart.heatmapAlt', { title, rows: cohorts.length, cols: offsets.length }) },
    { options: options(phoneRows, phoneCols, 10, 0, false), ...(notes.length ? { note: notes.join(' ') } : {}) },
  );
};

/** Offsets a phone shows: 8 columns of ~31 px beside the cohort labels on a 320 px chart. */
export const PHONE_COLUMNS = 8;
/** Cohorts a phone shows: the latest 12 (a year of monthly cohorts), one screen tall. */
export const PHONE_ROWS = 12;

/** Plot's default chart width, the heat map's when none is given */
const DEFAULT_WIDTH = 640;
/** a cell at least this wide prints "100.0%" at 9 px (about 31 px) with room to spare */
const FINE_CELL_PX = 34;
