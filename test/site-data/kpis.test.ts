import { describe, expect, test } from 'vitest';
import { toCsv } from '../../src/publish/to-csv.ts';
import {
  ahpTable, defaultScorePeriod, gradeCounts, judgement, kpisTables, noteText, roleMode, scorePeriodPaths, scorePeriods,
  scoresTable, scoresWholeTable, teamScoresTable, weightsTable,
} from '../../src/site-data/tables/kpis.ts';
import { wholeTables } from '../../src/site-data/tables.ts';
import { bundle, emptyBundle } from './scoring-bundle.ts';

describe('scorecard periods', () => {
  test('complete quarters only, newest first; no months (scores are per quarter)', () => {
    expect(scorePeriods(bundle)).toEqual(['2026-Q3', '2026-Q2']);
    expect(scorePeriodPaths(bundle).map((p) => p.params.period)).toEqual(['2026-Q3', '2026-Q2']);
    expect(defaultScorePeriod(bundle)).toBe('2026-Q3');
  });
  test('no quarters → no default period', () => {
    const b = { ...bundle, manifest: { ...bundle.manifest, lastCompleteQuarter: null, periods: { ...bundle.manifest.periods, quarter: [] } } };
    expect(defaultScorePeriod(b)).toBeNull();
  });
});

describe('scoresTable (target mode)', () => {
  const en = scoresTable(bundle, 'en', 'am', '2026-Q3');
  test('id, title and columns: results first, then actual/target/attainment per KPI in card order', () => {
    expect(en.id).toBe('kpis-am-scores-2026-Q3');
    expect(en.title).toBe('Role am scorecard (Q3 2026)');
    expect(en.columns.map((c) => c.key)).toEqual([
      'name', 'staff_id', 'team', 'score', 'grade', 'rank',
      'revenue__actual', 'revenue__target', 'revenue__att', 'repeat_rate__actual', 'repeat_rate__target', 'repeat_rate__att', 'notes',
    ]);
    const h = Object.fromEntries(en.columns.map((c) => [c.key, c.header]));
    expect(h.revenue__actual).toBe('Net revenue actual (CNY)');
    expect(h.revenue__att).toBe('Net revenue attainment (%)');
    expect(h.score).toBe('Weighted score (points)');
  });
  test('rows by rank, unscored last; values straight from the explanation', () => {
    expect(en.rows.map((r) => r.staff_id)).toEqual(['S1', 'S2', 'S3']);
    expect(en.rows[0]).toMatchObject({
      name: '张三', name_href: '/en/people/S1/', team: '华东一组', team_href: '/en/teams/华东一组/',
      score: 110, grade: 'S', rank: 1, revenue__actual: 120, revenue__target: 100, revenue__att: 1.2, repeat_rate__att: 0.8, notes: null,
    });
    expect(en.rows[1]).toMatchObject({ score: 90, repeat_rate__actual: null, repeat_rate__att: null });
    expect(en.rows[2]).toMatchObject({ score: null, grade: null, rank: null });
  });
  test('note codes in words, both languages', () => {
    expect(en.rows[1]!.notes).toBe('Repeat purchase rate: no data this period, left out; the other KPIs’ weights were scaled up to sum to 1');
    expect(en.rows[2]!.notes).toBe('no data for any KPI this period, no score');
    const zh = scoresTable(bundle, 'zh-CN', 'am', '2026-Q3');
    expect(zh.rows[1]!.notes).toBe('重复购买率本期无数据，未计入；其余指标的权重已按比例放大（重新归一化）');
    expect(zh.rows[0]!.name_href).toBe('/people/S1/');
    expect(zh.columns.find((c) => c.key === 'revenue__actual')!.header).toBe('净销售额 实际 (元)');
  });
  test('scores are rounded to 2 decimals for display and CSV', () => {
    expect(scoresTable(bundle, 'en', 'am', '2026-Q2').rows[0]!.score).toBe(95.12);
  });
});

describe('scoresTable (relative mode)', () => {
  const t = scoresTable(bundle, 'en', 'cs', '2026-Q3');
  test('no target columns; attainment is the relative position z', () => {
    expect(roleMode(bundle, 'cs', '2026-Q3')).toBe('relative');
    expect(t.columns.map((c) => c.key)).toEqual([
      'name', 'staff_id', 'team', 'score', 'grade', 'rank',
      'resolution_hours__actual', 'resolution_hours__att', 'csat__actual', 'csat__att', 'notes',
    ]);
    expect(t.columns.find((c) => c.key === 'csat__att')!.header).toBe('CSAT relative position z');
    expect(t.rows).toHaveLength(1);
  });
});

describe('teamScoresTable', () => {
  test('team rows with links, from bundle.teamScores', () => {
    const t = teamScoresTable(bundle, 'en', 'am', '2026-Q3');
    expect(t.id).toBe('kpis-am-teams-2026-Q3');
    expect(t.rows).toEqual([expect.objectContaining({ team: '华东一组', team_href: '/en/teams/华东一组/', score: 100, grade: 'A', rank: 1, revenue__actual: 210, repeat_rate__att: 0.4 })]);
    expect(teamScoresTable(bundle, 'en', 'cs', '2026-Q3').rows).toEqual([]);
  });
});

