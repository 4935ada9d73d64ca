import { describe, expect, it } from 'vitest';
import { closestKpiIds, fieldPath, validateRoleCard } from '../../src/roles/role-card.ts';

const base = () => ({
  id: 'x',
  title: { 'zh-CN': '岗位', en: 'Role' },
  summary: { 'zh-CN': '摘要', en: 'Summary' },
  duties: [{ name: { 'zh-CN': '职责', en: 'Duty' }, standard: { 'zh-CN': '标准', en: 'Standard' }, evidence: { 'zh-CN': '记录', en: 'Record' } }],
  kpis: [{ id: 'csat', weight: 0.5 }, { id: 'nps', weight: 0.5 }] as { id: string; weight?: number; target?: number }[],
  weighting: { method: 'expert' } as Record<string, unknown>,
  skills: [],
  workflow: [],
  training: [],
  incentives: { 'zh-CN': '奖金', en: 'Bonus' },
  review: { version: 1, reviewedAt: '2026-09-01', reviewedBy: 'HR' },
});

describe('validateRoleCard', () => {
  it('accepts a minimal card; a Date reviewedAt (js-yaml, as Astro parses) becomes YYYY-MM-DD', () => {
    const c = base();
    (c.review as Record<string, unknown>).reviewedAt = new Date('2026-09-01T00:00:00Z');
    const r = validateRoleCard(c, 'roles/x.md');
    expect(r.ok && r.card.review.reviewedAt).toBe('2026-09-01');
  });

  it('expert weights are required for expert (and combined without a matrix)', () => {
    const c = base();
    c.kpis[1] = { id: 'nps' };
    const r = validateRoleCard(c, 'roles/x.md');
    expect(!r.ok && r.error.field).toBe('kpis[1].weight');
    expect(!r.ok && r.error.message.en).toBe('weight is required when weighting.method is expert');
    c.weighting = { method: 'combined' };
    const r2 = validateRoleCard(c, 'roles/x.md');
    expect(!r2.ok && r2.error.message.en).toBe('weight is required when weighting.method is combined without an ahp matrix');
    c.weighting = { method: 'combined', ahp: [[1, 3], [1]] };
    expect(validateRoleCard(c, 'roles/x.md').ok).toBe(true);
  });

  it('ahp needs a matrix; unknown method lists the allowed ones; typos are unknown fields', () => {
    const c = base();
    c.weighting = { method: 'ahp' };
    const r0 = validateRoleCard(c, 'f');
    expect(!r0.ok && r0.error.field).toBe('weighting.ahp');
    c.weighting = { method: 'topsis' };
    const r = validateRoleCard(c, 'f');
    expect(!r.ok && r.error.message.en).toBe('weighting.method must be one of: expert, ahp, entropy, combined');
    const d = { ...base(), incentive: 'x' };
    const r2 = validateRoleCard(d, 'f');
    expect(!r2.ok && r2.error.message.en).toBe('unknown field(s) incentive');
  });

  it('duplicate KPI ids and duty links to KPIs not on the card', () => {
    const c = base();
    c.kpis[1] = { id: 'csat', weight: 0.5 };
    const r = validateRoleCard(c, 'f');
    expect(!r.ok && r.error.message.en).toBe('KPI "csat" is listed twice');
    const d = base();
    (d.duties[0] as Record<string, unknown>).kpis = ['revenue'];
    const r2 = validateRoleCard(d, 'f');
    expect(!r2.ok && r2.error.field).toBe('duties[0].kpis[0]');
  });

  it('skill levels are 1–5', () => {
    const c = { ...base(), skills: [{ name: { 'zh-CN': '技能', en: 'Skill' }, level: 6 }] };
    const r = validateRoleCard(c, 'f');
    expect(!r.ok && r.error.message.en).toBe('skills[0].level must be ≤ 5');
  });
});

describe('helpers', () => {
  it('closestKpiIds ranks by edit distance', () => {
    expect(closestKpiIds('retension_rate')[0]).toBe('retention_rate');
    expect(closestKpiIds('csatt')[0]).toBe('csat');
  });
  it('fieldPath', () => {
    expect(fieldPath(['kpis', 2, 'id'])).toBe('kpis[2].id');
    expect(fieldPath(['weighting', 'ahp', 1, 0])).toBe('weighting.ahp[1][0]');
  });
});
