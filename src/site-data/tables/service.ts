import { formatDate, formatPeriod } from '../../i18n/format.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { BACKLOG_BUCKETS, type BacklogBucket } from '../../metrics/tickets.ts';
import type { SiteBundle } from '../../bundle/contract.ts';
import { kpiRow } from '../kpi-index.ts';
import { grainOf, pagePeriods } from '../periods.ts';
import type { Row, TableData } from '../table-data.ts';
import { personHref, teamHref } from '../paths.ts';
import { column as col } from '../column.ts';
import { dataLabel } from '../data-labels.ts';

/**
 * Every table the service pages show, defined once: the page renders it and
 * /downloads/<table-id>.csv serves it (ids start with `service-`).
 * Everything here selects, sorts and formats published rows; the only arithmetic is display
 * grouping (histogram bins of published per-ticket facts, backlog counts summed per age bucket).
 */



/** The person KPIs of the per-person service table, in column order. */
export const servicePersonKpis = ['complaints', 'first_response_hours', 'response_sla_rate', 'resolution_hours', 'resolution_rate', 'complaint_satisfaction'] as const;

/** Ticket KPIs that make a person a "service person" when on their role card or with n > 0. */
const ticketKpis = new Set<string>(servicePersonKpis);

/**
 * Staff shown in the per-person table of a period: people whose role card carries a ticket KPI,
 * plus anyone with a ticket KPI row of n > 0 in the period. Ordered by staff id.
 */
export const servicePeople = (b: SiteBundle, period: string): string[] => {
  const roles = new Set((b.roles ?? []).filter((r) => r.kpis.some((k) => ticketKpis.has(k.id))).map((r) => r.id));
  const ids = new Set<string>();
  for (const p of b.people ?? []) if (roles.has(p.role)) ids.add(p.staff_id);
  for (const r of b.kpis) {
    if (r.entity_type === 'person' && r.period === period && ticketKpis.has(r.kpi) && r.n > 0) ids.add(r.entity_id);
  }
  return [...ids].sort();
};

export const servicePeopleTable = (b: SiteBundle, locale: Locale, period: string): TableData => {
  const people = new Map((b.people ?? []).map((p) => [p.staff_id, p]));
  const rows: Row[] = servicePeople(b, period).map((id) => {
    const p = people.get(id);
    const row: Row = { person: p?.name ?? id, staff_id: id, href: personHref(b, locale, id), team: p?.team ?? null, team_href: teamHref(b, locale, p?.team) };
    for (const k of servicePersonKpis) {
      const r = kpiRow(b, { type: 'person', id }, period, k);
      row[k] = r?.value ?? null;
      if (k !== 'complaints') row[`${k}_n`] = r?.n ?? null;
    }
    return row;
  });
  const h = t(locale, 'unit.hours');
  const pct = t(locale, 'unit.ratio');
  const name = (k: string) => {
    const d = b.catalogue.find((c) => c.id === k);
    return d ? d.name[locale] : k;
  };
  return {
    id: `service-people-${period}`,
    title: t(locale, 'service.table.people', { period: formatPeriod(period, locale) }),
    columns: [
      col('person', t(locale, 'service.col.person'), 'text', undefined, { hrefKey: 'href' }),
      col('staff_id', 'ID', 'text'),
      col('team', t(locale, 'service.col.team'), 'text', undefined, { hrefKey: 'team_href' }),
      col('complaints', name('complaints'), 'count', t(locale, 'unit.count')),
      col('first_response_hours', name('first_response_hours'), 'hours', h),
      col('response_sla_rate', name('response_sla_rate'), 'ratio', pct),
      col('resolution_hours', name('resolution_hours'), 'hours', h),
      col('resolution_rate', name('resolution_rate'), 'ratio', pct),
      col('complaint_satisfaction', name('complaint_satisfaction'), 'ratio', pct),
      col('complaint_satisfaction_n', `${name('complaint_satisfaction')} n`, 'count'),
    ],
    rows,
  };
};

export const serviceCategoriesTable = (b: SiteBundle, locale: Locale, period: string): TableData => {
  const rows: Row[] = (b.complaintCategories ?? [])
    .filter((r) => r.entity_type === 'company' && r.period === period)
    .sort((x, y) => x.rank - y.rank)
    .map((r) => ({
      rank: r.rank,
      category: r.category != null ? dataLabel(b, locale, r.category) : t(locale, 'service.noCategory'),
      count: r.count,
      share: r.share,
      cumulative_share: r.cumulative_share,
    }));
  return {
    id: `service-categories-${period}`,
    title: t(locale, 'service.table.categories', { period: formatPeriod(period, locale) }),
    columns: [
      col('rank', t(locale, 'service.col.rank'), 'count'),
      col('category', t(locale, 'service.col.category'), 'text'),
      col('count', t(locale, 'service.col.count'), 'count', t(locale, 'unit.count')),
      col('share', t(locale, 'service.col.share'), 'ratio', t(locale, 'unit.ratio')),
      col('cumulative_share', t(locale, 'service.col.cumulative'), 'ratio', t(locale, 'unit.ratio')),
    ],
    rows,
  };
};


