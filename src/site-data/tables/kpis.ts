import { unitLabel } from '../../i18n/unit-label.ts';
import { formatPeriod } from '../../i18n/format.ts';
import { defaultConfig } from '../../config/schema.ts';
import { localePath, pick, t, type Locale } from '../../i18n/index.ts';
import type { ScoreRow, TeamScoreRow, WeightDerivation } from '../../scoring/types.ts';
import type { Grade } from '../../scoring/grades.ts';
import type { PersonRow, PublishedRoleCard, SiteBundle } from '../../bundle/contract.ts';
import { kpiDef } from '../kpi-index.ts';
import { pagePeriods } from '../periods.ts';
import type { Row, TableColumn, TableData } from '../table-data.ts';
import { personHref, teamHref } from '../paths.ts';
import { column as col } from '../column.ts';

/**
 * Every table the kpis pages show, defined once: the page renders it and
 * /downloads/<table-id>.csv serves it (ids start with `kpis-`).
 *
 * Scores exist at the scoring grain only (config kpiGrain, default quarter), so the Scorecards
 * page has period pages for the last `site.periods` complete quarters and none for months.
 * Ids: `kpis-<role>-scores-<period>`, `kpis-<role>-teams-<period>`, `kpis-<role>-weights-<period>`,
 * `kpis-<role>-ahp-<period>` (only for roles whose weights come from a pairwise matrix).
 */

/**
 * A table column for ScoreTable: `digits` = a number shown with that many decimals (scores,
 * entropies); `nowrap` keeps short names on one line; `wide` gives long text room.
 */
/** (digits, nowrap and wide are TableColumn options now) */
export type ScoreColumn = TableColumn;
export type ScoreTableData = Omit<TableData, 'columns'> & { columns: ScoreColumn[] };


const round = (v: number | null | undefined, digits: number): number | null =>
  v == null || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;

export const grades: readonly Grade[] = ['S', 'A', 'B', 'C', 'D'];

/** Quarters with a Scorecards page, newest first. */
export const scorePeriods = (b: SiteBundle): string[] => pagePeriods(b.manifest, { months: 0 }).quarter.map((p) => p.id);

/** `getStaticPaths` of /kpis/[period]/: quarters only (see above). */
export const scorePeriodPaths = (b: SiteBundle) =>
  pagePeriods(b.manifest, { months: 0 }).quarter.map((p) => ({ params: { period: p.id }, props: { period: p } }));

/** The period the bare /kpis/ shows: the latest complete quarter with a page. */
export const defaultScorePeriod = (b: SiteBundle): string | null => {
  const list = scorePeriods(b);
  const last = b.manifest.lastCompleteQuarter;
  return last && list.includes(last) ? last : (list[0] ?? null);
};

export const roleCards = (b: SiteBundle): PublishedRoleCard[] => b.roles ?? [];

export const personById = (b: SiteBundle): Map<string, PersonRow> => new Map((b.people ?? []).map((p) => [p.staff_id, p]));

export const kpiName = (b: SiteBundle, id: string, locale: Locale): string => {
  const d = kpiDef(b, id);
  return d ? pick(d.name, locale) : id;
};

export const rolePath = (locale: Locale, role: string) => localePath(locale, `/roles/${role}/`);

const byRank = <T extends { rank: number | null }>(key: (r: T) => string) => (a: T, b: T) =>
  (a.rank ?? Infinity) - (b.rank ?? Infinity) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export const roleScores = (b: SiteBundle, role: string, period: string): ScoreRow[] =>
  (b.scores ?? []).filter((s) => s.role === role && s.period === period).sort(byRank((s) => s.staff_id));

export const roleTeamScores = (b: SiteBundle, role: string, period: string): TeamScoreRow[] =>
  (b.teamScores ?? []).filter((s) => s.role === role && s.period === period).sort(byRank((s) => s.team));

export const roleWeights = (b: SiteBundle, role: string, period: string): WeightDerivation | undefined =>
  (b.weights ?? []).find((w) => w.role === role && w.period === period);

