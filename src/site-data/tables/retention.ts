import { unitLabel } from '../../i18n/unit-label.ts';
import { formatDate, formatPeriod, currencyUnit } from '../../i18n/format.ts';
import { pick, t, type Locale, type MessageKey } from '../../i18n/index.ts';
import type { Grain, KpiDefinition, KpiRow } from '../../model/kpi.ts';
import type { CsvColumn } from '../../publish/to-csv.ts';
import type { SiteBundle } from '../../bundle/contract.ts';
import { company, kpiDef, kpiRow, type Entity } from '../kpi-index.ts';
import { previousPeriod, samePeriodLastYear } from '../periods.ts';
import type { Row, TableData } from '../table-data.ts';
import { teamHref } from '../paths.ts';
import { column as col } from '../column.ts';

/**
 * Every table the retention page shows, defined once: the page renders it and
 * /downloads/<table-id>.csv serves it (ids start with `retention-`).
 *
 * The page is not a period page: it shows the last complete quarter (KPI rows), trends over
 * the last complete quarters / months, and the status counts and cohorts as of asOf.
 * Everything here selects and formats published rows; nothing is computed.
 */


const REASONS = ['empty_denominator', 'no_data', 'missing_input', 'too_few_responses'] as const;
/** The localized reason of a null KPI value (missing row → no data). */
export const reasonText = (locale: Locale, row: KpiRow | undefined): string => {
  const r = REASONS.find((k) => k === row?.reason);
  return t(locale, row ? (r ? `reason.${r}` : 'reason.unknown') : 'reason.no_data');
};

/** KPI ids of the page, in display order. */
export const retentionKpis = ['retention_rate', 'churn_rate', 'reactivated', 'reactivation_rate', 'won_back', 'returning_share', 'returning_revenue_share'] as const;

/** The last complete period of a grain (manifest's, else the last complete in the list). */
export const lastComplete = (b: SiteBundle, grain: 'quarter' | 'month'): string | null =>
  (grain === 'quarter' ? b.manifest.lastCompleteQuarter : b.manifest.lastCompleteMonth)
  ?? [...(b.manifest.periods[grain] ?? [])].reverse().find((p) => p.complete)?.id
  ?? null;

/** The last `n` complete periods of a grain, oldest first. */
export const trendWindow = (b: SiteBundle, grain: Grain, n: number): string[] =>
  (b.manifest.periods[grain] ?? []).filter((p) => p.complete).slice(-n).map((p) => p.id);

export const TREND_QUARTERS = 8;
export const TREND_MONTHS = 13;

/** Customers per status at asOf for the company (statusCounts rows). */
export const retentionStatusTable = (b: SiteBundle, locale: Locale): TableData => {
  const rows: Row[] = (b.statusCounts ?? [])
    .filter((s) => s.entity_type === 'company')
    .map((s) => ({
      status: t(locale, `retention.status.${s.status}` as MessageKey),
      status_id: s.status,
      customers: s.customers,
      definition: t(locale, `retention.statusDef.${s.status}` as MessageKey),
    }));
  return {
    id: 'retention-status',
    title: t(locale, 'retention.table.status', { asOf: formatDate(b.manifest.asOf, locale) }),
    columns: [
      col('status', t(locale, 'retention.col.status'), 'text'),
      col('customers', t(locale, 'retention.col.customers'), 'count', t(locale, 'unit.count')),
      col('definition', t(locale, 'retention.col.definition'), 'text'),
    ],
    rows,
  };
};

