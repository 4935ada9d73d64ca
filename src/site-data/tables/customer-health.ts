import { currencyUnit } from '../../i18n/format.ts';
import { t, type Locale, type MessageKey } from '../../i18n/index.ts';
import type { CustomerHealthRow } from '../../metrics/customer-base/index.ts';
import type { CsvColumn } from '../../publish/to-csv.ts';
import type { SiteBundle } from '../../bundle/contract.ts';
import { column as col, columnsOf } from '../column.ts';
import { personHref, teamHref } from '../paths.ts';
import type { Row, TableData } from '../table-data.ts';
import type { PeopleColumn, PeopleTable, SubjectKind } from './people.ts';

/**
 * The customer-health tables (BG/NBD, Gamma-Gamma; src/metrics/customer-base), defined once: the
 * tiers page and the person and team pages render them, /downloads/<table-id>.csv serves them
 * (ids start with `health-`). A selection and sort of published rows, no new figure.
 */
const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Customers at risk, most value at risk first (ties by customer id). */
export const atRiskByValue = (rows: readonly CustomerHealthRow[]): CustomerHealthRow[] =>
  rows.filter((c) => c.at_risk).sort((x, y) => (y.value_at_risk ?? 0) - (x.value_at_risk ?? 0) || byId(x.customer_id, y.customer_id));

export const healthModelTable = (b: SiteBundle, locale: Locale): TableData => {
  const s = b.manifest.customerBase;
  const rows: Row[] = [];
  if (s?.ok) {
    const unit = t(locale, `health.unit.${s.settings.timeUnit}` as MessageKey);
    const p = s.bgnbd.params;
    const add = (id: string, value: number | null, digits: number, key: MessageKey) =>
      rows.push({ parameter: id, value: value == null ? null : Number(value.toFixed(digits)), meaning: t(locale, key, { unit }) });
    add('r', p.r, 4, 'health.param.r');
    add('α', p.alpha, 4, 'health.param.alpha');
    add('a', p.a, 4, 'health.param.a');
    add('b', p.b, 4, 'health.param.b');
    add('LL', s.bgnbd.logLikelihood, 2, 'health.param.ll');
    if (s.spend.ok) {
      add('p', s.spend.params.p, 4, 'health.param.p');
      add('q', s.spend.params.q, 4, 'health.param.q');
      add('γ', s.spend.params.gamma, 4, 'health.param.gamma');
    }
    add('ρ(x, m̄)', s.spend.correlation, 3, 'health.param.correlation');
  }
  return {
    id: 'health-model',
    title: t(locale, 'health.model'),
    columns: columnsOf(locale, [
      ['parameter', 'health.col.parameter', 'text'],
      ['value', 'health.col.value_', 'text'],
      ['meaning', 'health.col.meaning', 'text', undefined, { wide: true }],
    ]),
    rows,
  };
};

/** The company, then teams and regions (owners are on their own pages). */
export const healthPortfolioTable = (b: SiteBundle, locale: Locale): TableData => {
  const order = { company: 0, team: 1, region: 2, owner: 3 } as const;
  const rows = (b.customerPortfolio ?? [])
    .filter((r) => r.level !== 'owner')
    .sort((x, y) => order[x.level] - order[y.level] || (x.key === null ? 1 : y.key === null ? -1 : byId(x.key, y.key)))
    .map((r) => ({
      level: t(locale, `health.level.${r.level}`),
      name: r.level === 'company' ? t(locale, 'health.level.company') : (r.key ?? t(locale, 'health.none')),
      name_href: r.level === 'team' && r.key ? teamHref(b, locale, r.key) : null,
      customers: r.customers,
      expected_active: r.expectedActive,
      purchases_90d: r.purchases90d,
      purchases_12m: r.purchases12m,
      value: r.value,
      at_risk: r.atRisk,
      value_at_risk: r.valueAtRisk,
    }));
  return {
    id: 'health-portfolio',
    title: t(locale, 'health.portfolio'),
    columns: columnsOf(locale, [
      ['level', 'health.col.level', 'text'],
      ['name', 'health.col.name', 'text', undefined, { hrefKey: 'name_href' }],
      ['customers', 'health.col.customers', 'count'],
      ['expected_active', 'health.col.expectedActive', 'count', undefined, { digits: 1 }],
      ['purchases_90d', 'health.col.purchases90d', 'count', undefined, { digits: 1 }],
      ['purchases_12m', 'health.col.purchases12m', 'count', undefined, { digits: 1 }],
      ['value', 'health.col.value', 'currency', 'unit.currency'],
      ['at_risk', 'health.col.atRisk', 'count'],
      ['value_at_risk', 'health.col.valueAtRisk', 'currency', 'unit.currency'],
    ]),
    rows,
  };
};

export const healthHoldoutTable = (b: SiteBundle, locale: Locale): TableData => {
  const h = b.manifest.customerBase?.holdout;
  return {
    id: 'health-holdout',
    title: t(locale, 'health.holdout', { period: h?.period ?? '—' }),
    columns: columnsOf(locale, [
      ['repeats', 'health.col.repeats', 'text'],
      ['customers', 'health.col.customers', 'count'],
      ['forecast', 'health.col.forecast', 'count', undefined, { digits: 1 }],
      ['actual', 'health.col.actual', 'count'],
      ['forecast_mean', 'health.col.forecastMean', 'count', undefined, { digits: 2 }],
      ['actual_mean', 'health.col.actualMean', 'count', undefined, { digits: 2 }],
    ]),
    rows: h?.ok
      ? h.classes.map((c) => ({
          repeats: c.repeats,
          customers: c.customers,
          forecast: c.forecast,
          actual: c.actual,
          forecast_mean: c.customers > 0 ? c.forecast / c.customers : null,
          actual_mean: c.customers > 0 ? c.actual / c.customers : null,
        }))
      : [],
  };
};

