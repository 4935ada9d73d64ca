import { describe, expect, test } from 'vitest';
import {
  activeCount, dutiesTable, findCard, latestScore, latestWeights, roleKpisTable, rolePaths, rolePeople, rolesTables, rosterTable,
  trainingHours, trainingTable,
} from '../../src/site-data/tables/roles.ts';
import { bundle, emptyBundle } from './scoring-bundle.ts';

const am = findCard(bundle, 'am')!;

describe('role card pages', () => {
  test('one page per published card', () => {
    expect(rolePaths(bundle)).toEqual([{ params: { id: 'am' } }, { params: { id: 'cs' } }]);
    expect(rolePaths(emptyBundle)).toEqual([]);
  });
  test('people in the role: active first, then by staff id; the count is active people', () => {
    expect(rolePeople(bundle, 'am').map((p) => p.staff_id)).toEqual(['S1', 'S2', 'S3', 'S0']);
    expect(activeCount(bundle, 'am')).toBe(3);
    expect(activeCount(emptyBundle, 'am')).toBe(0);
  });
});

describe('latest weights and scores use complete quarters only', () => {
  test('weights of 2026-Q3, not of the incomplete 2026-Q4', () => {
    expect(latestWeights(bundle, 'am')?.period).toBe('2026-Q3');
    expect(latestWeights(emptyBundle, 'am')).toBeUndefined();
  });
  test('a person’s latest scored quarter', () => {
    expect(latestScore(bundle, 'am', 'S1')).toMatchObject({ period: '2026-Q3', score: 110, grade: 'S' });
    expect(latestScore(bundle, 'am', 'S3')).toBeUndefined(); // only a null score
    expect(latestScore(bundle, 'am', 'S0')).toBeUndefined();
  });
});

describe('card tables', () => {
  test('duties with standards, evidence and linked KPI names', () => {
    const en = dutiesTable(bundle, 'en', am);
    expect(en.id).toBe('roles-am-duties');
    expect(en.rows).toEqual([{ duty: 'Duty one', standard: 'On file within 24 h', evidence: 'Customer file', kpis: 'Net revenue, Repeat purchase rate' }]);
    expect(dutiesTable(bundle, 'zh-CN', am).rows[0]!.kpis).toBe('净销售额、重复购买率');
  });
  test('KPIs: definition, the weights in use, default target in the KPI unit, cap', () => {
    const t = roleKpisTable(bundle, 'en', am);
    expect(t.id).toBe('roles-am-kpis');
    expect(t.columns.find((c) => c.key === 'weight')!.header).toBe('Weight · Q3 2026 (%)');
    expect(t.rows).toEqual([
      expect.objectContaining({ kpi: 'Net revenue', unit: 'currency', unit_label: 'CNY', direction: 'higher is better', weight: 0.75, target: 100, cap: 'default' }),
      expect.objectContaining({ kpi: 'Repeat purchase rate', unit: 'ratio', weight: 0.25, target: 0.5, cap: 1.5 }),
    ]);
    expect(t.rows[0]!.definition).toBe('Sum of all order amounts in the period, refunds included');
  });
  test('KPIs without scores: no weight (shown as —)', () => {
    const t = roleKpisTable(emptyBundle, 'en', am);
    expect(t.rows.map((r) => r.weight)).toEqual([null, null]);
    expect(t.columns.find((c) => c.key === 'weight')!.header).toBe('Weight (%)');
  });
  test('training and total hours', () => {
    expect(trainingTable('zh-CN', am).rows).toEqual([{ topic: '销售', hours: 16 }, { topic: '产品', hours: 2.5 }]);
    expect(trainingHours(am)).toBe(18.5);
  });
  test('roster: everyone in the role with the latest grade, linked', () => {
    const t = rosterTable(bundle, 'en', am);
    expect(t.id).toBe('roles-am-roster');
    expect(t.rows[0]).toEqual({
      name: '张三', name_href: '/en/people/S1/', staff_id: 'S1', team: '华东一组', team_href: '/en/teams/华东一组/',
      status: 'active', grade: 'S', score: 110, rank: 1, period: 'Q3 2026',
    });
    expect(t.rows[3]).toMatchObject({ staff_id: 'S0', status: 'left', team: null, team_href: null, grade: null, score: null, period: null });
  });
  test('all role tables, same ids in both locales', () => {
    const ids = rolesTables(bundle, 'en').map((x) => x.id);
    expect(ids).toEqual([
      'roles-am-duties', 'roles-am-kpis', 'roles-am-training', 'roles-am-roster',
      'roles-cs-duties', 'roles-cs-kpis', 'roles-cs-training', 'roles-cs-roster',
    ]);
    expect(rolesTables(bundle, 'zh-CN').map((x) => x.id)).toEqual(ids);
    expect(rolesTables(emptyBundle, 'en')).toEqual([]);
  });
});