/** The page's KPIs for one period with previous period and last year (company rows). */
export const retentionKpisTable = (b: SiteBundle, locale: Locale, period: string | null): TableData => {
  const rows: Row[] = [];
  if (period) {
    const prev = previousPeriod(period);
    const ly = samePeriodLastYear(period);
    for (const id of retentionKpis) {
      const def = kpiDef(b, id);
      if (!def) continue;
      const row = kpiRow(b, company, period, id);
      rows.push({
        kpi: pick(def.name, locale), kpi_id: id, unit: def.unit,
        value: row?.value ?? null,
        numerator: def.unit === 'ratio' ? (row?.numerator ?? null) : null,
        denominator: def.unit === 'ratio' ? (row?.denominator ?? null) : null,
        previous: prev ? (kpiRow(b, company, prev, id)?.value ?? null) : null,
        last_year: ly ? (kpiRow(b, company, ly, id)?.value ?? null) : null,
        reason: row?.value == null ? reasonText(locale, row) : null,
        definition: pick(def.definition, locale),
      });
    }
  }
  return {
    id: 'retention-kpis',
    title: t(locale, 'retention.table.kpis', { quarter: period ? formatPeriod(period, locale) : '—' }),
    columns: [
      col('kpi', t(locale, 'col.kpi'), 'text'),
      col('value', t(locale, 'col.value'), 'count', undefined, { unitKey: 'unit' }),
      col('numerator', t(locale, 'retention.col.numerator'), 'count'),
      col('denominator', t(locale, 'retention.col.denominator'), 'count'),
      col('previous', t(locale, 'col.previous'), 'count', undefined, { unitKey: 'unit' }),
      col('last_year', t(locale, 'col.lastYear'), 'count', undefined, { unitKey: 'unit' }),
      col('reason', t(locale, 'col.reason'), 'text'),
      col('definition', t(locale, 'retention.col.definition'), 'text'),
    ],
    rows,
  };
};

/** Company KPI ids with at least one row at this grain (a KPI the data cannot give is left out, not shown as a column of "—"). */
export const companyKpisAt = (b: SiteBundle, grain: Grain): Set<string> =>
  new Set(b.kpis.filter((r) => r.entity_type === 'company' && r.grain === grain).map((r) => r.kpi));

/** "reason: KPI, KPI; reason: KPI" — the nulls of one row grouped by reason. */
const groupedNotes = (locale: Locale, nulls: { name: string; reason: string }[]): string | null => {
  if (nulls.length === 0) return null;
  const by = new Map<string, string[]>();
  for (const n of nulls) by.set(n.reason, [...(by.get(n.reason) ?? []), n.name]);
  return [...by].map(([reason, names]) => `${reason}: ${names.join(locale === 'zh-CN' ? '、' : ', ')}`).join('; ');
};

/** One row per period of the window, one column per KPI; nulls explained in `notes`. */
export const retentionTrendTable = (b: SiteBundle, locale: Locale, grain: 'quarter' | 'month'): TableData => {
  const periods = trendWindow(b, grain, grain === 'quarter' ? TREND_QUARTERS : TREND_MONTHS);
  const present = companyKpisAt(b, grain);
  const defs = retentionKpis.map((id) => kpiDef(b, id)).filter((d) => d != null && present.has(d.id)) as KpiDefinition[];
  const rows: Row[] = (defs.length === 0 ? [] : periods).map((p) => {
    const r: Row = { period: formatPeriod(p, locale), period_id: p };
    const nulls: { name: string; reason: string }[] = [];
    for (const d of defs) {
      const row = kpiRow(b, company, p, d.id);
      r[d.id] = row?.value ?? null;
      if (row?.value == null) nulls.push({ name: pick(d.name, locale), reason: reasonText(locale, row) });
    }
    r.notes = groupedNotes(locale, nulls);
    return r;
  });
  return {
    id: `retention-trend-${grain}`,
    title: t(locale, grain === 'quarter' ? 'retention.table.trendQuarter' : 'retention.table.trendMonth'),
    columns: [
      col('period', t(locale, 'retention.col.period'), 'text'),
      ...defs.map((d) => col(d.id, pick(d.name, locale), d.unit, unitLabel(locale, d.unit))),
      col('notes', t(locale, 'retention.col.notes'), 'text'),
    ],
    rows,
  };
};

/** Teams with KPI rows in the period (sorted by name), for the team table and chart. */
export const teamsOf = (b: SiteBundle, period: string): string[] =>
  [...new Set(b.kpis.filter((r) => r.entity_type === 'team' && r.period === period && r.kpi === 'retention_rate').map((r) => r.entity_id))].sort();