export const CALL_LIST_TOP = 20;

/**
 * The call list of every owner (kind 'person') or team: their customers at risk by value at
 * risk, the first CALL_LIST_TOP each, with name and contact details as published (masked unless
 * privacy.showContactDetails). `id` restricts it to one subject; totals count all at risk.
 */
export const callListTable = (b: SiteBundle, locale: Locale, kind: SubjectKind, id?: string): PeopleTable & { totals: Map<string, number> } => {
  const published = new Map((b.customers ?? []).map((c) => [c.customer_id, c]));
  const names = new Map((b.people ?? []).map((p) => [p.staff_id, p.name]));
  const groups = new Map<string, CustomerHealthRow[]>();
  for (const c of atRiskByValue(b.customerHealth ?? [])) {
    const key = kind === 'person' ? c.owner_id : c.team;
    if (key == null || (id !== undefined && key !== id)) continue;
    const l = groups.get(key);
    if (l) l.push(c);
    else groups.set(key, [c]);
  }
  const totals = new Map<string, number>();
  const rows: Row[] = [];
  for (const key of [...groups.keys()].sort(byId)) {
    const list = groups.get(key)!;
    totals.set(key, list.length);
    list.slice(0, CALL_LIST_TOP).forEach((c, i) => {
      const p = published.get(c.customer_id);
      rows.push({
        ...(kind === 'person' ? { staff_id: key, person: names.get(key) ?? key } : { team: key }),
        pos: i + 1,
        customer_id: c.customer_id,
        customer: p?.name ?? null,
        owner: c.owner_id ? (names.get(c.owner_id) ?? c.owner_id) : null,
        owner_href: c.owner_id && names.has(c.owner_id) ? personHref(b, locale, c.owner_id) : null,
        p_alive: c.p_alive,
        last_purchase: c.last_purchase,
        value_if_active: c.value_if_active,
        value_at_risk: c.value_at_risk,
        phone: p?.phone ?? null,
        email: p?.email ?? null,
      });
    });
  }
  const subject: PeopleColumn[] =
    kind === 'person'
      ? [col<PeopleColumn>('staff_id', t(locale, 'people.col.staffId'), 'text', undefined, { subject: true }), col<PeopleColumn>('person', t(locale, 'people.col.name'), 'text', undefined, { subject: true })]
      : [col<PeopleColumn>('team', t(locale, 'people.col.team'), 'text', undefined, { subject: true })];
  return {
    id: kind === 'person' ? 'health-people-call-list' : 'health-team-call-list',
    title: t(locale, kind === 'person' ? 'health.peopleCallList' : 'health.teamCallList'),
    columns: [
      ...subject,
      col('pos', '#', 'count'),
      col('customer_id', t(locale, 'health.col.customerId'), 'text'),
      col('customer', t(locale, 'health.col.customer'), 'text'),
      ...(kind === 'team' ? [col('owner', t(locale, 'health.col.owner'), 'text', undefined, { hrefKey: 'owner_href' })] : []),
      col('p_alive', t(locale, 'health.col.pAlive'), 'ratio'),
      col('last_purchase', t(locale, 'health.col.lastPurchase'), 'date'),
      col('value_if_active', t(locale, 'health.col.valueIfActive'), 'currency', currencyUnit(locale)),
      col('value_at_risk', t(locale, 'health.col.valueAtRisk'), 'currency', currencyUnit(locale)),
      col('phone', t(locale, 'health.col.phone'), 'text'),
      col('email', t(locale, 'health.col.email'), 'text'),
    ],
    rows,
    totals,
  };
};

export const healthTables = (b: SiteBundle, locale: Locale): TableData[] => [
  healthModelTable(b, locale),
  healthPortfolioTable(b, locale),
  healthHoldoutTable(b, locale),
  ...(b.people?.length ? [callListTable(b, locale, 'person'), callListTable(b, locale, 'team')] : []),
];

/** `/downloads/customer-health.csv`: one row per modelled customer, machine column names (no contact details). */
export const customerHealthColumns = [
  'customer_id', 'owner_id', 'team', 'region', 'first_purchase', 'last_purchase', 'repeat_purchases', 't_x', 'T', 'p_alive',
  'expected_purchases_90d', 'expected_purchases_12m', 'expected_purchase_value', 'expected_value', 'value_if_active',
  'value_at_risk', 'at_risk',
] as const;
export const customerHealthWholeTable = (b: SiteBundle): { name: string; columns: CsvColumn[]; rows: Record<string, unknown>[] } => ({
  name: 'customer-health',
  columns: customerHealthColumns.map((k) => ({ key: k, header: k })),
  rows: [...(b.customerHealth ?? [])].sort((x, y) => byId(x.customer_id, y.customer_id)).map((c) => ({ ...c, at_risk: c.at_risk ? 'true' : 'false' })),
});