/**
 * Open tickets at asOf, one row per owner (ordered by owner id, unassigned last): the published
 * counts per age bucket side by side, and the owner's open tickets and complaints over all buckets.
 */
export const serviceBacklogTable = (b: SiteBundle, locale: Locale): TableData => {
  const people = new Map((b.people ?? []).map((p) => [p.staff_id, p]));
  const byOwner = new Map<string | null, Row>();
  for (const r of b.backlog ?? []) {
    let row = byOwner.get(r.owner_id);
    if (!row) {
      row = {
        owner: r.owner_id ? (people.get(r.owner_id)?.name ?? r.owner_id) : t(locale, 'service.unassigned'),
        owner_id: r.owner_id,
        href: personHref(b, locale, r.owner_id),
        team: r.team,
        team_href: teamHref(b, locale, r.team),
        // no published row for a bucket = no open tickets of that age
        ...Object.fromEntries(BACKLOG_BUCKETS.map((k) => [`age_${k}`, 0])),
        tickets: 0,
        complaints: 0,
      };
      byOwner.set(r.owner_id, row);
    }
    row[`age_${r.age_bucket}`] = r.tickets;
    row.tickets = (row.tickets as number) + r.tickets;
    row.complaints = (row.complaints as number) + r.complaints;
  }
  const rows = [...byOwner.entries()]
    .sort(([a], [c]) => (a ?? '\uffff').localeCompare(c ?? '\uffff'))
    .map(([, r]) => r);
  const unit = t(locale, 'unit.count');
  return {
    id: 'service-backlog',
    title: t(locale, 'service.table.backlog', { asOf: formatDate(b.manifest.asOf, locale) }),
    columns: [
      col('owner', t(locale, 'service.col.owner'), 'text', undefined, { hrefKey: 'href' }),
      col('owner_id', 'ID', 'text'),
      col('team', t(locale, 'service.col.team'), 'text', undefined, { hrefKey: 'team_href' }),
      ...BACKLOG_BUCKETS.map((k) => col(`age_${k}`, t(locale, `service.age.${k}`), 'count', unit)),
      col('tickets', t(locale, 'service.col.tickets'), 'count', unit),
      col('complaints', t(locale, 'service.col.complaints'), 'count', unit),
    ],
    rows,
  };
};

/** Open tickets per age bucket, summed over owners (display grouping of the published rows). */
export const backlogByAge = (b: SiteBundle): { bucket: BacklogBucket; tickets: number; complaints: number }[] =>
  BACKLOG_BUCKETS.map((bucket) => {
    const rs = (b.backlog ?? []).filter((r) => r.age_bucket === bucket);
    return { bucket, tickets: rs.reduce((s, r) => s + r.tickets, 0), complaints: rs.reduce((s, r) => s + r.complaints, 0) };
  });

/**
 * Published per-ticket hours of a period: `response` = first response hours of tickets opened in
 * the period (every type, as first_response_hours); `resolution` = resolution hours of complaints
 * opened in the period (as resolution_hours).
 */
export const ticketHours = (b: SiteBundle, period: string, kind: 'response' | 'resolution'): number[] => {
  const g = grainOf(period);
  const out: number[] = [];
  for (const f of b.ticketFacts ?? []) {
    if ((g === 'quarter' ? f.period_quarter : g === 'month' ? f.period_month : null) !== period) continue;
    if (kind === 'response') {
      if (f.response_hours != null) out.push(f.response_hours);
    } else if (f.type === 'complaint' && f.resolution_hours != null) out.push(f.resolution_hours);
  }
  return out;
};

/** Round caps for a histogram's x range (hours): each splits into 12 bins of whole hours. */
const CAPS = [12, 24, 48, 72, 96, 120, 168, 240, 336, 480, 720, 1440];

/**
 * Display bins for a histogram: the range 0..cap is the smallest round cap ≥ 1.5 × the published
 * p90 (so the bulk and its tail show), cut into `count` equal bins (lower edge inclusive);
 * values ≥ cap are counted in `overflow`, with the longest in `max`.
 */
export const histogramBins = (values: number[], p90: number | null, count = 12) => {
  const target = (p90 ?? Math.max(0, ...values)) * 1.5;
  const cap = CAPS.find((c) => c >= target) ?? CAPS.at(-1)!;
  const width = cap / count;
  const bins = Array.from({ length: count }, (_, i) => ({ x0: i * width, x1: (i + 1) * width, count: 0 }));
  let overflow = 0;
  let max: number | null = null;
  for (const v of values) {
    if (max === null || v > max) max = v;
    if (v >= cap) overflow++;
    else bins[Math.min(count - 1, Math.floor(v / width))]!.count++;
  }
  return { bins, cap, overflow, max };
};

export const serviceTables = (b: SiteBundle, locale: Locale): TableData[] => {
  const { quarter, month } = pagePeriods(b.manifest);
  const periods = [...quarter, ...month].map((p) => p.id);
  return [
    ...periods.flatMap((p) => [serviceCategoriesTable(b, locale, p), servicePeopleTable(b, locale, p)]),
    serviceBacklogTable(b, locale),
  ];
};
