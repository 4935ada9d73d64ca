import { unitLabel } from '../i18n/unit-label.ts';
import { formatPeriod, isoDate } from '../i18n/format.ts';
import { pick, t, type Locale } from '../i18n/index.ts';
import type { KpiRow } from '../model/kpi.ts';
import type { CsvColumn } from '../publish/to-csv.ts';
import type { SiteBundle } from '../bundle/contract.ts';
import { reasonKey } from './reason-key.ts';
import type { Row, TableData } from './table-data.ts';
import { change, company, compareKpi, kpiDef, partialStart } from './kpi-index.ts';
import { pagePeriods, previousPeriod } from './periods.ts';
import { cohortsWholeTable, retentionTables } from './tables/retention.ts';
import { customerTiersWholeTable, tiersTables } from './tables/tiers.ts';
import { channelsTables } from './tables/channels.ts';
import { kpisTables, scoresWholeTable } from './tables/kpis.ts';
import { rolesTables } from './tables/roles.ts';
import { peopleTables } from './tables/people.ts';
import { serviceTables } from './tables/service.ts';
import { satisfactionTables } from './tables/satisfaction.ts';
import { customerHealthWholeTable, healthTables } from './tables/customer-health.ts';
import { personHref, teamHref } from './paths.ts';
import { column as col } from './column.ts';


/**
 * Every table shown on a page is defined here once, so the page and its CSV download can
 * never disagree.
 *
 * Download URLs (stable across rebuilds):
 *   /downloads/<table-id>.csv      page table, zh-CN headers
 *   /en/downloads/<table-id>.csv   the same table, English headers
 *   /downloads/kpis.csv, /downloads/ledger.csv, /downloads/manifest.json
 *                                  whole tables with machine column names (locale-free)
 * Table ids name the page, the table and, for period pages, the period:
 * `overview-kpis-2026-Q3`, `data-files`, `data-reasons`, `data-orphans`.
 */



/** The headline KPIs of the overview, in tile order (only those with rows are shown). */
export const headlineKpis = ['revenue', 'buyers', 'new_customers', 'returning_share', 'aov', 'retention_rate', 'csat', 'nps', 'first_response_hours', 'response_sla_rate'] as const;

export const overviewKpisTable = (b: SiteBundle, locale: Locale, period: string): TableData => {
  const rows: Row[] = [];
  for (const id of headlineKpis) {
    const def = kpiDef(b, id);
    if (!def) continue;
    const c = compareKpi(b, company, period, def);
    if (!c.row && !c.previous) continue;
    rows.push({
      kpi: pick(def.name, locale), kpi_id: def.id, unit: def.unit, unit_label: unitLabel(locale, def.unit),
      value: c.row?.value ?? null, previous: c.previous?.value ?? null, last_year: c.lastYear?.value ?? null,
      n: c.row?.n ?? null,
      reason: c.row?.value == null ? t(locale, reasonKey(c.row?.reason)) : null,
    });
  }
  return {
    id: `overview-kpis-${period}`,
    title: t(locale, 'downloads.overviewKpis', { period: formatPeriod(period, locale) }),
    columns: [
      col('kpi', t(locale, 'col.kpi'), 'text'),
      col('unit_label', t(locale, 'col.unit'), 'text'),
      col('value', t(locale, 'col.value'), 'count', undefined, { unitKey: 'unit' }),
      col('previous', t(locale, 'col.previous'), 'count', undefined, { unitKey: 'unit' }),
      col('last_year', t(locale, 'col.lastYear'), 'count', undefined, { unitKey: 'unit' }),
      col('n', t(locale, 'col.n'), 'count'),
      col('reason', t(locale, 'col.reason'), 'text'),
    ],
    rows,
  };
};

/** The KPIs of the overview's "top movers" (largest change vs the previous period), in order. */
export const moverKpis = ['revenue', 'retention_rate'] as const;
export const moverKinds = ['team', 'person'] as const;
export const MOVERS_PER_GROUP = 5;

export interface MoverGroup {
  kind: (typeof moverKinds)[number];
  kpi: (typeof moverKpis)[number];
  rows: Row[];
}

/**
 * Top movers of a period: per entity kind (team, person) and KPI, the entities with published
 * values in both the period and the previous one, sorted by the size of the difference in the
 * KPI's unit (yuan for revenue, share for retention; ties by id), the first MOVERS_PER_GROUP.
 * The change shown is the display comparison of kpi-index's `change` (relative for money, points
 * for ratios). A selection and sort of published rows, no new figure.
 */
