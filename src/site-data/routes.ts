import type { Locale } from '../i18n/locales.ts';
import { toCsv, type CsvColumn } from '../publish/to-csv.ts';
import { loadBundle } from './load.ts';
import { periodStaticPaths } from './periods.ts';
import { pageTables, wholeTables } from './tables.ts';
import { teamSlugs } from './team-slugs.ts';

/**
 * Shared route logic for the thin route files under src/pages/ (zh-CN) and src/pages/en/:
 * a route file only names its locale and calls these.
 */
export const periodPaths = () => periodStaticPaths(loadBundle().manifest);

const csvResponse = (body: string) => new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

/**
 * `/downloads/<id>.csv`: every page table of the locale; the whole tables only at the root (locale-free).
 * The CSV text is made when its file is written (csvGet), not here: every Astro build of the site
 * lists every path, but writes only its share (src/build/render-shard.ts), and the whole KPI table
 * alone is hundreds of MB of text at 2,000 staff.
 */
export const csvPaths = (locale: Locale) => {
  const b = loadBundle();
  const pages = pageTables(b, locale).map((tb) => ({ params: { file: tb.id }, props: { columns: tb.columns, rows: tb.rows } }));
  const whole = locale === 'zh-CN' ? wholeTables(b).map((w) => ({ params: { file: w.name }, props: { columns: w.columns, rows: w.rows } })) : [];
  return [...whole, ...pages];
};

export const csvGet = ({ props }: { props: { columns: readonly CsvColumn[]; rows: readonly Record<string, unknown>[] } }) =>
  csvResponse(toCsv(props.columns, props.rows));

export const manifestGet = () =>
  new Response(JSON.stringify(loadBundle().manifest, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

/** `/downloads/team-slugs.json`: the team URLs this site publishes, read by the next build (site-data/team-slugs.ts) */
export const teamSlugsGet = () =>
  new Response(JSON.stringify(teamSlugs(loadBundle()).record, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
