import { unitLabel } from '../../i18n/unit-label.ts';
import { formatPeriod } from '../../i18n/format.ts';
import { pick, t, type Locale } from '../../i18n/index.ts';
import type { ScoreRow, WeightDerivation } from '../../scoring/types.ts';
import type { PersonRow, PublishedRoleCard, SiteBundle } from '../../bundle/contract.ts';
import { kpiDef } from '../kpi-index.ts';
import type { TableData } from '../table-data.ts';
import { kpiName, roleCards, rolePath, type ScoreTableData } from './kpis.ts';
import { personHref, teamHref } from '../paths.ts';
import { column as col } from '../column.ts';

/**
 * Every table the roles pages show, defined once: the page renders it and
 * /downloads/<table-id>.csv serves it (ids start with `roles-`):
 * `roles-<id>-duties`, `roles-<id>-kpis`, `roles-<id>-training`, `roles-<id>-roster`.
 */


/** `getStaticPaths` of /roles/[id]/: one page per published role card. */
export const rolePaths = (b: SiteBundle) => roleCards(b).map((c) => ({ params: { id: c.id } }));

export const findCard = (b: SiteBundle, id: string): PublishedRoleCard | undefined => roleCards(b).find((c) => c.id === id);

/** The role a card reports to, as its title and (for a role with a card) a link; null when not given. */
export const reportsToView = (b: SiteBundle, locale: Locale, card: PublishedRoleCard): { title: string; href: string | null } | null => {
  const r = card.reportsTo;
  if (r == null) return null;
  if (typeof r !== 'string') return { title: pick(r, locale), href: null };
  const target = findCard(b, r);
  // the build stops on an id that names no card (load-role-cards.ts): never a raw id on the page
  return target ? { title: pick(target.title, locale), href: rolePath(locale, target.id) } : null;
};

/** The card's body in the page's language, rendered and sanitised at publish; null when empty. */
export const cardBodyHtml = (card: PublishedRoleCard, locale: Locale): string | null => card.bodyHtml[locale] || null;

/** Everyone whose staff.csv role is this card, active people first, then by staff id. */
export const rolePeople = (b: SiteBundle, role: string): PersonRow[] =>
  (b.people ?? [])
    .filter((p) => p.role === role)
    .sort((x, y) => Number(y.active) - Number(x.active) || (x.staff_id < y.staff_id ? -1 : x.staff_id > y.staff_id ? 1 : 0));

/** People currently in the role (active). */
export const activeCount = (b: SiteBundle, role: string): number => rolePeople(b, role).filter((p) => p.active).length;

const completeQuarters = (b: SiteBundle): Set<string> =>
  new Set((b.manifest.periods.quarter ?? []).filter((p) => p.complete).map((p) => p.id));

/** The weights in use for the role in the latest complete quarter that has them. */
export const latestWeights = (b: SiteBundle, role: string): WeightDerivation | undefined => {
  const done = completeQuarters(b);
  return (b.weights ?? [])
    .filter((w) => w.role === role && done.has(w.period))
    .reduce<WeightDerivation | undefined>((best, w) => (!best || w.period > best.period ? w : best), undefined);
};

/** A person's most recent score in the role among complete quarters. */
export const latestScore = (b: SiteBundle, role: string, staffId: string): ScoreRow | undefined => {
  const done = completeQuarters(b);
  return (b.scores ?? [])
    .filter((s) => s.role === role && s.staff_id === staffId && s.score != null && done.has(s.period))
    .reduce<ScoreRow | undefined>((best, s) => (!best || s.period > best.period ? s : best), undefined);
};

const sep = (locale: Locale) => (locale === 'zh-CN' ? '、' : ', ');

export const dutiesTable = (b: SiteBundle, locale: Locale, card: PublishedRoleCard): ScoreTableData => ({
  id: `roles-${card.id}-duties`,
  title: t(locale, 'roles.dutiesTable', { role: pick(card.title, locale) }),
  columns: [
    col('duty', t(locale, 'roles.col.duty'), 'text'),
    col('standard', t(locale, 'roles.col.standard'), 'text'),
    col('evidence', t(locale, 'roles.col.evidence'), 'text'),
    col('kpis', t(locale, 'roles.col.dutyKpis'), 'text'),
  ],
  rows: card.duties.map((d) => ({
    duty: pick(d.name, locale),
    standard: pick(d.standard, locale),
    evidence: pick(d.evidence, locale),
    kpis: d.kpis?.length ? d.kpis.map((k) => kpiName(b, k, locale)).join(sep(locale)) : null,
  })),
});

