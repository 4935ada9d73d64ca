import { kpiCatalogue } from '../../src/metrics/kpi-catalogue.ts';
import type { ExplanationRow, ScoreRow, TeamScoreRow, WeightDerivation } from '../../src/scoring/types.ts';
import type { PersonRow, PublishedRoleCard, SiteBundle } from '../../src/bundle/contract.ts';

/**
 * A small hand-made bundle for the Scorecards and Role card table tests (test/site-data/kpis.test.ts,
 * roles.test.ts). Two roles:
 * - `am` (target mode, AHP 2×2: revenue 3× as important as repeat_rate → weights 0.75 / 0.25),
 *   three people in 2026-Q3: S1 110 S #1, S2 90 B #2 (repeat_rate left out), S3 no data;
 * - `cs` (relative mode, entropy): one person, S4.
 * Quarters 2026-Q2 and 2026-Q3 are complete, 2026-Q4 is not (its rows must be ignored).
 */
const ex = (kpi: string, actual: number | null, target: number | null, attainment: number | null, weight: number, base: number): ExplanationRow => ({
  kpi, actual, target, target_source: target == null ? null : 'card', attainment, weight, base_weight: base,
  contribution: attainment == null ? null : 100 * weight * attainment,
});

const score = (staff_id: string, period: string, s: number | null, grade: ScoreRow['grade'], rank: number | null, notes: string[], explanation: ExplanationRow[], role = 'am', mode: ScoreRow['mode'] = 'target'): ScoreRow => ({
  role, period, grain: 'quarter', staff_id, score: s, grade, rank, mode, explanation, notes,
});

export const people: PersonRow[] = [
  { staff_id: 'S3', name: '王五', role: 'am', team: '华北组', manager_id: null, region: null, active: true },
  { staff_id: 'S1', name: '张三', role: 'am', team: '华东一组', manager_id: null, region: null, active: true },
  { staff_id: 'S0', name: '赵六', role: 'am', team: null, manager_id: null, region: null, active: false },
  { staff_id: 'S2', name: '李四', role: 'am', team: '华东一组', manager_id: 'S1', region: null, active: true },
  { staff_id: 'S4', name: '钱七', role: 'cs', team: '客服中心', manager_id: null, region: null, active: true },
];

const card = (id: string, over: Partial<PublishedRoleCard>): PublishedRoleCard => ({
  id,
  title: { 'zh-CN': `岗位${id}`, en: `Role ${id}` },
  summary: { 'zh-CN': '概述', en: 'Summary' },
  duties: [{ name: { 'zh-CN': '职责一', en: 'Duty one' }, standard: { 'zh-CN': '24 小时内建档', en: 'On file within 24 h' }, evidence: { 'zh-CN': '客户档案', en: 'Customer file' }, kpis: ['revenue', 'repeat_rate'] }],
  kpis: [{ id: 'revenue', target: 100 }, { id: 'repeat_rate', target: 0.5, cap: 1.5 }],
  weighting: { method: 'ahp', ahp: [[1, 3], [1]] },
  skills: [{ name: { 'zh-CN': '沟通', en: 'Communication' }, level: 4 }],
  workflow: [{ 'zh-CN': '建档', en: 'File' }],
  training: [{ topic: { 'zh-CN': '销售', en: 'Selling' }, hours: 16 }, { topic: { 'zh-CN': '产品', en: 'Products' }, hours: 2.5 }],
  incentives: { 'zh-CN': '奖金', en: 'Bonus' },
  review: { version: 2, reviewedAt: '2026-09-01', reviewedBy: 'HR' },
  file: `roles/${id}.md`,
  bodyHtml: { 'zh-CN': '<p>正文</p>', en: '<p>Body</p>' },
  ...over,
});

export const roles: PublishedRoleCard[] = [
  card('am', {}),
  card('cs', { kpis: [{ id: 'resolution_hours' }, { id: 'csat' }], weighting: { method: 'entropy' }, reportsTo: 'am' }),
];