/** The mode of a role in a period (all rows of a role and period share it). */
export const roleMode = (b: SiteBundle, role: string, period: string): 'target' | 'relative' | null =>
  roleScores(b, role, period)[0]?.mode ?? roleTeamScores(b, role, period)[0]?.mode ?? null;

/** The message keys naming a weighting method and explaining it. */
export const methodKey = (m: string) =>
  m === 'ahp' ? 'kpis.method.ahp' : m === 'entropy' ? 'kpis.method.entropy' : m === 'combined' ? 'kpis.method.combined' : 'kpis.method.expert';
export const methodTextKey = (m: string) =>
  m === 'ahp' ? 'kpis.methodText.ahp' : m === 'entropy' ? 'kpis.methodText.entropy' : m === 'combined' ? 'kpis.methodText.combined' : 'kpis.methodText.expert';

/** A note code of a score or a weight derivation in words. Unknown codes are shown as they are. */
export const noteText = (b: SiteBundle, locale: Locale, code: string): string => {
  const [head, kpi] = code.split(':') as [string, string | undefined];
  const name = kpi ? kpiName(b, kpi, locale) : '';
  switch (head) {
    case 'missing_actual': return t(locale, 'kpis.note.missing_actual', { kpi: name });
    case 'missing_target': return t(locale, 'kpis.note.missing_target', { kpi: name });
    case 'weights_renormalised': return t(locale, 'kpis.note.weights_renormalised');
    case 'no_data': return t(locale, 'kpis.note.no_data');
    case 'left': return t(locale, 'kpis.note.left');
    case 'expert_weights_normalised': return t(locale, 'kpis.note.expert_weights_normalised');
    case 'entropy_too_few_rows': return t(locale, 'kpis.note.entropy_too_few_rows');
    case 'entropy_all_constant': return t(locale, 'kpis.note.entropy_all_constant');
    case 'entropy_constant': return t(locale, 'kpis.note.entropy_constant', { kpi: name });
    default: return code;
  }
};

const notesText = (b: SiteBundle, locale: Locale, notes: readonly string[]) =>
  notes.length ? notes.map((n) => noteText(b, locale, n)).join(locale === 'zh-CN' ? '；' : '; ') : null;

const roleTitle = (card: PublishedRoleCard | undefined, role: string, locale: Locale) => (card ? pick(card.title, locale) : role);

/** The card's KPI ids in card order (falling back to the score explanations when the card is missing). */
const cardKpis = (b: SiteBundle, role: string, rows: readonly (ScoreRow | TeamScoreRow)[]): string[] => {
  const card = roleCards(b).find((c) => c.id === role);
  return card ? card.kpis.map((k) => k.id) : [...new Set(rows.flatMap((r) => r.explanation.map((e) => e.kpi)))];
};

/**
 * Per KPI: actual, target (target mode only) and attainment (or relative position z). On the page
 * the KPI name is the header and the part ("actual · ¥") the smaller line under it; the CSV
 * header names both.
 */
const kpiColumns = (b: SiteBundle, locale: Locale, kpis: string[], mode: 'target' | 'relative'): ScoreColumn[] =>
  kpis.flatMap((id) => {
    const def = kpiDef(b, id);
    const unit = def?.unit ?? 'count';
    const name = kpiName(b, id, locale);
    const u = unit === 'count' ? undefined : unitLabel(locale, unit);
    const part = (key: 'kpis.part.actual' | 'kpis.part.target' | 'kpis.part.attainment' | 'kpis.part.position', withUnit?: string) => {
      const p = t(locale, key);
      return { label: name, unit: withUnit ? `${p} · ${withUnit}` : p, header: `${name} ${p}${withUnit ? ` (${withUnit})` : ''}` };
    };
    return [
      { key: `${id}__actual`, kind: unit, ...part('kpis.part.actual', u) },
      ...(mode === 'target' ? [{ key: `${id}__target`, kind: unit, ...part('kpis.part.target', u) }] : []),
      mode === 'target'
        ? { key: `${id}__att`, kind: 'ratio' as const, ...part('kpis.part.attainment', t(locale, 'unit.ratio')) }
        : { key: `${id}__att`, kind: 'text' as const, digits: 3, ...part('kpis.part.position') },
    ];
  });