/** The card's KPIs with definitions, the weights in use (latest complete quarter), default targets and caps. */
export const roleKpisTable = (b: SiteBundle, locale: Locale, card: PublishedRoleCard): ScoreTableData => {
  const w = latestWeights(b, card.id);
  const weight = new Map((w?.weights ?? []).map((x) => [x.kpi, x.weight]));
  return {
    id: `roles-${card.id}-kpis`,
    title: t(locale, 'roles.kpisTable', { role: pick(card.title, locale) }),
    columns: [
      col('kpi', t(locale, 'roles.col.kpi'), 'text'),
      col('definition', t(locale, 'roles.col.definition'), 'text', undefined, { wide: true }),
      col('unit_label', t(locale, 'roles.col.unit'), 'text', undefined, { nowrap: true }),
      col('direction', t(locale, 'roles.col.direction'), 'text', undefined, { nowrap: true }),
      col('weight', w ? `${t(locale, 'roles.col.weight')} · ${formatPeriod(w.period, locale)}` : t(locale, 'roles.col.weight'), 'ratio', t(locale, 'unit.ratio')),
      col('target', t(locale, 'roles.col.target'), 'count', undefined, { unitKey: 'unit' }),
      col('cap', t(locale, 'roles.col.cap'), 'ratio', t(locale, 'unit.ratio')),
    ],
    rows: card.kpis.map((k) => {
      const def = kpiDef(b, k.id);
      return {
        kpi: kpiName(b, k.id, locale),
        definition: def ? pick(def.definition, locale) : null,
        unit: def?.unit ?? 'count',
        unit_label: def ? unitLabel(locale, def.unit) : null,
        direction: def ? t(locale, def.direction === 'lower' ? 'kpis.direction.lower' : 'kpis.direction.higher') : null,
        weight: weight.get(k.id) ?? null,
        target: k.target ?? null,
        cap: k.cap ?? t(locale, 'roles.capDefault'),
      };
    }),
  };
};

export const trainingTable = (locale: Locale, card: PublishedRoleCard): ScoreTableData => ({
  id: `roles-${card.id}-training`,
  title: t(locale, 'roles.trainingTable', { role: pick(card.title, locale) }),
  columns: [
    col('topic', t(locale, 'roles.col.topic'), 'text'),
    col('hours', t(locale, 'roles.col.hours'), 'hours'),
  ],
  rows: card.training.map((x) => ({ topic: pick(x.topic, locale), hours: x.hours })),
});

/** Total training hours of a card (a sum of the card's own numbers, shown under the table). */
export const trainingHours = (card: PublishedRoleCard): number => card.training.reduce((s, x) => s + x.hours, 0);

/** Everyone in the role with their latest grade and score (linked to their person and team pages). */
export const rosterTable = (b: SiteBundle, locale: Locale, card: PublishedRoleCard): ScoreTableData => ({
  id: `roles-${card.id}-roster`,
  title: t(locale, 'roles.rosterTable', { role: pick(card.title, locale) }),
  columns: [
    col('name', t(locale, 'roles.col.name'), 'text', undefined, { hrefKey: 'name_href' }),
    col('staff_id', 'ID', 'text'),
    col('team', t(locale, 'roles.col.team'), 'text', undefined, { hrefKey: 'team_href' }),
    col('status', t(locale, 'roles.col.status'), 'text'),
    col('grade', t(locale, 'roles.col.grade'), 'text'),
    col('score', t(locale, 'roles.col.score'), 'text', t(locale, 'kpis.points'), { digits: 1 }),
    col('rank', t(locale, 'roles.col.rank'), 'count'),
    col('period', t(locale, 'roles.col.period'), 'text'),
  ],
  rows: rolePeople(b, card.id).map((p) => {
    const s = latestScore(b, card.id, p.staff_id);
    return {
      name: p.name, name_href: personHref(b, locale, p.staff_id), staff_id: p.staff_id,
      team: p.team, team_href: teamHref(b, locale, p.team),
      status: t(locale, p.active ? 'roles.active' : 'roles.inactive'),
      grade: s?.grade ?? null,
      score: s?.score == null ? null : Math.round(s.score * 100) / 100,
      rank: s?.rank ?? null,
      period: s ? formatPeriod(s.period, locale) : null,
    };
  }),
});

export const rolesTables = (b: SiteBundle, locale: Locale): TableData[] =>
  roleCards(b).flatMap((card) => [dutiesTable(b, locale, card), roleKpisTable(b, locale, card), trainingTable(locale, card), rosterTable(b, locale, card)]);