export const scores: ScoreRow[] = [
  // listed out of rank order on purpose
  score('S3', '2026-Q3', null, null, null, ['no_data'], [ex('revenue', null, 100, null, 0, 0.75), ex('repeat_rate', null, 0.5, null, 0, 0.25)]),
  score('S2', '2026-Q3', 90, 'B', 2, ['missing_actual:repeat_rate', 'weights_renormalised'], [ex('revenue', 90, 100, 0.9, 1, 0.75), ex('repeat_rate', null, 0.5, null, 0, 0.25)]),
  score('S1', '2026-Q3', 110, 'S', 1, [], [ex('revenue', 120, 100, 1.2, 0.75, 0.75), ex('repeat_rate', 0.4, 0.5, 0.8, 0.25, 0.25)]),
  score('S1', '2026-Q2', 95.123, 'B', 1, [], [ex('revenue', 95, 100, 0.95, 0.75, 0.75), ex('repeat_rate', 0.5, 0.5, 1, 0.25, 0.25)]),
  score('S1', '2026-Q4', 50, 'D', 1, [], [ex('revenue', 50, 100, 0.5, 0.75, 0.75), ex('repeat_rate', 0.25, 0.5, 0.5, 0.25, 0.25)]),
  score('S4', '2026-Q3', 100, 'B', 1, [], [ex('resolution_hours', 12, null, 1, 0.5, 0.5), ex('csat', 0.8, null, 1, 0.5, 0.5)], 'cs', 'relative'),
];

export const teamScores: TeamScoreRow[] = [
  { role: 'am', period: '2026-Q3', grain: 'quarter', team: '华东一组', score: 100, grade: 'A', rank: 1, mode: 'target', notes: [], explanation: [ex('revenue', 210, 100, 1.2, 0.75, 0.75), ex('repeat_rate', 0.2, 0.5, 0.4, 0.25, 0.25)] },
];

export const weights: WeightDerivation[] = [
  { role: 'am', period: '2026-Q3', method: 'ahp', weights: [{ kpi: 'revenue', weight: 0.75 }, { kpi: 'repeat_rate', weight: 0.25 }], ahp: { matrix: [[1, 3], [1 / 3, 1]], lambdaMax: 2, ci: 0, ri: 0, cr: 0 }, notes: [] },
  { role: 'am', period: '2026-Q4', method: 'ahp', weights: [{ kpi: 'revenue', weight: 0.5 }, { kpi: 'repeat_rate', weight: 0.5 }], notes: [] },
  { role: 'cs', period: '2026-Q3', method: 'entropy', weights: [{ kpi: 'resolution_hours', weight: 0.6 }, { kpi: 'csat', weight: 0.4 }], entropy: { e: [0.7, 0.8], d: [0.3, 0.2], m: 5 }, notes: ['entropy_constant:csat'] },
];

const q = (id: string, start: string, end: string, complete: boolean) => ({ id, start, end, complete });

export const bundle: SiteBundle = {
  manifest: {
    asOf: '2026-11-15',
    definitionsVersion: 'test',
    fingerprints: [],
    rowCounts: {},
    title: { 'zh-CN': '测试', en: 'Test' },
    periods: {
      quarter: [q('2026-Q2', '2026-04-01', '2026-06-30', true), q('2026-Q3', '2026-07-01', '2026-09-30', true), q('2026-Q4', '2026-10-01', '2026-12-31', false)],
      month: [q('2026-09', '2026-09-01', '2026-09-30', true), q('2026-10', '2026-10-01', '2026-10-31', true)],
      year: [],
    },
    lastCompleteQuarter: '2026-Q3',
    lastCompleteMonth: '2026-10',
    filesPresent: ['staff'],
  },
  ledger: [],
  kpis: [],
  catalogue: kpiCatalogue,
  cohorts: null, customers: null, statusCounts: null, rfm: null, valueTiers: null, migration: null,
  ticketFacts: null, complaintCategories: null, backlog: null, satisfaction: null, channels: null,
  people, roles, scores, teamScores, weights, scoringWarnings: [], customerHealth: null, customerPortfolio: null,
};

/** The same bundle without any scoring tables (a build without staff.csv or role cards). */
export const emptyBundle: SiteBundle = { ...bundle, people: null, roles: null, scores: null, teamScores: null, weights: null, scoringWarnings: null };
