import type { Config } from '../config/schema.ts';
import type { BuildError } from '../lib/build-error.ts';
import type { Grain, KpiRow } from '../model/kpi.ts';
import type { Dataset } from '../model/tables.ts';
import type { RoleCard, RoleCardData } from '../roles/role-card.ts';
import { cardWeights } from './card-weights.ts';
import { roleWeights } from './role-weights.ts';
import { scoreRole, type EntityScore, type ScoredEntity } from './score-role.ts';
import { hasAnyTarget, indexTargets, sumOfMemberTargets } from './targets.ts';
import type { CompanyTargetRow } from './company-targets.ts';
import type { ScoreRow, ScoringWarning, TeamScoreRow, WeightDerivation } from './types.ts';

export type { ExplanationRow, ScoreRow, ScoringWarning, TeamScoreRow, WeightDerivation } from './types.ts';
export type { Grade } from './grades.ts';
export type { TargetSource } from './targets.ts';
export { attainment, relativeAttainment } from './attainment.ts';
export { ahp, reciprocalMatrix, randomIndex, worstJudgement } from './ahp.ts';
export { entropyWeights } from './entropy.ts';
export { expertWeights } from './expert-weights.ts';
export { combinedWeights } from './combined-weights.ts';
export { cardWeights, checkCardWeights } from './card-weights.ts';
export { relativeGrade, targetGrade } from './grades.ts';
export { rankScores } from './rank.ts';
export { indexTargets, resolveTarget, sumOfMemberTargets } from './targets.ts';

export interface ScoreRolesInput {
  cards: readonly (RoleCard | RoleCardData)[];
  kpis: readonly KpiRow[];
  staff: Dataset['staff'];
  targets: Dataset['targets'];
  config: Pick<Config, 'scoring' | 'weighting'>;
  grain: Grain;
  periods: readonly string[];
}

export type ScoreRolesResult =
  | { ok: true; scores: ScoreRow[]; teamScores: TeamScoreRow[]; weights: WeightDerivation[]; warnings: ScoringWarning[]; companyTargets?: CompanyTargetRow[] }
  | { ok: false; error: BuildError };

/**
 * Role-card scoring for every card and period (docs/metrics.md "Scoring role cards").
 *
 * Decisions the spec leaves open:
 * - Mode is decided per role and period: **relative** when no KPI on the card has a default
 *   `target` and targets.csv has no row for (one of the role's people or their teams, the
 *   period, one of the card's KPIs); otherwise **target**. In target mode a KPI with no target
 *   anywhere is left out like a KPI without data (note `missing_target:<kpi>`).
 * - People scored in a period: staff whose `role` is the card's id and who are active or have a
 *   value for one of the card's KPIs in the period (people who left keep their history).
 * - Entropy (and the entropy part of combined) is computed over the role's people in the period
 *   who have a value for every KPI on the card.
 * - Team scores are per (team, role): the team's own KPI rows (entity_type 'team', recomputed
 *   from rows by the metrics stage, never averaged) scored with the role's weights of the period
 *   against team targets → for additive KPIs (revenue, counts) the sum of the members' own
 *   targets → card defaults, in the role's mode; relative mode compares the teams
 *   that have people in the role; ranks and grades are among those teams.
 */
