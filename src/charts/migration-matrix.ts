import * as Plot from '@observablehq/plot';
import { formatCount } from '../i18n/format.ts';
import { t, type Locale } from '../i18n/index.ts';
import { sequentialScheme } from './palette.ts';
import { renderPlot } from './render-plot.ts';

export interface MigrationCell {
  /** tier at the previous period end */
  from: string;
  /** tier at this period end */
  to: string;
  count: number;
}

export interface MigrationMatrixInput {
  cells: MigrationCell[];
  /** tier labels, best first (rows and columns in this order) */
  tiers: string[];
  /** row labels when they differ from the columns (e.g. the tiers plus "new"); default `tiers` */
  fromTiers?: string[];
  locale: Locale;
  title: string;
}

/** Tier migration: previous tier (rows) × current tier (columns); the diagonal (stayed) is outlined. */
export const migrationMatrix = ({ cells, tiers, fromTiers = tiers, locale, title }: MigrationMatrixInput): string => {
  const max = Math.max(1, ...cells.map((c) => c.count));
  const longest = Math.max(3, ...fromTiers.map((s) => [...s].length));
  const options: Plot.PlotOptions = {
    height: 60 + 40 * fromTiers.length,
    width: 120 + 70 * tiers.length,
    marginLeft: Math.min(140, 24 + longest * 11),
    marginTop: 40,
    padding: 0.04,
    x: { label: t(locale, 'chart.to'), domain: tiers, axis: 'top' },
    y: { label: t(locale, 'chart.from'), domain: fromTiers },
    color: { type: 'sqrt', scheme: sequentialScheme, domain: [0, max] },
    marks: [
      Plot.cell(cells, { x: 'to', y: 'from', fill: 'count', title: (c: MigrationCell) => `${c.from} → ${c.to}: ${formatCount(c.count, locale)}` }),
      Plot.cell(cells.filter((c) => c.from === c.to), { x: 'to', y: 'from', stroke: 'currentColor', strokeWidth: 1.5, fill: 'none' }),
      Plot.text(cells, { x: 'to', y: 'from', text: (c: MigrationCell) => formatCount(c.count, locale), fill: (c: MigrationCell) => (c.count / max > 0.45 ? 'white' : 'black') }),
    ],
  };
  return renderPlot(options, { title, alt: t(locale, 'chart.migrationAlt', { title }) }, { options: { ...options, width: Math.min(320, 120 + 70 * tiers.length), marginLeft: Math.min(96, 24 + longest * 11) } });
};
