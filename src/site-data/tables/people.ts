import { unitLabel } from '../../i18n/unit-label.ts';
import { DEFAULT_DEFINITION_SETTINGS } from '../../metrics/definition-settings.ts';
import { definitionParams, rfmWindowPhrase, type DefinitionParams } from '../definition-params.ts';
import { formatCount, formatPeriodShort, currencyUnit } from '../../i18n/format.ts';

/** Grades sort best first when descending: S 5 … D 1. */
const gradeSort = (g: string | null | undefined): number | null => (g ? ({ S: 5, A: 4, B: 3, C: 2, D: 1 } as Record<string, number>)[g] ?? null : null);
/** A period id as a sortable number: 2026-Q3 → 20263, 2026-09 → 202609. */
const periodSort = (id: string | null | undefined): number | null => (id ? Number(id.replace(/\D/g, '')) : null);
import { localePath, pick, t, type Locale } from '../../i18n/index.ts';
import type { KpiRow } from '../../model/kpi.ts';
import type { CustomerTierRow } from '../../metrics/index.ts';
import type { ScoreRow, TeamScoreRow } from '../../scoring/index.ts';
import type { PersonRow, PublishedRoleCard, SiteBundle } from '../../bundle/contract.ts';
import { kpiDef, kpiRow } from '../kpi-index.ts';
import { defaultPeriod, pagePeriods } from '../periods.ts';
import { reasonKey } from '../reason-key.ts';
import type { Row, TableColumn, TableData } from '../table-data.ts';
import { slugs } from '../paths.ts';
import { teamSlugs } from '../team-slugs.ts';
import { column } from '../column.ts';
import { segmentName } from '../segments.ts';
import { dataLabel } from '../data-labels.ts';

/**
 * Tables of the People (/people/<staff_id>/) and Teams (/teams/<team>/) pages.
 *
 * With thousands of people a CSV per person and table would be thousands of files, so each table
 * *kind* has one download holding everyone (`people-scorecard`, `people-scores`, `team-service` …):
 * a page shows its subject's rows of that kind (same columns, minus the subject columns) and links
 * to the whole-kind CSV. Every builder reads published rows only: look-ups, filters, sorts and
 * counts of customers per owner — no KPI is computed here.
 *
 * All look-ups go through `peopleIndex(b)`, built once per bundle (a WeakMap keyed by the bundle),
 * and the KPI index of kpi-index.ts; nothing scans the whole KPI table per person.
 */

/** Extra display hints on top of the shared column type (DataTable ignores them). */
export interface PeopleColumn extends TableColumn {
  /** fixed decimals for plain numbers (scores, contributions) */
  digits?: number;
  /** the column names the page's subject: left out of the page table, kept in the CSV */
  subject?: boolean;
  /** row field holding the reason text shown for a null value in this column */
  reasonKey?: string;
  /** an empty cell is blank, not "—" (remarks, not values) */
  blank?: boolean;
  /** row field holding a number the sort script uses instead of the text (periods) */
  sortKey?: string;
  /** only in the CSV (e.g. the unit of raw numbers; the page formats values with their unit) */
  csvOnly?: boolean;
  /** a column a reader decides by (actual, target, attainment): on the page it follows the row header, so a phone shows it without scrolling */
  decisive?: boolean;
}

export interface PeopleTable extends TableData {
  columns: PeopleColumn[];
}

export type SubjectKind = 'person' | 'team';

/** What every section of a person or team page is given: the subject and where it is shown. */
export interface SubjectSectionProps {
  locale: Locale;
  bundle: SiteBundle;
  kind: SubjectKind;
  id: string;
}

/** Customers in these RFM segments are "at risk" (as the metrics stage's at-risk value). */
export const AT_RISK_SEGMENTS: ReadonlySet<string> = new Set(['at_risk', 'cant_lose']);
export const TIERS = ['A', 'B', 'C', 'none'] as const;
/** Service record and follow-up KPIs, in display order. */
export const SERVICE_KPIS = ['complaints', 'first_response_hours', 'first_response_hours_p90', 'response_sla_rate', 'resolution_hours', 'resolution_hours_p90', 'resolution_rate', 'complaint_satisfaction'] as const;
export const FOLLOWUP_KPIS = ['coverage_rate', 'interactions', 'visit_sla_rate', 'task_completion_rate'] as const;
/** Quarters in trends and the service/follow-up matrices. */
export const TREND_QUARTERS = 8;
const TOP_AT_RISK = 10;

// ---- URL slugs --------------------------------------------------------------------------------

export { slugify } from '../paths.ts';

// ---- the index --------------------------------------------------------------------------------