const kpiCells = (r: ScoreRow | TeamScoreRow): Row => {
  const out: Row = {};
  for (const e of r.explanation) {
    out[`${e.kpi}__actual`] = e.actual;
    out[`${e.kpi}__target`] = e.target;
    out[`${e.kpi}__att`] = r.mode === 'relative' ? round(e.attainment, 4) : e.attainment;
  }
  return out;
};

const results = (locale: Locale): ScoreColumn[] => [
  col('score', t(locale, 'kpis.col.score'), 'text', t(locale, 'kpis.points'), { digits: 1 }),
  col('grade', t(locale, 'kpis.col.grade'), 'text'),
  col('rank', t(locale, 'kpis.col.rank'), 'count'),
];
const notesCol = (locale: Locale) => col('notes', t(locale, 'kpis.col.notes'), 'text', undefined, { wide: true });

/** Everyone in the role for the period: KPI actuals, targets, attainment, weighted score, grade, rank. */
const hasLeft = (s: ScoreRow) => s.notes.includes('left');

/** The grade scale in words with the configured bands (the bundle's; defaults for an older one), next to the figures. */
export const gradeScale = (b: SiteBundle, locale: Locale, mode: 'target' | 'relative' | null): string | null => {
  if (!mode) return null;
  const g = b.manifest.gradeBands ?? DEFAULT_GRADE_BANDS;
  if (mode === 'target') return t(locale, 'kpis.gradeScale.target', g.target);
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  const r = g.relative;
  return t(locale, 'kpis.gradeScale.relative', { S: pct(r.S), A: pct(r.A), B: pct(r.B), C: pct(r.C), D: pct(r.D) });
};
const DEFAULT_GRADE_BANDS = defaultConfig().scoring.grades;

/**
 * The role's people who have left, scored in the period but not ranked (scoring marks them
 * `left`): name, team, score, grade (target mode only) and their last scored period in the role.
 */
export const leftScoresTable = (b: SiteBundle, locale: Locale, role: string, period: string): ScoreTableData => {
  const rows = roleScores(b, role, period).filter(hasLeft);
  const card = roleCards(b).find((c) => c.id === role);
  const people = personById(b);
  const last = new Map<string, string>();
  for (const s of b.scores ?? []) if (s.role === role && s.score != null && (last.get(s.staff_id) ?? '') < s.period) last.set(s.staff_id, s.period);
  return {
    id: `kpis-${role}-left-${period}`,
    title: `${t(locale, 'kpis.leftTitle')} · ${roleTitle(card, role, locale)} · ${formatPeriod(period, locale)}`,
    columns: [
      col('name', t(locale, 'kpis.col.name'), 'text', undefined, { hrefKey: 'name_href' }),
      col('staff_id', 'ID', 'text'),
      col('team', t(locale, 'kpis.col.team'), 'text', undefined, { hrefKey: 'team_href', nowrap: true }),
      col('score', t(locale, 'kpis.col.score'), 'text', t(locale, 'kpis.points'), { digits: 1 }),
      col('grade', t(locale, 'kpis.col.grade'), 'text'),
      col('last_period', t(locale, 'kpis.col.lastPeriod'), 'text'),
    ],
    rows: rows.map((s) => {
      const team = people.get(s.staff_id)?.team ?? null;
      const lp = last.get(s.staff_id);
      return {
        name: people.get(s.staff_id)?.name ?? s.staff_id, name_href: personHref(b, locale, s.staff_id), staff_id: s.staff_id,
        team, team_href: teamHref(b, locale, team), score: round(s.score, 2), grade: s.grade,
        last_period: lp ? formatPeriod(lp, locale) : null,
      };
    }),
  };
};

