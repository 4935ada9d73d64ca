import { formatDate, formatPeriod } from '../../i18n/format.ts';
import { t, type Locale, type MessageKey } from '../../i18n/index.ts';
import type { CustomerTierRow } from '../../metrics/index.ts';
import type { MigrationCell } from '../../metrics/tier-migration.ts';
import type { CsvColumn } from '../../publish/to-csv.ts';
import type { SiteBundle } from '../../bundle/contract.ts';
import type { Row, TableData } from '../table-data.ts';
import { lastComplete } from './retention.ts';
import { personHref, teamHref } from '../paths.ts';
import { column as col, columnsOf } from '../column.ts';
import { atRiskSegments, isKnownSegment, segmentName, segmentOrder } from '../segments.ts';
import { dataLabel } from '../data-labels.ts';

/**
 * Every table the tiers page shows, defined once: the page renders it and
 * /downloads/<table-id>.csv serves it (ids start with `tiers-`).
 *
 * RFM and value tiers are the published snapshot at asOf; the migration matrix is the last
 * complete quarter's. The R×F cell counts and member-level counts are counts of the published
 * customer rows (selection and counting, no metric).
 */


export { atRiskSegments, segmentOrder } from '../segments.ts';

/** A segment's name in the locale (a config-defined name is shown as it is). */
export const segmentLabel = (locale: Locale, segment: string | null): string =>
  segment == null ? t(locale, 'tiers.unknownSegment') : segmentName(segment, locale);
const segmentAction = (locale: Locale, segment: string): string | null =>
  isKnownSegment(segment) ? t(locale, `tiers.action.${segment}` as MessageKey) : null;
const segmentRank = (s: string) => (isKnownSegment(s) ? segmentOrder.indexOf(s as (typeof segmentOrder)[number]) : segmentOrder.length);

export const valueTierOrder = ['A', 'B', 'C', 'none'] as const;
export type TierId = (typeof valueTierOrder)[number];
export const tierLabel = (locale: Locale, tier: string): string =>
  (valueTierOrder as readonly string[]).includes(tier) ? t(locale, `tiers.tier.${tier as TierId}`) : tier === 'new' ? t(locale, 'tiers.new') : tier;

/** Customers per (R, F) score pair and that cell's segment, counted from the customer rows. */
export interface RfCount { r: number; f: number; count: number; segment: string | null }
export const rfCounts = (customers: readonly CustomerTierRow[]): RfCount[] => {
  const cells = new Map<string, RfCount>();
  for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) cells.set(`${r},${f}`, { r, f, count: 0, segment: null });
  for (const c of customers) {
    if (c.r == null || c.f == null) continue;
    const cell = cells.get(`${c.r},${c.f}`);
    if (!cell) continue;
    cell.count++;
    cell.segment ??= c.segment;
  }
  return [...cells.values()];
};

/** "R5·F4, R5·F5": the grid cells that hold a segment (from the customer rows). */
const cellsOf = (counts: readonly RfCount[], segment: string): string =>
  counts.filter((c) => c.segment === segment).sort((a, b) => b.r - a.r || a.f - b.f).map((c) => `R${c.r}·F${c.f}`).join(', ');

const asOf = (b: SiteBundle, locale: Locale) => formatDate(b.manifest.asOf, locale);

export const tiersSegmentsTable = (b: SiteBundle, locale: Locale): TableData => {
  const counts = rfCounts(b.customers ?? []);
  const rows: Row[] = [...(b.rfm?.segments.rows ?? [])]
    .sort((x, y) => segmentRank(x.segment) - segmentRank(y.segment) || x.segment.localeCompare(y.segment))
    .map((s) => ({
      segment: segmentLabel(locale, s.segment), segment_id: s.segment,
      cells: cellsOf(counts, s.segment) || null,
      customers: s.customers, customers_share: s.customers_share, revenue: s.revenue,
      action: segmentAction(locale, s.segment),
    }));
  return {
    id: 'tiers-segments',
    title: t(locale, 'tiers.table.segments', { asOf: asOf(b, locale) }),
    columns: columnsOf(locale, [
      ['segment', 'tiers.col.segment', 'text'],
      ['cells', 'tiers.col.cells', 'text'],
      ['customers', 'tiers.col.customers', 'count', 'unit.count'],
      ['customers_share', 'tiers.col.share', 'ratio', 'unit.ratio'],
      ['revenue', 'tiers.col.revenue', 'currency', 'unit.currency'],
      ['action', 'tiers.col.action', 'text'],
    ]),
    rows,
  };
};