export function scoreRoles(input: ScoreRolesInput): ScoreRolesResult {
  const { cards, kpis, staff, grain, periods, config } = input;
  const warnings: ScoringWarning[] = [];
  const targets = indexTargets(input.targets);
  for (const d of targets.duplicates) {
    const who = d.staff_id ?? d.team ?? '';
    warnings.push({
      code: 'duplicate_target',
      role: null,
      staff_id: d.staff_id,
      message: {
        en: `targets.csv has more than one target for ${who}, ${d.period}, ${d.kpi}: the first is used`,
        'zh-CN': `targets.csv 中 ${who}、${d.period}、${d.kpi} 有多个目标：使用第一个`,
      },
    });
  }

  // KPI values by entity, period and kpi, for the requested grain only.
  const values = new Map<string, number | null>();
  const vkey = (type: string, id: string, period: string, kpi: string) => `${type}\u0000${id}\u0000${period}\u0000${kpi}`;
  for (const r of kpis) {
    if (r.grain === grain && (r.entity_type === 'person' || r.entity_type === 'team')) values.set(vkey(r.entity_type, r.entity_id, r.period, r.kpi), r.value);
  }

  const people: { staff_id: string; role: string; team: string | null; active: boolean }[] = [];
  if (staff) {
    const c = staff.columns;
    for (let i = 0; i < staff.rows; i++) people.push({ staff_id: c.staff_id[i], role: c.role[i], team: c.team[i] ?? null, active: c.active[i] !== false });
  }
  const cardIds = new Set(cards.map((c) => c.id));
  for (const p of people) {
    if (!cardIds.has(p.role)) {
      warnings.push({
        code: 'staff_role_without_card',
        role: p.role,
        staff_id: p.staff_id,
        message: {
          en: `staff ${p.staff_id} has role "${p.role}", which has no role card in data/roles: not scored`,
          'zh-CN': `员工 ${p.staff_id} 的岗位 "${p.role}" 在 data/roles 中没有岗位卡：不参与评分`,
        },
      });
    }
  }

  const scores: ScoreRow[] = [];
  const teamScores: TeamScoreRow[] = [];
  const weights: WeightDerivation[] = [];
  const bands = config.scoring.grades;

  const cardById = new Map(cards.map((c) => [c.id, c]));
  for (const card of cards) {
    const cw = cardWeights(card);
    if (!cw.ok) return cw;
    if (cw.kind === 'expert' && cw.normalised) {
      warnings.push({
        code: 'expert_weights_not_summing_to_1',
        role: card.id,
        staff_id: null,
        message: {
          en: `role card "${card.id}": the expert weights sum to ${round(cw.sum)}, not 1; they were normalised to ${cw.weights.map(round).join(', ')}`,
          'zh-CN': `岗位卡 "${card.id}"：专家权重之和为 ${round(cw.sum)}，不是 1；已归一化为 ${cw.weights.map(round).join('、')}`,
        },
      });
    }
    const ids = card.kpis.map((k) => k.id);
    const members = people.filter((p) => p.role === card.id).sort((a, b) => (a.staff_id < b.staff_id ? -1 : a.staff_id > b.staff_id ? 1 : 0));
    const teams = [...new Set(members.map((m) => m.team).filter((t): t is string => t != null))].sort();

    for (const period of periods) {
      const actual = (e: ScoredEntity, kpi: string) => values.get(vkey(e.kind, e.id, period, kpi)) ?? null;
      const inPeriod = members.filter((m) => m.active || ids.some((k) => values.get(vkey('person', m.staff_id, period, k)) != null));
      const entities: ScoredEntity[] = inPeriod.map((m) => ({ id: m.staff_id, kind: 'person', team: m.team, left: !m.active }));
      const sample = entities.map((e) => ids.map((k) => actual(e, k))).filter((r): r is number[] => r.every((x) => x != null));
      const w = roleWeights(card, period, cw, sample, config.weighting.alpha);
      weights.push(w);

      const cardHasTarget = card.kpis.some((k) => k.target != null);
      const mode = cardHasTarget || hasAnyTarget(targets, inPeriod.map((m) => m.staff_id), teams, period, ids) ? 'target' : 'relative';
      const common = { card, period, grain, targets, weights: w.weights.map((x) => x.weight), mode, cap: config.scoring.cap, bands, actual } as const;

      for (const s of scoreRole({ ...common, entities })) scores.push(withoutId(s, { staff_id: s.id }));
      const teamEntities: ScoredEntity[] = teams.map((t) => ({ id: t, kind: 'team', team: t }));
      // Team rows cover every member of the team, whatever their role: the additive targets sum
      // the members whose own card scores that KPI (active, or with a value in the period).
      const teamTarget = (team: string, kpi: string) =>
        sumOfMemberTargets(
          targets,
          people
            .filter((p) => p.team === team && (p.active || values.get(vkey('person', p.staff_id, period, kpi)) != null))
            .flatMap((p) => {
              const k = cardById.get(p.role)?.kpis.find((x) => x.id === kpi);
              return k ? [{ staff_id: p.staff_id, cardTarget: k.target }] : [];
            }),
          period,
          kpi,
        );
      for (const s of scoreRole({ ...common, entities: teamEntities, teamTarget })) teamScores.push(withoutId(s, { team: s.id }));
    }
  }
  return { ok: true, scores, teamScores, weights, warnings };
}

const round = (x: number) => String(Math.round(x * 10000) / 10000);

function withoutId<T extends object>(s: EntityScore, extra: T): Omit<EntityScore, 'id'> & T {
  const { id: _id, ...rest } = s;
  return { ...rest, ...extra };
}