export const scoresTable = (b: SiteBundle, locale: Locale, role: string, period: string): ScoreTableData => {
  const rows = roleScores(b, role, period).filter((s) => !hasLeft(s));
  const card = roleCards(b).find((c) => c.id === role);
  const mode = rows[0]?.mode ?? 'target';
  const people = personById(b);
  return {
    id: `kpis-${role}-scores-${period}`,
    title: t(locale, 'kpis.scoresTable', { role: roleTitle(card, role, locale), period: formatPeriod(period, locale) }),
    columns: [
      col('name', t(locale, 'kpis.col.name'), 'text', undefined, { hrefKey: 'name_href' }),
      col('staff_id', 'ID', 'text'),
      col('team', t(locale, 'kpis.col.team'), 'text', undefined, { hrefKey: 'team_href', nowrap: true }),
      ...results(locale),
      ...kpiColumns(b, locale, cardKpis(b, role, rows), mode),
      notesCol(locale),
    ],
    rows: rows.map((s) => {
      const p = people.get(s.staff_id);
      const team = p?.team ?? null;
      return {
        name: p?.name ?? s.staff_id, name_href: personHref(b, locale, s.staff_id), staff_id: s.staff_id,
        team, team_href: teamHref(b, locale, team),
        ...kpiCells(s),
        score: round(s.score, 2), grade: s.grade, rank: s.rank,
        notes: s.score == null && s.notes.length === 0 ? t(locale, 'kpis.noScore') : notesText(b, locale, s.notes),
      };
    }),
  };
};

/** Team roll-ups of the role: scored by the scoring stage from the teams' own KPI rows. */
export const teamScoresTable = (b: SiteBundle, locale: Locale, role: string, period: string): ScoreTableData => {
  const rows = roleTeamScores(b, role, period);
  const card = roleCards(b).find((c) => c.id === role);
  const mode = rows[0]?.mode ?? roleMode(b, role, period) ?? 'target';
  return {
    id: `kpis-${role}-teams-${period}`,
    title: t(locale, 'kpis.teamsTable', { role: roleTitle(card, role, locale), period: formatPeriod(period, locale) }),
    columns: [
      col('team', t(locale, 'kpis.col.team'), 'text', undefined, { hrefKey: 'team_href' }),
      ...results(locale),
      ...kpiColumns(b, locale, cardKpis(b, role, rows), mode),
      notesCol(locale),
    ],
    rows: rows.map((s) => ({
      team: s.team, team_href: teamHref(b, locale, s.team),
      ...kpiCells(s),
      score: round(s.score, 2), grade: s.grade, rank: s.rank,
      notes: notesText(b, locale, s.notes),
    })),
  };
};

/** The weights of a role and period and the figures behind them (method-specific columns). */
export const weightsTable = (b: SiteBundle, locale: Locale, role: string, period: string): ScoreTableData | null => {
  const w = roleWeights(b, role, period);
  if (!w) return null;
  const card = roleCards(b).find((c) => c.id === role);
  const entropy = w.entropy;
  const combined = w.combined;
  const pct = t(locale, 'unit.ratio');
  return {
    id: `kpis-${role}-weights-${period}`,
    title: t(locale, 'kpis.weightsTable', { role: roleTitle(card, role, locale), period: formatPeriod(period, locale) }),
    columns: [
      col('kpi', t(locale, 'kpis.col.kpi'), 'text'),
      col('direction', t(locale, 'kpis.col.direction'), 'text'),
      ...(combined ? [col('subjective', t(locale, 'kpis.col.subjective'), 'ratio', pct), col('entropy_weight', t(locale, 'kpis.col.entropyWeight'), 'ratio', pct)] : []),
      ...(entropy ? [col('e', t(locale, 'kpis.col.e'), 'text', undefined, { digits: 4 }), col('d', t(locale, 'kpis.col.d'), 'text', undefined, { digits: 4 })] : []),
      col('weight', t(locale, 'kpis.col.weight'), 'ratio', pct),
    ],
    rows: w.weights.map((x, j) => {
      const def = kpiDef(b, x.kpi);
      return {
        kpi: kpiName(b, x.kpi, locale),
        direction: def ? t(locale, def.direction === 'lower' ? 'kpis.direction.lower' : 'kpis.direction.higher') : null,
        ...(combined ? { subjective: combined.subjective[j] ?? null, entropy_weight: combined.entropy[j] ?? null } : {}),
        ...(entropy ? { e: round(entropy.e[j], 4), d: round(entropy.d[j], 4) } : {}),
        weight: x.weight,
      };
    }),
  };
};