export const tiersEdgesTable = (b: SiteBundle, locale: Locale): TableData => {
  const e = b.rfm?.edges;
  // a quantile between two whole numbers (F 2.4) would be rounded away by the count format: keep 2 decimals as text
  const q = (v: number | undefined, money: boolean) => (v == null ? null : money || Number.isInteger(v) ? v : String(Math.round(v * 100) / 100));
  const row = (measure: string, scoring: string, v: number[], money: boolean): Row => ({
    measure, scoring, unit: money ? 'currency' : 'count', q1: q(v[0], money), q2: q(v[1], money), q3: q(v[2], money), q4: q(v[3], money),
  });
  return {
    id: 'tiers-rfm-edges',
    title: t(locale, 'tiers.table.edges', { asOf: asOf(b, locale) }),
    columns: [
      col('measure', t(locale, 'tiers.col.measure'), 'text'),
      ...['q1', 'q2', 'q3', 'q4'].map((q) => col(q, q, 'count', undefined, { unitKey: 'unit' })),
      col('scoring', t(locale, 'tiers.col.scoring'), 'text'),
    ],
    rows: e ? [
      row(t(locale, 'tiers.measure.r'), t(locale, 'tiers.scoring.r'), e.recency, false),
      row(t(locale, 'tiers.measure.f'), t(locale, 'tiers.scoring.fm'), e.frequency, false),
      row(t(locale, 'tiers.measure.m'), t(locale, 'tiers.scoring.fm'), e.monetary, true),
    ] : [],
  };
};

export const tiersValueTable = (b: SiteBundle, locale: Locale): TableData => ({
  id: 'tiers-value',
  title: t(locale, 'tiers.table.value', { asOf: asOf(b, locale) }),
  columns: columnsOf(locale, [
    ['tier', 'tiers.col.tier', 'text'],
    ['customers', 'tiers.col.customers', 'count', 'unit.count'],
    ['revenue', 'tiers.col.revenue', 'currency', 'unit.currency'],
    ['revenue_share', 'tiers.col.revenueShare', 'ratio', 'unit.ratio'],
    ['action', 'tiers.col.action', 'text'],
  ]),
  rows: (b.valueTiers?.summary ?? []).map((s) => ({
    tier: tierLabel(locale, s.tier), tier_id: s.tier, customers: s.customers, revenue: s.revenue, revenue_share: s.revenue_share,
    action: t(locale, `tiers.tierAction.${s.tier}`),
  })),
});

/** The value-tier migration cells of one quarter (published rows, selected). */
export const migrationCells = (b: SiteBundle, period: string | null): MigrationCell[] =>
  period ? (b.migration?.valueTiers ?? []).filter((c) => c.grain === 'quarter' && c.period === period) : [];

const migrationFrom = ['A', 'B', 'C', 'none', 'new'] as const;

export const tiersMigrationTable = (b: SiteBundle, locale: Locale, period: string | null): TableData => {
  const cells = migrationCells(b, period);
  const rows: Row[] = cells.length === 0 ? [] : migrationFrom.map((from) => {
    const r: Row = { from: tierLabel(locale, from), from_id: from };
    for (const to of valueTierOrder) {
      const c = cells.find((x) => x.from === from && x.to === to);
      r[`n_${to}`] = c?.customers ?? null;
      r[`s_${to}`] = c?.share ?? null;
    }
    return r;
  });
  return {
    id: 'tiers-migration',
    title: t(locale, 'tiers.table.migration', { quarter: period ? formatPeriod(period, locale) : '—' }),
    columns: [
      col('from', t(locale, 'tiers.col.from'), 'text'),
      ...valueTierOrder.map((to) => col(`n_${to}`, t(locale, 'tiers.col.toCount', { tier: tierLabel(locale, to) }), 'count', t(locale, 'unit.count'))),
      ...valueTierOrder.map((to) => col(`s_${to}`, t(locale, 'tiers.col.toShare', { tier: tierLabel(locale, to) }), 'ratio', t(locale, 'unit.ratio'))),
    ],
    rows,
  };
};

/** Customers per member level (and per value tier within it), counted from the customer rows. */
export const tiersMemberLevelsTable = (b: SiteBundle, locale: Locale): TableData => {
  const levels = new Map<string, Record<string, number>>();
  for (const c of b.customers ?? []) {
    if (!c.member_level) continue;
    let m = levels.get(c.member_level);
    if (!m) levels.set(c.member_level, (m = { total: 0, A: 0, B: 0, C: 0, none: 0 }));
    m.total!++;
    m[c.value_tier] = (m[c.value_tier] ?? 0) + 1;
  }
  return {
    id: 'tiers-member-levels',
    title: t(locale, 'tiers.table.memberLevels', { asOf: asOf(b, locale) }),
    columns: [
      col('level', t(locale, 'tiers.col.level'), 'text'),
      col('total', t(locale, 'tiers.col.customers'), 'count', t(locale, 'unit.count')),
      ...valueTierOrder.map((tier) => col(tier, tierLabel(locale, tier), 'count', t(locale, 'unit.count'))),
    ],
    rows: [...levels.entries()]
      .sort((x, y) => y[1].total! - x[1].total! || x[0].localeCompare(y[0]))
      .map(([level, m]) => ({ level: dataLabel(b, locale, level), ...m })),
  };
};