/** Per-team retention for one period (team KPI rows); team names link to the team pages. */
export const retentionTeamsTable = (b: SiteBundle, locale: Locale, period: string | null): TableData => {
  const present = new Set(b.kpis.filter((r) => r.entity_type === 'team' && r.period === period).map((r) => r.kpi));
  const defs = retentionKpis.map((id) => kpiDef(b, id)).filter((d) => d != null && present.has(d.id)) as KpiDefinition[];
  const rows: Row[] = (period ? teamsOf(b, period) : []).map((team) => {
    const e: Entity = { type: 'team', id: team };
    const ret = kpiRow(b, e, period!, 'retention_rate');
    const r: Row = { team, href: teamHref(b, locale, team), previous_buyers: ret?.denominator ?? null };
    const notes: string[] = [];
    for (const d of defs) {
      const row = kpiRow(b, e, period!, d.id);
      r[d.id] = row?.value ?? null;
      if (row?.value == null && d.unit === 'ratio') notes.push(reasonText(locale, row));
    }
    // one note per distinct reason (a team without customers has the same reason for every ratio)
    r.notes = notes.length ? [...new Set(notes)].join('; ') : null;
    return r;
  });
  return {
    id: 'retention-teams',
    title: t(locale, 'retention.table.teams', { quarter: period ? formatPeriod(period, locale) : '—' }),
    columns: [
      col('team', t(locale, 'retention.col.team'), 'text', undefined, { hrefKey: 'href' }),
      col('previous_buyers', t(locale, 'retention.col.previousBuyers'), 'count', t(locale, 'unit.count')),
      ...defs.map((d) => col(d.id, pick(d.name, locale), d.unit, unitLabel(locale, d.unit))),
      col('notes', t(locale, 'retention.col.notes'), 'text'),
    ],
    rows,
  };
};

/** Offsets (months since first purchase) shown in the cohort table. */
export const cohortOffsets = [1, 3, 6, 12] as const;

/** Company cohorts: size, first-month revenue and retention at a few offsets (published cells, selected). */
export const retentionCohortsTable = (b: SiteBundle, locale: Locale): TableData => {
  const cells = (b.cohorts ?? []).filter((c) => c.dimension === 'company');
  const byCohort = new Map<string, Map<number, (typeof cells)[number]>>();
  for (const c of cells) {
    let m = byCohort.get(c.cohort);
    if (!m) byCohort.set(c.cohort, (m = new Map()));
    m.set(c.k, c);
  }
  const rows: Row[] = [...byCohort.keys()].sort().reverse().map((cohort) => {
    const m = byCohort.get(cohort)!;
    const first = m.get(0);
    const r: Row = { cohort, size: first?.size ?? null, revenue0: first?.revenue ?? null };
    for (const k of cohortOffsets) {
      r[`cr${k}`] = m.get(k)?.customer_retention ?? null;
      r[`rr${k}`] = m.get(k)?.revenue_retention ?? null;
    }
    r.partial = [...m.values()].some((c) => c.partial) ? t(locale, 'retention.yes') : null;
    return r;
  });
  return {
    id: 'retention-cohorts',
    title: t(locale, 'retention.table.cohorts'),
    columns: [
      col('cohort', t(locale, 'retention.col.cohort'), 'text'),
      col('size', t(locale, 'retention.col.size'), 'count', t(locale, 'unit.count')),
      col('revenue0', t(locale, 'retention.col.revenue0'), 'currency', currencyUnit(locale)),
      ...cohortOffsets.map((k) => col(`cr${k}`, t(locale, 'retention.col.cr', { k }), 'ratio', t(locale, 'unit.ratio'))),
      ...cohortOffsets.map((k) => col(`rr${k}`, t(locale, 'retention.col.rr', { k }), 'ratio', t(locale, 'unit.ratio'))),
      col('partial', t(locale, 'retention.col.partial'), 'text'),
    ],
    rows,
  };
};

export const retentionTables = (b: SiteBundle, locale: Locale): TableData[] => {
  const quarter = lastComplete(b, 'quarter');
  return [
    retentionStatusTable(b, locale),
    retentionKpisTable(b, locale, quarter),
    retentionTrendTable(b, locale, 'quarter'),
    retentionTrendTable(b, locale, 'month'),
    retentionTeamsTable(b, locale, quarter),
    retentionCohortsTable(b, locale),
  ];
};

/** `/downloads/cohorts.csv`: every published cohort cell, machine column names. */
export const cohortColumns = ['dimension', 'key', 'cohort', 'k', 'size', 'customers', 'revenue', 'customer_retention', 'revenue_retention', 'partial'] as const;
export const cohortsWholeTable = (b: SiteBundle): { name: string; columns: CsvColumn[]; rows: Record<string, unknown>[] } => ({
  name: 'cohorts',
  columns: cohortColumns.map((k) => ({ key: k, header: k })),
  rows: (b.cohorts ?? []).map((c) => ({ ...c, partial: c.partial ? 'true' : 'false' })),
});