/** KPI rows with a value by entity type, period and KPI: built once per bundle, as every period page asks. */
const byTypePeriodKpi = new WeakMap<object, Map<string, KpiRow[]>>();
const kpiRowsOf = (b: SiteBundle, type: string, period: string, kpi: string): KpiRow[] => {
  let index = byTypePeriodKpi.get(b.kpis);
  if (!index) {
    index = new Map();
    for (const r of b.kpis) {
      if (r.value == null) continue;
      const k = `${r.entity_type}\u0000${r.period}\u0000${r.kpi}`;
      const list = index.get(k);
      if (list) list.push(r);
      else index.set(k, [r]);
    }
    byTypePeriodKpi.set(b.kpis, index);
  }
  return index.get(`${type}\u0000${period}\u0000${kpi}`) ?? [];
};

export const overviewMovers = (b: SiteBundle, locale: Locale, period: string): MoverGroup[] => {
  const prev = previousPeriod(period);
  const names = new Map((b.people ?? []).map((p) => [p.staff_id, p.name]));
  const groups: MoverGroup[] = [];
  for (const kind of moverKinds) {
    for (const kpi of moverKpis) {
      const def = kpiDef(b, kpi);
      // a previous period the data only begins in has no movers: its partial values would all look like growth
      if (!def || !prev || partialStart(b, def, prev)) { groups.push({ kind, kpi, rows: [] }); continue; }
      const before = new Map(kpiRowsOf(b, kind, prev, kpi).map((r) => [r.entity_id, r.value!]));
      const rows = kpiRowsOf(b, kind, period, kpi)
        .filter((r) => before.has(r.entity_id))
        .map((r) => ({ id: r.entity_id, cur: r.value!, prev: before.get(r.entity_id)! }))
        .sort((x, y) => Math.abs(y.cur - y.prev) - Math.abs(x.cur - x.prev) || x.id.localeCompare(y.id))
        .slice(0, MOVERS_PER_GROUP)
        .map((m): Row => {
          const c = change(m.cur, m.prev, def.unit, def.direction);
          return {
            group: t(locale, `overview.movers${kind === 'team' ? 'Teams' : 'People'}${kpi === 'revenue' ? 'Revenue' : 'Retention'}`),
            kind: t(locale, `overview.kind.${kind}`),
            entity: kind === 'person' ? (names.get(m.id) ?? m.id) : m.id,
            entity_id: m.id,
            href: kind === 'person' ? personHref(b, locale, m.id) : teamHref(b, locale, m.id),
            kpi: pick(def.name, locale), kpi_id: kpi, unit: def.unit,
            current: m.cur, previous: m.prev,
            change: c.value, change_unit: c.kind === 'points' ? 'points' : 'change',
            change_kind: t(locale, c.kind === 'points' ? 'overview.changeKind.points' : 'overview.changeKind.relative'),
            verdict: c.verdict,
          };
        });
      groups.push({ kind, kpi, rows });
    }
  }
  return groups;
};

export const overviewMoversTable = (b: SiteBundle, locale: Locale, period: string, rows?: Row[]): TableData => ({
  id: `overview-movers-${period}`,
  title: t(locale, 'overview.table.movers', { period: formatPeriod(period, locale) }),
  columns: [
    col('entity', t(locale, 'overview.col.entity'), 'text', undefined, { hrefKey: 'href' }),
    col('kind', t(locale, 'overview.col.kind'), 'text'),
    col('kpi', t(locale, 'overview.col.measure'), 'text'),
    col('current', t(locale, 'overview.col.current'), 'count', undefined, { unitKey: 'unit' }),
    col('previous', t(locale, 'overview.col.previous'), 'count', undefined, { unitKey: 'unit' }),
    col('change', t(locale, 'overview.col.change'), 'change', undefined, { unitKey: 'change_unit' }),
    col('change_kind', t(locale, 'overview.col.changeKind'), 'text'),
  ],
  rows: rows ?? overviewMovers(b, locale, period).flatMap((g) => g.rows),
});


const day = (ms: number | null | undefined, tz?: string) => (ms == null ? null : isoDate(ms, tz));