/** Recommended action per RFM segment and per value tier (product text). */
export const tiersActionsTable = (b: SiteBundle, locale: Locale): TableData => {
  const present = new Set((b.rfm?.segments.rows ?? []).map((s) => s.segment));
  const segs = [...segmentOrder.filter((s) => present.size === 0 || present.has(s))];
  return {
    id: 'tiers-actions',
    title: t(locale, 'tiers.table.actions'),
    columns: columnsOf(locale, [
      ['kind', 'tiers.col.kind', 'text'],
      ['group', 'tiers.col.group', 'text'],
      ['action', 'tiers.col.action', 'text'],
    ]),
    rows: [
      ...segs.map((s) => ({ kind: t(locale, 'tiers.kind.segment'), group: segmentLabel(locale, s), action: segmentAction(locale, s) })),
      ...valueTierOrder.map((tier) => ({ kind: t(locale, 'tiers.kind.tier'), group: tierLabel(locale, tier), action: t(locale, `tiers.tierAction.${tier}`) })),
    ],
  };
};

export const AT_RISK_TOP = 50;

/** Customers of the at-risk segments, highest M first (ties by customer id). */
export const atRiskCustomers = <T extends CustomerTierRow>(customers: readonly T[]): T[] =>
  customers
    .filter((c) => c.segment != null && (atRiskSegments as readonly string[]).includes(c.segment))
    .sort((x, y) => (y.monetary ?? 0) - (x.monetary ?? 0) || (x.customer_id < y.customer_id ? -1 : x.customer_id > y.customer_id ? 1 : 0));

/** The top at-risk customers with whom to call: contact details masked unless configured (src/publish/contacts.ts). */
export const tiersAtRiskTable = (b: SiteBundle, locale: Locale, top = AT_RISK_TOP): TableData => {
  const names = new Map((b.people ?? []).map((p) => [p.staff_id, p.name]));
  return {
    id: 'tiers-at-risk',
    title: t(locale, 'tiers.table.atRisk', { n: top, asOf: asOf(b, locale) }),
    columns: columnsOf(locale, [
      ['customer_id', 'tiers.col.customerId', 'text'],
      ['name', 'tiers.col.name', 'text'],
      ['owner', 'tiers.col.owner', 'text', undefined, { hrefKey: 'owner_href' }],
      ['team', 'tiers.col.team', 'text', undefined, { hrefKey: 'team_href' }],
      ['segment', 'tiers.col.segment', 'text'],
      ['value_tier', 'tiers.col.tier', 'text'],
      ['recency_days', 'tiers.col.recency', 'count', 'tiers.unit.days'],
      ['frequency', 'tiers.col.frequency', 'count', 'tiers.unit.times'],
      ['monetary', 'tiers.col.monetary', 'currency', 'unit.currency'],
      ['rfm', 'tiers.col.rfm', 'text'],
      ['last_purchase', 'tiers.col.lastPurchase', 'date'],
      ['phone', 'tiers.col.phone', 'text'],
      ['email', 'tiers.col.email', 'text'],
    ]),
    rows: atRiskCustomers(b.customers ?? []).slice(0, top).map((c) => ({
      customer_id: c.customer_id,
      name: c.name,
      owner: c.owner_id ? (names.get(c.owner_id) ?? c.owner_id) : null,
      owner_href: names.has(c.owner_id ?? '') ? personHref(b, locale, c.owner_id) : null,
      team: c.team,
      team_href: teamHref(b, locale, c.team),
      segment: segmentLabel(locale, c.segment),
      value_tier: tierLabel(locale, c.value_tier),
      recency_days: c.recency_days, frequency: c.frequency, monetary: c.monetary,
      rfm: c.r != null ? `${c.r}/${c.f}/${c.m}` : null,
      last_purchase: c.last_purchase,
      phone: c.phone ?? null,
      email: c.email ?? null,
    })),
  };
};

export const tiersTables = (b: SiteBundle, locale: Locale): TableData[] => {
  const quarter = lastComplete(b, 'quarter');
  return [
    tiersSegmentsTable(b, locale),
    tiersEdgesTable(b, locale),
    tiersValueTable(b, locale),
    tiersMigrationTable(b, locale, quarter),
    tiersMemberLevelsTable(b, locale),
    tiersActionsTable(b, locale),
    tiersAtRiskTable(b, locale),
  ];
};

/** `/downloads/customer-tiers.csv`: one row per customer, machine column names (no contact details). */
export const customerTierColumns = [
  'customer_id', 'name', 'owner_id', 'team', 'region', 'recency_days', 'frequency', 'monetary', 'r', 'f', 'm', 'segment',
  'value_tier', 'value_revenue', 'status', 'member_level', 'first_purchase', 'last_purchase',
] as const;
export const customerTiersWholeTable = (b: SiteBundle): { name: string; columns: CsvColumn[]; rows: Record<string, unknown>[] } => ({
  name: 'customer-tiers',
  columns: customerTierColumns.map((k) => ({ key: k, header: k })),
  rows: [...(b.customers ?? [])]
    .sort((x, y) => (x.customer_id < y.customer_id ? -1 : x.customer_id > y.customer_id ? 1 : 0))
    .map((c) => ({ ...c })),
});