/** A judgement as people write it: 3, 1/3, 1.5. */
export const judgement = (v: number): string => {
  if (!Number.isFinite(v) || v <= 0) return String(v);
  const near = (x: number) => Math.abs(x - Math.round(x)) < 1e-6;
  if (near(v)) return String(Math.round(v));
  if (v < 1 && near(1 / v)) return `1/${Math.round(1 / v)}`;
  return String(Math.round(v * 100) / 100);
};

/** The AHP pairwise matrix of a role (ahp, or combined with a matrix). */
export const ahpTable = (b: SiteBundle, locale: Locale, role: string, period: string): ScoreTableData | null => {
  const w = roleWeights(b, role, period);
  if (!w?.ahp) return null;
  const card = roleCards(b).find((c) => c.id === role);
  const ids = w.weights.map((x) => x.kpi);
  return {
    id: `kpis-${role}-ahp-${period}`,
    title: t(locale, 'kpis.ahpTable', { role: roleTitle(card, role, locale), period: formatPeriod(period, locale) }),
    columns: [
      col('kpi', t(locale, 'kpis.col.kpi'), 'text'),
      ...ids.map((id, j) => col(`a${j}`, kpiName(b, id, locale), 'text')),
    ],
    rows: w.ahp.matrix.map((row, i) => ({
      kpi: kpiName(b, ids[i] ?? String(i), locale),
      ...Object.fromEntries(row.map((v, j) => [`a${j}`, judgement(v)])),
    })),
  };
};

/** People per grade among those scored (S…D, zeros included). */
export const gradeCounts = (b: SiteBundle, role: string, period: string): { grade: Grade; n: number }[] => {
  const rows = roleScores(b, role, period);
  return grades.map((g) => ({ grade: g, n: rows.filter((r) => r.grade === g).length }));
};

export const kpisTables = (b: SiteBundle, locale: Locale): TableData[] => {
  const out: TableData[] = [];
  for (const period of scorePeriods(b)) {
    for (const card of roleCards(b)) {
      const left = leftScoresTable(b, locale, card.id, period);
      out.push(scoresTable(b, locale, card.id, period), ...(left.rows.length > 0 ? [left] : []), teamScoresTable(b, locale, card.id, period));
      const w = weightsTable(b, locale, card.id, period);
      if (w) out.push(w);
      const a = ahpTable(b, locale, card.id, period);
      if (a) out.push(a);
    }
  }
  return out;
};

/** `/downloads/scores.csv`: every score of every role and scored period, machine column names. */
export const scoresWholeTable = (b: SiteBundle) => {
  const people = personById(b);
  const keys = ['role', 'period', 'staff_id', 'name', 'team', 'score', 'grade', 'rank', 'mode'];
  const rows = [...(b.scores ?? [])]
    .sort((x, y) => (x.role < y.role ? -1 : x.role > y.role ? 1 : x.period < y.period ? -1 : x.period > y.period ? 1 : 0) || byRank<ScoreRow>((s) => s.staff_id)(x, y))
    .map((s) => {
      const p = people.get(s.staff_id);
      return { role: s.role, period: s.period, staff_id: s.staff_id, name: p?.name ?? null, team: p?.team ?? null, score: s.score, grade: s.grade, rank: s.rank, mode: s.mode };
    });
  return { name: 'scores', columns: keys.map((k) => ({ key: k, header: k })), rows };
};