export interface PeopleIndex {
  /** by staff_id */
  people: PersonRow[];
  byId: Map<string, PersonRow>;
  personSlug: Map<string, string>;
  /** team names, sorted */
  teams: string[];
  teamSlug: Map<string, string>;
  members: Map<string, PersonRow[]>;
  /** a person's score rows, oldest first */
  scores: Map<string, ScoreRow[]>;
  /** a team's score rows, by role then period */
  teamScores: Map<string, TeamScoreRow[]>;
  /** people (teams) with a score in role × period: the "of N" of a rank */
  roleScored: Map<string, number>;
  teamRoleScored: Map<string, number>;
  customersByOwner: Map<string, CustomerTierRow[]>;
  customersByTeam: Map<string, CustomerTierRow[]>;
  roles: Map<string, PublishedRoleCard>;
  /** latest complete quarter */
  latest: string | null;
  /** the trend window: up to TREND_QUARTERS complete quarters ending at `latest`, oldest first */
  window: string[];
  /** RFM segment ids in display order */
  segments: string[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
};
const rk = (role: string, period: string) => `${role}\u0000${period}`;

/** "第 3 名 / 共 22 名", or without the count where there is none to state (an audience showing company ranks) */
export const rankText = (locale: Locale, rank: number, of: number | null | undefined): string =>
  of == null ? t(locale, 'people.rankOnly', { rank }) : t(locale, 'people.rankOf', { rank, of: formatCount(of, locale) });

const cache = new WeakMap<SiteBundle, PeopleIndex>();

export const peopleIndex = (b: SiteBundle): PeopleIndex => {
  const hit = cache.get(b);
  if (hit) return hit;
  const people = [...(b.people ?? [])].sort((x, y) => byString(x.staff_id, y.staff_id));
  const byId = new Map(people.map((p) => [p.staff_id, p]));
  const members = new Map<string, PersonRow[]>();
  for (const p of people) if (p.team) push(members, p.team, p);
  const teamNames = new Set(members.keys());
  for (const s of b.teamScores ?? []) teamNames.add(s.team);
  const teams = [...teamNames].sort(byString);

  const scores = new Map<string, ScoreRow[]>();
  const roleScored = new Map<string, number>();
  for (const s of b.scores ?? []) {
    if (s.grain !== 'quarter') continue;
    push(scores, s.staff_id, s);
    if (s.score != null) roleScored.set(rk(s.role, s.period), (roleScored.get(rk(s.role, s.period)) ?? 0) + 1);
  }
  for (const l of scores.values()) l.sort((x, y) => byString(x.period, y.period) || byString(x.role, y.role));
  const teamScores = new Map<string, TeamScoreRow[]>();
  const teamRoleScored = new Map<string, number>();
  for (const s of b.teamScores ?? []) {
    if (s.grain !== 'quarter') continue;
    push(teamScores, s.team, s);
    if (s.score != null) teamRoleScored.set(rk(s.role, s.period), (teamRoleScored.get(rk(s.role, s.period)) ?? 0) + 1);
  }
  for (const l of teamScores.values()) l.sort((x, y) => byString(x.role, y.role) || byString(x.period, y.period));
  // an audience's site showing company ranks (audiences.<name>.ranks: company) shows no count: its own would not match them
  if (b.manifest.audience?.ranks === 'company') {
    roleScored.clear();
    teamRoleScored.clear();
  }

  const customersByOwner = new Map<string, CustomerTierRow[]>();
  const customersByTeam = new Map<string, CustomerTierRow[]>();
  for (const c of b.customers ?? []) {
    if (c.owner_id) push(customersByOwner, c.owner_id, c);
    if (c.team) push(customersByTeam, c.team, c);
  }

  const latest = defaultPeriod(b.manifest)?.id ?? null;
  const window = pagePeriods(b.manifest, { quarters: TREND_QUARTERS, months: 0 }).quarter.map((p) => p.id).reverse();
  const segments = (b.rfm?.segments.rows ?? []).map((r) => r.segment);
  for (const c of b.customers ?? []) if (c.segment && !segments.includes(c.segment)) segments.push(c.segment);

  // the same slugs as every link to these pages (paths.ts)
  const slug = slugs(b);
  const idx: PeopleIndex = {
    people, byId, personSlug: slug.person,
    teams, teamSlug: slug.team, members, scores, teamScores, roleScored, teamRoleScored,
    customersByOwner, customersByTeam,
    roles: new Map((b.roles ?? []).map((r) => [r.id, r])),
    latest, window, segments,
  };
  cache.set(b, idx);
  return idx;
};

// ---- links and labels -------------------------------------------------------------------------

const lp = (locale: Locale, path: string) => localePath(locale, path);

/** Locale-free paths (pass through localePath for the base): `/people/S001/`, `/teams/华南组/`. */
export const personPath = (idx: PeopleIndex, staffId: string): string | null => {
  const s = idx.personSlug.get(staffId);
  return s ? `/people/${s}/` : null;
};
export const teamPath = (idx: PeopleIndex, team: string | null | undefined): string | null => {
  const s = team ? idx.teamSlug.get(team) : undefined;
  return s ? `/teams/${s}/` : null;
};
/** Role pages exist for published role cards only. */
export const rolePath = (idx: PeopleIndex, role: string): string | null => (idx.roles.has(role) ? `/roles/${role}/` : null);

export const roleTitle = (idx: PeopleIndex, role: string, locale: Locale): string => {
  const r = idx.roles.get(role);
  return r ? pick(r.title, locale) : role;
};

/** Display label of an RFM segment id (known ids translated; custom grid names as they are). */
export const segmentLabel = (segment: string | null, locale: Locale, params: Pick<DefinitionParams, 'rfmWindow'> | null = null): string => {
  if (segment == null) return t(locale, 'people.segment.none', { rfmWindow: params?.rfmWindow ?? rfmWindowPhrase(DEFAULT_DEFINITION_SETTINGS.rfmWindowMonths, locale) });
  return segmentName(segment, locale);
};
export const tierLabel = (tier: string, locale: Locale): string =>
  (TIERS as readonly string[]).includes(tier) ? t(locale, `people.tier.${tier as (typeof TIERS)[number]}`) : tier;

const targetSourceLabel = (s: string | null, locale: Locale): string | null =>
  s === 'person' || s === 'team' || s === 'card' || s === 'members' ? t(locale, `people.targetSource.${s}`) : null;

const modeLabel = (m: 'target' | 'relative', locale: Locale) => t(locale, m === 'target' ? 'people.mode.target' : 'people.mode.relative');

const col = (key: string, label: string, kind: PeopleColumn['kind'], unit?: string, extra: Partial<PeopleColumn> = {}): PeopleColumn => column<PeopleColumn>(key, label, kind, unit, extra);

/** Round for display and CSV alike (scores and contributions are shown with one decimal). */
const r1 = (v: number | null | undefined): number | null => (v == null || !Number.isFinite(v) ? null : Math.round(v * 10) / 10);

const reasonText = (row: KpiRow | undefined, locale: Locale): string =>
  t(locale, row ? reasonKey(row.reason) : 'reason.no_data');

// ---- score look-ups ---------------------------------------------------------------------------

/**
 * The score row a card shows: the latest complete quarter's, else the newest before it (an
 * inactive person's last score), marked `current: false`.
 */
export const currentScore = <S extends { period: string }>(rows: S[] | undefined, latest: string | null): { row: S; current: boolean } | null => {
  if (!rows?.length || !latest) return null;
  const before = rows.filter((r) => r.period <= latest);
  const row = before.at(-1);
  return row ? { row, current: row.period === latest } : null;
};

/** A person's current score rows (one per role they were scored in that period; normally one). */
export const personCurrentScores = (idx: PeopleIndex, staffId: string): { row: ScoreRow; current: boolean }[] => {
  const c = currentScore(idx.scores.get(staffId), idx.latest);
  if (!c) return [];
  return (idx.scores.get(staffId) ?? []).filter((r) => r.period === c.row.period).map((row) => ({ row, current: c.current }));
};

/** A team's current score row per role. */
export const teamCurrentScores = (idx: PeopleIndex, team: string): { row: TeamScoreRow; current: boolean }[] => {
  const byRole = new Map<string, TeamScoreRow[]>();
  for (const r of idx.teamScores.get(team) ?? []) push(byRole, r.role, r);
  return [...byRole.values()].map((rows) => currentScore(rows, idx.latest)).filter((x): x is { row: TeamScoreRow; current: boolean } => !!x);
};

// ---- people index (also the team member list) ------------------------------------------------

export const peopleIndexTable = (b: SiteBundle, locale: Locale, team?: string): PeopleTable => {
  const idx = peopleIndex(b);
  const list = team === undefined ? idx.people : (idx.members.get(team) ?? []);
  return {
    id: 'people-index',
    title: t(locale, 'people.indexTable'),
    columns: [
      col('name', t(locale, 'people.col.name'), 'text', undefined, { hrefKey: 'href' }),
      col('staff_id', t(locale, 'people.col.staffId'), 'text'),
      col('role', t(locale, 'people.col.role'), 'text', undefined, { hrefKey: 'role_href' }),
      col('team', t(locale, 'people.col.team'), 'text', undefined, { hrefKey: 'team_href', subject: team !== undefined }),
      col('status', t(locale, 'people.col.status'), 'text'),
      col('grade', t(locale, 'people.col.grade'), 'text', undefined, { sortKey: 'grade_sort' }),
      col('score', t(locale, 'people.col.score'), 'count', t(locale, 'people.unit.points'), { digits: 1 }),
      col('rank', t(locale, 'people.col.rank'), 'count'),
      col('period_label', t(locale, 'people.col.scorePeriod'), 'text', undefined, { sortKey: 'period_sort' }),
    ],
    rows: list.map((p) => {
      const s = personCurrentScores(idx, p.staff_id).find((x) => x.row.role === p.role) ?? personCurrentScores(idx, p.staff_id)[0];
      const href = personPath(idx, p.staff_id);
      const rp = rolePath(idx, p.role);
      const tp = teamPath(idx, p.team);
      return {
        name: p.name, href: href ? lp(locale, href) : null, staff_id: p.staff_id,
        role: roleTitle(idx, p.role, locale), role_href: rp ? lp(locale, rp) : null,
        team: p.team, team_href: tp ? lp(locale, tp) : null,
        status: t(locale, p.active ? 'people.active' : 'people.inactive'),
        grade: s?.row.grade ?? null,
        grade_sort: gradeSort(s?.row.grade),
        score: r1(s?.row.score),
        rank: s?.row.rank ?? null,
        period: s ? s.row.period : null,
        period_label: s ? formatPeriodShort(s.row.period, locale) : null,
        period_sort: periodSort(s?.row.period),
      };
    }),
  };
};

export const teamsIndexTable = (b: SiteBundle, locale: Locale): PeopleTable => {
  const idx = peopleIndex(b);
  return {
    id: 'teams-index',
    title: t(locale, 'people.teamsTable'),
    columns: [
      col('team', t(locale, 'people.col.team'), 'text', undefined, { hrefKey: 'href' }),
      col('members', t(locale, 'people.col.members'), 'count', t(locale, 'people.unit.people')),
      col('active', t(locale, 'people.col.activeMembers'), 'count', t(locale, 'people.unit.people')),
      col('roles', t(locale, 'people.col.roles'), 'text'),
      col('regions', t(locale, 'people.col.regions'), 'text'),
      col('grades', t(locale, 'people.col.teamGrades'), 'text'),
    ],
    rows: idx.teams.map((team) => {
      const m = idx.members.get(team) ?? [];
      const roles = [...new Set(m.map((p) => p.role))].sort(byString);
      const regions = [...new Set(m.map((p) => p.region).filter((r): r is string => !!r))].sort(byString);
      const grades = teamCurrentScores(idx, team)
        .map(({ row }) => `${roleTitle(idx, row.role, locale)} ${row.grade ?? '—'}${row.score == null ? '' : ` (${r1(row.score)!.toFixed(1)})`}`);
      return {
        team, href: lp(locale, teamPath(idx, team)!),
        members: m.length, active: m.filter((p) => p.active).length,
        roles: roles.map((r) => roleTitle(idx, r, locale)).join(locale === 'zh-CN' ? '、' : ', ') || null,
        regions: regions.map((r) => dataLabel(b, locale, r)).join(locale === 'zh-CN' ? '、' : ', ') || null,
        grades: grades.join(locale === 'zh-CN' ? '；' : '; ') || null,
      };
    }),
  };
};

// ---- scorecard: the role card's KPIs with actual, target, attainment (latest quarter) ---------

const subjectCols = (kind: SubjectKind, locale: Locale): PeopleColumn[] =>
  kind === 'person'
    ? [col('staff_id', t(locale, 'people.col.staffId'), 'text', undefined, { subject: true }), col('person', t(locale, 'people.col.name'), 'text', undefined, { subject: true })]
    : [col('team', t(locale, 'people.col.team'), 'text', undefined, { subject: true })];

const subjectRow = (idx: PeopleIndex, kind: SubjectKind, id: string): Row =>
  kind === 'person' ? { staff_id: id, person: idx.byId.get(id)?.name ?? id } : { team: id };

const noteLabel = (notes: string[], kpi: string, locale: Locale): string | null => {
  if (notes.includes(`missing_actual:${kpi}`)) return t(locale, 'people.note.missingActual');
  if (notes.includes(`missing_target:${kpi}`)) return t(locale, 'people.note.missingTarget');
  return null;
};

const scorecardRows = (idx: PeopleIndex, b: SiteBundle, locale: Locale, kind: SubjectKind, id: string, s: ScoreRow | TeamScoreRow): Row[] =>
  s.explanation.map((e) => {
    const def = kpiDef(b, e.kpi);
    return {
      ...subjectRow(idx, kind, id),
      role: roleTitle(idx, s.role, locale), role_id: s.role, period: s.period,
      mode: modeLabel(s.mode, locale),
      kpi: def ? pick(def.name, locale) : e.kpi, kpi_id: e.kpi, unit: def?.unit ?? 'count',
      base_weight: e.base_weight, weight: e.weight,
      actual: e.actual, target: e.target,
      target_source: targetSourceLabel(e.target_source, locale),
      attainment: e.attainment,
      contribution: r1(e.contribution),
      note: noteLabel(s.notes, e.kpi, locale),
    };
  });

const scorecardColumns = (kind: SubjectKind, locale: Locale): PeopleColumn[] => [
  ...subjectCols(kind, locale),
  col('role', t(locale, 'people.col.role'), 'text', undefined, { subject: true }),
  col('period', t(locale, 'people.col.period'), 'text', undefined, { subject: true }),
  col('mode', t(locale, 'people.col.mode'), 'text', undefined, { subject: true }),
  col('kpi', t(locale, 'people.col.kpi'), 'text'),
  col('base_weight', t(locale, 'people.col.baseWeight'), 'ratio'),
  col('weight', t(locale, 'people.col.weight'), 'ratio'),
  col('actual', t(locale, 'people.col.actual'), 'count', undefined, { unitKey: 'unit', decisive: true }),
  col('target', t(locale, 'people.col.target'), 'count', undefined, { unitKey: 'unit', decisive: true }),
  col('target_source', t(locale, 'people.col.targetSource'), 'text'),
  col('attainment', t(locale, 'people.col.attainment'), 'ratio', undefined, { decisive: true }),
  col('contribution', t(locale, 'people.col.contribution'), 'count', t(locale, 'people.unit.points'), { digits: 1 }),
  col('note', t(locale, 'people.col.note'), 'text', undefined, { blank: true }),
];

/** One person's scorecard rows (their current score row), or everyone's (the download). */
export const personScorecardTable = (b: SiteBundle, locale: Locale, staffId?: string): PeopleTable => {
  const idx = peopleIndex(b);
  const ids = staffId === undefined ? idx.people.map((p) => p.staff_id) : [staffId];
  return {
    id: 'people-scorecard',
    title: t(locale, 'people.scorecardTable'),
    columns: scorecardColumns('person', locale),
    rows: ids.flatMap((id) => personCurrentScores(idx, id).flatMap(({ row }) => scorecardRows(idx, b, locale, 'person', id, row))),
  };
};

/** A team's scorecard for one role (its current team score row), or every team's (the download). */
export const teamScorecardTable = (b: SiteBundle, locale: Locale, team?: string, role?: string): PeopleTable => {
  const idx = peopleIndex(b);
  const teams = team === undefined ? idx.teams : [team];
  return {
    id: 'team-scorecard',
    title: t(locale, 'people.teamScorecardTable'),
    columns: scorecardColumns('team', locale),
    rows: teams.flatMap((tm) => teamCurrentScores(idx, tm).filter(({ row }) => role === undefined || row.role === role).flatMap(({ row }) => scorecardRows(idx, b, locale, 'team', tm, row))),
  };
};

// ---- score and grade history -------------------------------------------------------------------

const historyColumns = (kind: SubjectKind, locale: Locale): PeopleColumn[] => [
  ...subjectCols(kind, locale),
  col('role', t(locale, 'people.col.role'), 'text'),
  col('period_label', t(locale, 'people.col.period'), 'text', undefined, { sortKey: 'period_sort' }),
  col('score', t(locale, 'people.col.score'), 'count', t(locale, 'people.unit.points'), { digits: 1 }),
  col('grade', t(locale, 'people.col.grade'), 'text', undefined, { sortKey: 'grade_sort' }),
  col('rank', t(locale, 'people.col.rank'), 'count'),
  col('of', t(locale, kind === 'person' ? 'people.col.of' : 'people.col.ofTeams'), 'count'),
  col('mode', t(locale, 'people.col.mode'), 'text'),
];

const inWindow = (idx: PeopleIndex) => {
  const w = new Set(idx.window);
  return (p: string) => w.has(p);
};

/** Score rows over the trend window, newest first. */
export const personHistoryTable = (b: SiteBundle, locale: Locale, staffId?: string): PeopleTable => {
  const idx = peopleIndex(b);
  const ok = inWindow(idx);
  const ids = staffId === undefined ? idx.people.map((p) => p.staff_id) : [staffId];
  return {
    id: 'people-scores',
    title: t(locale, 'people.historyTable'),
    columns: historyColumns('person', locale),
    rows: ids.flatMap((id) => [...(idx.scores.get(id) ?? [])].filter((s) => ok(s.period)).reverse().map((s) => ({
      ...subjectRow(idx, 'person', id),
      role: roleTitle(idx, s.role, locale), role_id: s.role, period: s.period,
      period_label: formatPeriodShort(s.period, locale), period_sort: periodSort(s.period),
      score: r1(s.score), grade: s.grade, grade_sort: gradeSort(s.grade), rank: s.rank,
      of: idx.roleScored.get(rk(s.role, s.period)) ?? null,
      mode: modeLabel(s.mode, locale),
    }))),
  };
};

export const teamHistoryTable = (b: SiteBundle, locale: Locale, team?: string): PeopleTable => {
  const idx = peopleIndex(b);
  const ok = inWindow(idx);
  const teams = team === undefined ? idx.teams : [team];
  return {
    id: 'team-scores',
    title: t(locale, 'people.teamHistoryTable'),
    columns: historyColumns('team', locale),
    rows: teams.flatMap((tm) => [...(idx.teamScores.get(tm) ?? [])].filter((s) => ok(s.period))
      .sort((x, y) => byString(y.period, x.period) || byString(x.role, y.role))
      .map((s) => ({
        ...subjectRow(idx, 'team', tm),
        role: roleTitle(idx, s.role, locale), role_id: s.role, period: s.period,
        period_label: formatPeriodShort(s.period, locale), period_sort: periodSort(s.period),
        score: r1(s.score), grade: s.grade, grade_sort: gradeSort(s.grade), rank: s.rank,
        of: idx.teamRoleScored.get(rk(s.role, s.period)) ?? null,
        mode: modeLabel(s.mode, locale),
      }))),
  };
};

// ---- portfolio ------------------------------------------------------------------------------

const portfolioOf = (idx: PeopleIndex, kind: SubjectKind, id: string): CustomerTierRow[] =>
  (kind === 'person' ? idx.customersByOwner.get(id) : idx.customersByTeam.get(id)) ?? [];

/** Customers by value tier and by RFM segment (counts of the owner's / team's customers). */
export const portfolioTable = (b: SiteBundle, locale: Locale, kind: SubjectKind, id?: string): PeopleTable => {
  const idx = peopleIndex(b);
  const ids = id !== undefined ? [id] : kind === 'person' ? idx.people.map((p) => p.staff_id) : idx.teams;
  const rows: Row[] = [];
  const params = definitionParams(b, locale);
  for (const sid of ids) {
    const list = portfolioOf(idx, kind, sid);
    if (list.length === 0) continue;
    const tiers = new Map<string, number>();
    const segs = new Map<string | null, number>();
    for (const c of list) {
      tiers.set(c.value_tier, (tiers.get(c.value_tier) ?? 0) + 1);
      segs.set(c.segment, (segs.get(c.segment) ?? 0) + 1);
    }
    const base = subjectRow(idx, kind, sid);
    for (const tier of TIERS) {
      rows.push({ ...base, dimension: t(locale, 'people.dim.tier'), dim: 'tier', category: tierLabel(tier, locale), category_id: tier, customers: tiers.get(tier) ?? 0, total: list.length });
    }
    for (const seg of [...idx.segments, null]) {
      const n = segs.get(seg) ?? 0;
      if (n === 0 && seg !== null && !AT_RISK_SEGMENTS.has(seg)) continue;
      rows.push({ ...base, dimension: t(locale, 'people.dim.segment'), dim: 'segment', category: segmentLabel(seg, locale, params), category_id: seg ?? 'none', customers: n, total: list.length });
    }
  }
  return {
    id: kind === 'person' ? 'people-portfolio' : 'team-portfolio',
    title: t(locale, kind === 'person' ? 'people.portfolioTable' : 'people.teamPortfolioTable'),
    columns: [
      ...subjectCols(kind, locale),
      col('dimension', t(locale, 'people.col.dimension'), 'text', undefined, { subject: true }),
      col('category', t(locale, 'people.col.category'), 'text'),
      col('customers', t(locale, 'people.col.customers'), 'count', t(locale, 'people.unit.customers')),
      col('total', t(locale, 'people.col.total'), 'count', t(locale, 'people.unit.customers'), { subject: true }),
    ],
    rows,
  };
};

/** At-risk customers (segments at_risk / cant_lose), top 10 by monetary; names only. */
export const atRiskTable = (b: SiteBundle, locale: Locale, kind: SubjectKind, id?: string): PeopleTable & { totals: Map<string, number> } => {
  const idx = peopleIndex(b);
  const ids = id !== undefined ? [id] : kind === 'person' ? idx.people.map((p) => p.staff_id) : idx.teams;
  const rows: Row[] = [];
  const totals = new Map<string, number>();
  const params = definitionParams(b, locale);
  for (const sid of ids) {
    const risky = portfolioOf(idx, kind, sid).filter((c) => c.segment != null && AT_RISK_SEGMENTS.has(c.segment));
    totals.set(sid, risky.length);
    risky
      .sort((x, y) => (y.monetary ?? -Infinity) - (x.monetary ?? -Infinity) || byString(x.customer_id, y.customer_id))
      .slice(0, TOP_AT_RISK)
      .forEach((c, i) => {
        const owner = c.owner_id ? idx.byId.get(c.owner_id) : undefined;
        const op = owner ? personPath(idx, owner.staff_id) : null;
        rows.push({
          ...subjectRow(idx, kind, sid),
          pos: i + 1,
          customer_id: c.customer_id, customer: c.name,
          owner: owner?.name ?? c.owner_id, owner_href: op ? lp(locale, op) : null,
          segment: segmentLabel(c.segment, locale, params), value_tier: tierLabel(c.value_tier, locale),
          monetary: c.monetary, frequency: c.frequency, recency_days: c.recency_days, last_purchase: c.last_purchase,
        });
      });
  }
  return {
    id: kind === 'person' ? 'people-at-risk' : 'team-at-risk',
    title: t(locale, kind === 'person' ? 'people.atRiskTable' : 'people.teamAtRiskTable'),
    columns: [
      ...subjectCols(kind, locale),
      col('pos', '#', 'count'),
      col('customer_id', t(locale, 'people.col.customerId'), 'text'),
      col('customer', t(locale, 'people.col.customer'), 'text'),
      ...(kind === 'team' ? [col('owner', t(locale, 'people.col.owner'), 'text', undefined, { hrefKey: 'owner_href' })] : []),
      col('segment', t(locale, 'people.col.segment'), 'text'),
      col('value_tier', t(locale, 'people.col.valueTier'), 'text'),
      col('monetary', t(locale, 'people.col.monetary', params), 'currency', currencyUnit(locale)),
      col('frequency', t(locale, 'people.col.frequency'), 'count', t(locale, 'people.unit.orders')),
      col('recency_days', t(locale, 'people.col.recency'), 'count', t(locale, 'people.unit.days')),
      col('last_purchase', t(locale, 'people.col.lastPurchase'), 'date'),
    ],
    rows,
    totals,
  };
};

// ---- KPI × quarter matrices (service record, follow-up coverage) ------------------------------

export interface MatrixCell {
  value: number | null;
  n: number | null;
  reason: string | null;
}

/** The published KPI rows of one entity over the window: kpi → cells (window order). */
export const kpiMatrix = (b: SiteBundle, kind: SubjectKind, id: string, kpis: readonly string[], locale: Locale): Map<string, MatrixCell[]> => {
  const idx = peopleIndex(b);
  const e = { type: kind, id } as const;
  const out = new Map<string, MatrixCell[]>();
  for (const k of kpis) {
    out.set(k, idx.window.map((p) => {
      const r = kpiRow(b, e, p, k);
      return { value: r?.value ?? null, n: r?.n ?? null, reason: r?.value == null ? reasonText(r, locale) : null };
    }));
  }
  return out;
};

/** Does any KPI of the list have observations (n > 0) for the entity in the window? */
export const hasObservations = (m: Map<string, MatrixCell[]>): boolean =>
  [...m.values()].some((cells) => cells.some((c) => (c.n ?? 0) > 0));

const matrixTable = (b: SiteBundle, locale: Locale, kind: SubjectKind, what: 'service' | 'followup', id?: string): PeopleTable => {
  const idx = peopleIndex(b);
  const kpis = what === 'service' ? SERVICE_KPIS : FOLLOWUP_KPIS;
  const ids = id !== undefined ? [id] : kind === 'person' ? idx.people.map((p) => p.staff_id) : idx.teams;
  const rows: Row[] = [];
  for (const sid of ids) {
    const m = kpiMatrix(b, kind, sid, kpis, locale);
    if (id === undefined && !hasObservations(m)) continue;
    for (const k of kpis) {
      const def = kpiDef(b, k);
      if (!def) continue;
      const cells = m.get(k)!;
      const row: Row = { ...subjectRow(idx, kind, sid), kpi: pick(def.name, locale), kpi_id: k, unit: def.unit, unit_label: def.unit === 'ratio' || def.unit === 'change' ? t(locale, 'people.unit.share') : unitLabel(locale, def.unit) };
      idx.window.forEach((p, i) => {
        row[p] = cells[i]!.value;
        row[`${p}__reason`] = cells[i]!.reason;
        row[`${p}__n`] = cells[i]!.n;
      });
      row.n_latest = cells.at(-1)?.n ?? null;
      rows.push(row);
    }
  }
  const prefix = kind === 'person' ? 'people' : 'team';
  return {
    id: `${prefix}-${what}`,
    title: t(locale, `people.${what}Table.${kind}`),
    columns: [
      ...subjectCols(kind, locale),
      col('kpi', t(locale, 'people.col.kpi'), 'text'),
      col('unit_label', t(locale, 'people.col.unit'), 'text', undefined, { csvOnly: true }),
      ...idx.window.map((p) => col(p, formatPeriodShort(p, locale), 'count', undefined, { unitKey: 'unit', reasonKey: `${p}__reason` })),
      col('n_latest', t(locale, 'people.col.nLatest'), 'count'),
    ],
    rows,
  };
};

export const serviceTable = (b: SiteBundle, locale: Locale, kind: SubjectKind, id?: string) => matrixTable(b, locale, kind, 'service', id);
export const followupTable = (b: SiteBundle, locale: Locale, kind: SubjectKind, id?: string) => matrixTable(b, locale, kind, 'followup', id);

// ---- every downloadable table ----------------------------------------------------------------

const tablesCache = new WeakMap<SiteBundle, Partial<Record<Locale, TableData[]>>>();

/**
 * Every table the people pages show, defined once: the page renders its subject's rows and
 * /downloads/<table-id>.csv serves everyone's (ids start with `people-` / `team-`).
 */
export const peopleTables = (b: SiteBundle, locale: Locale): TableData[] => {
  if (!b.people?.length) return [];
  let c = tablesCache.get(b);
  if (!c) tablesCache.set(b, (c = {}));
  return (c[locale] ??= [
    peopleIndexTable(b, locale),
    teamsIndexTable(b, locale),
    personScorecardTable(b, locale),
    personHistoryTable(b, locale),
    portfolioTable(b, locale, 'person'),
    atRiskTable(b, locale, 'person'),
    serviceTable(b, locale, 'person'),
    followupTable(b, locale, 'person'),
    teamScorecardTable(b, locale),
    teamHistoryTable(b, locale),
    portfolioTable(b, locale, 'team'),
    atRiskTable(b, locale, 'team'),
    serviceTable(b, locale, 'team'),
    followupTable(b, locale, 'team'),
  ]);
};

/** The page's view of a table: the subject columns dropped (they are the page's own subject). */
/**
 * The page's columns: the subject's and CSV-only ones left out, and the decisive ones (actual, target,
 * attainment) moved right after the row header, so a phone shows them without scrolling (the CSV keeps its order).
 */
export const pageView = (tb: PeopleTable): PeopleTable => {
  const [head, ...rest] = tb.columns.filter((c) => !c.subject && !c.csvOnly);
  if (!head) return { ...tb, columns: [] };
  return { ...tb, columns: [head, ...rest.filter((c) => c.decisive), ...rest.filter((c) => !c.decisive)] };
};

/**
 * The people list is split into pages of PEOPLE_PAGE_SIZE rows so each stays well under 300 KB
 * at thousands of people: `/people/` is page 1, `/people/list-2/` … the rest (served by the
 * `[id]` route, skipping a slug that a staff id already uses).
 */
export const PEOPLE_PAGE_SIZE = 400;
export const peopleListPages = (idx: PeopleIndex): { page: number; path: string }[] => {
  const n = Math.max(1, Math.ceil(idx.people.length / PEOPLE_PAGE_SIZE));
  // compared without case: on a case-insensitive file system `List-2` and `list-2` are one folder
  const taken = new Set([...idx.personSlug.values()].map((s) => s.toLowerCase()));
  return Array.from({ length: n }, (_, i) => i + 1).map((page) => {
    let slug = `list-${page}`;
    while (taken.has(slug)) slug = `_${slug}`;
    return { page, path: page === 1 ? '/people/' : `/people/${slug}/` };
  });
};

/** `getStaticPaths` of /people/[id]/ (person cards and list pages 2…) and /teams/[team]/. */
export const personPaths = (b: SiteBundle) => {
  const idx = peopleIndex(b);
  const cards = idx.people.map((p) => ({ params: { id: idx.personSlug.get(p.staff_id)! }, props: { staffId: p.staff_id, page: 0 } }));
  const lists = peopleListPages(idx).slice(1).map((l) => ({ params: { id: l.path.split('/')[2]! }, props: { staffId: '', page: l.page } }));
  return [...cards, ...lists];
};
/** every team's page, and a redirect page at each old team URL that leads to a team now (team-slugs.ts) */
export const teamPaths = (b: SiteBundle) => {
  const idx = peopleIndex(b);
  const pages = idx.teams.map((team) => ({ params: { team: idx.teamSlug.get(team)! }, props: { team, movedFrom: null as string | null } }));
  const moved = teamSlugs(b).redirects.map((r) => ({ params: { team: r.slug }, props: { team: r.to, movedFrom: r.from as string | null } }));
  return [...pages, ...moved];
};
