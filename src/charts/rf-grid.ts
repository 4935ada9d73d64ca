import * as Plot from '@observablehq/plot';
import { formatCount } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';
import { sequentialScheme } from './palette.ts';
import { renderPlot } from './render-plot.ts';

export interface RfCell {
  /** recency score 1..5 (5 = most recent) */
  r: number;
  /** frequency score 1..5 */
  f: number;
  count: number;
  /** the segment name of this cell, in the page's language */
  segment: string;
}

export interface RfGridInput {
  cells: RfCell[];
  locale: Locale;
  title: string;
}

/** The 5×5 R×F heat map: customers per cell, segment names in the tooltip and under the count. */
export const rfGrid = ({ cells, locale, title }: RfGridInput): string => {
  const max = Math.max(1, ...cells.map((c) => c.count));
  const options = (phone: boolean): Plot.PlotOptions => ({
    height: phone ? 280 : 330,
    width: phone ? 320 : 420,
    marginLeft: 48,
    marginTop: 36,
    padding: 0.04,
    x: { label: t(locale, 'chart.frequency'), domain: [1, 2, 3, 4, 5], axis: 'top' },
    y: { label: t(locale, 'chart.recency'), domain: [5, 4, 3, 2, 1] },
    color: { type: 'sqrt', scheme: sequentialScheme, domain: [0, max] },
    marks: [
      Plot.cell(cells, { x: 'f', y: 'r', fill: 'count', title: (c: RfCell) => `R${c.r} F${c.f} · ${c.segment}: ${formatCount(c.count, locale)}` }),
      Plot.text(cells, { x: 'f', y: 'r', text: (c: RfCell) => formatCount(c.count, locale), dy: phone ? 0 : -6, fontWeight: 'bold', fill: (c: RfCell) => (c.count / max > 0.45 ? 'white' : 'black') }),
      // segment names fit a cell only on the wide form; on the phone the note points to the segments table
      ...(phone ? [] : [Plot.text(cells, { x: 'f', y: 'r', text: 'segment', dy: 8, fontSize: 8, fill: (c: RfCell) => (c.count / max > 0.45 ? 'white' : 'black') })]),
    ],
  });
  return renderPlot(options(false), { title, alt: t(locale, 'chart.rfAlt') }, { options: options(true), note: t(locale, 'chart.phoneHiddenSegments') });
};