export const dataFilesTable = (b: SiteBundle, locale: Locale): TableData => ({
  id: 'data-files',
  title: `${t(locale, 'data.title')} · ${t(locale, 'data.summary')}`,
  columns: [
    col('file', t(locale, 'data.file'), 'text', undefined, { hrefKey: 'href' }),
    col('read', t(locale, 'data.read'), 'count', t(locale, 'unit.rows')),
    col('accepted', t(locale, 'data.accepted'), 'count', t(locale, 'unit.rows')),
    col('excluded', t(locale, 'data.excluded'), 'count', t(locale, 'unit.rows')),
    col('rejected', t(locale, 'data.rejected'), 'count', t(locale, 'unit.rows')),
    col('duplicates', t(locale, 'data.duplicates'), 'count', t(locale, 'unit.rows')),
    col('coverage_from', t(locale, 'data.coverageFrom'), 'date'),
    col('coverage_to', t(locale, 'data.coverageTo'), 'date'),
  ],
  rows: b.ledger.map((f) => ({
    file: f.present ? f.file : `${f.file} (${t(locale, 'data.notPresent')})`,
    href: `#file-${f.name}`,
    read: f.present ? f.read : null,
    accepted: f.present ? f.accepted : null,
    excluded: f.present ? f.excluded : null,
    rejected: f.present ? f.rejected : null,
    duplicates: f.present ? f.duplicates : null,
    coverage_from: day(f.coverage?.min, b.manifest.timezone),
    coverage_to: day(f.coverage?.max, b.manifest.timezone),
  })),
});

export const dataReasonsTable = (b: SiteBundle, locale: Locale): TableData => ({
  id: 'data-reasons',
  title: `${t(locale, 'data.title')} · ${t(locale, 'data.reasons')}`,
  columns: [
    col('file', t(locale, 'data.file'), 'text'),
    col('reason', t(locale, 'data.reason'), 'text'),
    col('column', t(locale, 'data.column'), 'text'),
    col('count', t(locale, 'data.rows'), 'count', t(locale, 'unit.rows')),
    col('examples', t(locale, 'data.examples'), 'text'),
  ],
  rows: b.ledger.flatMap((f) => f.reasons.map((r) => ({
    file: f.file,
    reason: `${pick(r.message, locale)} [${r.code}]`,
    column: r.column,
    count: r.count,
    examples: r.examples.map((e) => `${t(locale, 'data.line', { line: e.line })}: ${e.raw === '' ? '∅' : e.raw}`).join('; '),
  }))),
});

export const dataOrphansTable = (b: SiteBundle, locale: Locale): TableData => ({
  id: 'data-orphans',
  title: `${t(locale, 'data.title')} · ${t(locale, 'data.orphans')}`,
  columns: [
    col('file', t(locale, 'data.file'), 'text'),
    col('kind', t(locale, 'data.orphanKind'), 'text'),
    col('column', t(locale, 'data.column'), 'text'),
    col('count', t(locale, 'data.rows'), 'count', t(locale, 'unit.rows')),
  ],
  rows: b.ledger.flatMap((f) => f.orphans.map((o) => ({ file: f.file, kind: o.kind, column: o.column, count: o.count }))),
});

/** Every page table of the site, for the CSV endpoints and the downloads page. */
export const pageTables = (b: SiteBundle, locale: Locale): TableData[] => {
  const { quarter, month } = pagePeriods(b.manifest);
  return [
    ...[...quarter, ...month].map((p) => overviewKpisTable(b, locale, p.id)),
    ...[...quarter, ...month].map((p) => overviewMoversTable(b, locale, p.id)),
    dataFilesTable(b, locale),
    dataReasonsTable(b, locale),
    dataOrphansTable(b, locale),
    ...retentionTables(b, locale),
    ...tiersTables(b, locale),
    ...channelsTables(b, locale),
    ...kpisTables(b, locale),
    ...rolesTables(b, locale),
    ...peopleTables(b, locale),
    ...serviceTables(b, locale),
    ...satisfactionTables(b, locale),
    ...healthTables(b, locale),
  ];
};

/** Whole tables with machine column names (`/downloads/<name>.csv`). */
export const wholeTables = (b: SiteBundle): { name: string; columns: CsvColumn[]; rows: Record<string, unknown>[] }[] => {
  const kpiCols = ['entity_type', 'entity_id', 'grain', 'period', 'kpi', 'value', 'numerator', 'denominator', 'n', 'reason'];
  const ledgerCols = ['name', 'file', 'present', 'encoding', 'delimiter', 'read', 'accepted', 'excluded', 'rejected', 'duplicates', 'coverage_column', 'coverage_from', 'coverage_to', 'fingerprint'];
  return [
    { name: 'kpis', columns: kpiCols.map((k) => ({ key: k, header: k })), rows: b.kpis as unknown as Record<string, unknown>[] },
    {
      name: 'ledger',
      columns: ledgerCols.map((k) => ({ key: k, header: k })),
      rows: b.ledger.map((f) => ({
        ...f, present: f.present ? 'true' : 'false',
        coverage_column: f.coverage?.column ?? null,
        coverage_from: day(f.coverage?.min, b.manifest.timezone),
        coverage_to: day(f.coverage?.max, b.manifest.timezone),
      })),
    },
    cohortsWholeTable(b),
    customerTiersWholeTable(b),
    customerHealthWholeTable(b),
    scoresWholeTable(b),
  ];
};