describe('weights', () => {
  test('AHP: weights and the matrix with judgements as fractions', () => {
    const w = weightsTable(bundle, 'en', 'am', '2026-Q3')!;
    expect(w.columns.map((c) => c.key)).toEqual(['kpi', 'direction', 'weight']);
    expect(w.rows).toEqual([
      { kpi: 'Net revenue', direction: 'higher is better', weight: 0.75 },
      { kpi: 'Repeat purchase rate', direction: 'higher is better', weight: 0.25 },
    ]);
    const a = ahpTable(bundle, 'en', 'am', '2026-Q3')!;
    expect(a.id).toBe('kpis-am-ahp-2026-Q3');
    expect(a.columns.map((c) => c.header)).toEqual(['KPI', 'Net revenue', 'Repeat purchase rate']);
    expect(a.rows).toEqual([{ kpi: 'Net revenue', a0: '1', a1: '3' }, { kpi: 'Repeat purchase rate', a0: '1/3', a1: '1' }]);
  });
  test('entropy: e_j and d_j next to the weights; no matrix', () => {
    const w = weightsTable(bundle, 'en', 'cs', '2026-Q3')!;
    expect(w.columns.map((c) => c.key)).toEqual(['kpi', 'direction', 'e', 'd', 'weight']);
    expect(w.rows[0]).toEqual({ kpi: 'Complaint resolution time', direction: 'lower is better', e: 0.7, d: 0.3, weight: 0.6 });
    expect(ahpTable(bundle, 'en', 'cs', '2026-Q3')).toBeNull();
    expect(weightsTable(bundle, 'en', 'cs', '2026-Q2')).toBeNull();
  });
  test('judgements', () => {
    expect([1, 9, 1 / 9, 0.25, 1.5, 2 / 3].map(judgement)).toEqual(['1', '9', '1/9', '1/4', '1.5', '0.67']);
  });
  test('weight note codes in words; unknown codes shown as they are', () => {
    expect(noteText(bundle, 'en', 'entropy_constant:csat')).toBe('CSAT does not differ between people: entropy weight 0');
    expect(noteText(bundle, 'zh-CN', 'entropy_too_few_rows')).toBe('所有指标都有数据的人员少于 2 人，熵权法改用等权');
    expect(noteText(bundle, 'en', 'something_new:x')).toBe('something_new:x');
  });
});

describe('grade distribution', () => {
  test('people per grade, S…D with zeros, unscored not counted', () => {
    expect(gradeCounts(bundle, 'am', '2026-Q3')).toEqual([
      { grade: 'S', n: 1 }, { grade: 'A', n: 0 }, { grade: 'B', n: 1 }, { grade: 'C', n: 0 }, { grade: 'D', n: 0 },
    ]);
  });
});

describe('page tables and scores.csv', () => {
  test('one set of tables per page period and role, same ids in both locales', () => {
    const ids = kpisTables(bundle, 'en').map((x) => x.id);
    expect(ids).toEqual([
      'kpis-am-scores-2026-Q3', 'kpis-am-teams-2026-Q3', 'kpis-am-weights-2026-Q3', 'kpis-am-ahp-2026-Q3',
      'kpis-cs-scores-2026-Q3', 'kpis-cs-teams-2026-Q3', 'kpis-cs-weights-2026-Q3',
      'kpis-am-scores-2026-Q2', 'kpis-am-teams-2026-Q2', 'kpis-cs-scores-2026-Q2', 'kpis-cs-teams-2026-Q2',
    ]);
    expect(kpisTables(bundle, 'zh-CN').map((x) => x.id)).toEqual(ids);
    expect(kpisTables(emptyBundle, 'en')).toEqual([]);
  });
  test('scores.csv: machine names, every score, sorted by role, period, rank', () => {
    const w = scoresWholeTable(bundle);
    expect(w.name).toBe('scores');
    expect(w.columns.map((c) => c.header)).toEqual(['role', 'period', 'staff_id', 'name', 'team', 'score', 'grade', 'rank', 'mode']);
    expect(w.rows.map((r) => `${r.role} ${r.period} ${r.staff_id}`)).toEqual([
      'am 2026-Q2 S1', 'am 2026-Q3 S1', 'am 2026-Q3 S2', 'am 2026-Q3 S3', 'am 2026-Q4 S1', 'cs 2026-Q3 S4',
    ]);
    expect(w.rows[1]).toEqual({ role: 'am', period: '2026-Q3', staff_id: 'S1', name: '张三', team: '华东一组', score: 110, grade: 'S', rank: 1, mode: 'target' });
    const csv = toCsv(w.columns, w.rows);
    expect(csv.split('\n')[4]).toBe('am,2026-Q3,S3,王五,华北组,,,,target');
    expect(wholeTables(bundle).map((x) => x.name)).toContain('scores');
    expect(scoresWholeTable(emptyBundle).rows).toEqual([]);
  });
});

describe('people who have left', () => {
  test('are listed apart with their last scored period, not in the ranking', async () => {
    const { leftScoresTable, scoresTable, gradeScale } = await import('../../src/site-data/tables/kpis.ts');
    const { bundle: base } = await import('./scoring-bundle.ts');
    const b = { ...base, scores: (base.scores ?? []).map((s) => (s.staff_id === 'S2' && s.period === '2026-Q3' ? { ...s, rank: null, notes: [...s.notes, 'left'] } : s)) };
    expect(scoresTable(b, 'en', 'am', '2026-Q3').rows.map((r) => r.staff_id)).not.toContain('S2');
    const left = leftScoresTable(b, 'en', 'am', '2026-Q3');
    expect(left.rows).toEqual([expect.objectContaining({ staff_id: 'S2', score: 90, last_period: 'Q3 2026' })]);
    expect(gradeScale(b, 'en', 'relative')).toBe('Relative mode: grades follow the rank among this role’s people this period (S the top 10%, A the next 20%, B 40%, C 20%, D the last 10%); no target is involved.');
    expect(gradeScale(b, 'zh-CN', 'target')).not.toMatch(/scoring\.grades|config/);
  });
});
