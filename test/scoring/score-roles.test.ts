import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/schema.ts';
import { formatBuildError } from '../../src/lib/build-error.ts';
import { scoreRoles, type ScoreRolesInput } from '../../src/scoring/index.ts';
import { checkRoleCards } from '../../src/scoring/card-weights.ts';
import { card, kpiRows, staffTable, targetsTable } from './helpers.ts';

const config = defaultConfig();
const P = '2026-Q1';
const run = (over: Partial<ScoreRolesInput>) => {
  const r = scoreRoles({ cards: [], kpis: [], staff: null, targets: null, config, grain: 'quarter', periods: [P], ...over });
  if (!r.ok) throw new Error(formatBuildError(r.error));
  return r;
};

const service = card(
  'service',
  [
    { id: 'csat', weight: 0.5, target: 0.8 },
    { id: 'first_response_hours', weight: 0.3, target: 4 },
    { id: 'resolution_rate', weight: 0.2, target: 0.9 },
  ],
  { method: 'expert' },
);

describe('scoreRoles: target mode', () => {
  const r = run({
    cards: [service],
    staff: staffTable([
      { staff_id: 'p1', role: 'service' },
      { staff_id: 'p2', role: 'service' },
      { staff_id: 'p3', role: 'service' },
    ]),
    kpis: [
      ...kpiRows(P, {
        p1: { csat: 0.88, first_response_hours: 5, resolution_rate: 0.9 },
        p2: { csat: 0.6, first_response_hours: 0, resolution_rate: null },
      }),
      // another grain must be ignored
      ...kpiRows('2026-01', { p3: { csat: 1 } }, 'person', 'month'),
    ],
  });
  const by = new Map(r.scores.map((s) => [s.staff_id, s]));

  it('scores with attainment per KPI: 100 × (0.5·1.1 + 0.3·0.8 + 0.2·1.0) = 99', () => {
    // csat 0.88/0.8 = 1.1; response 4 h target / 5 h = 0.8 (lower is better); resolution 0.9/0.9 = 1
    const p1 = by.get('p1')!;
    expect(p1.score).toBeCloseTo(99, 10);
    expect(p1).toMatchObject({ grade: 'B', rank: 1, mode: 'target', role: 'service', period: P, grain: 'quarter', notes: [] });
    expect(p1.explanation[1]).toMatchObject({ kpi: 'first_response_hours', actual: 5, target: 4, target_source: 'card' });
    expect(p1.explanation[1].attainment).toBeCloseTo(0.8, 12);
    expect(p1.explanation[1].contribution).toBeCloseTo(24, 10);
  });

  it('a KPI without data is left out and the weights renormalised; 0 hours gives the cap', () => {
    // csat 0.6/0.8 = 0.75; response 0 h → cap 1.2; resolution: no data.
    // w' = 0.5/0.8 = 0.625 and 0.3/0.8 = 0.375 → 100 × (0.625·0.75 + 0.375·1.2) = 46.875 + 45 = 91.875
    const p2 = by.get('p2')!;
    expect(p2.score).toBeCloseTo(91.875, 10);
    expect(p2.grade).toBe('B');
    expect(p2.rank).toBe(2);
    expect(p2.notes).toEqual(['missing_actual:resolution_rate', 'weights_renormalised']);
    expect(p2.explanation[1].attainment).toBe(1.2);
    expect(p2.explanation[0].weight).toBeCloseTo(0.625, 12);
    expect(p2.explanation[2]).toMatchObject({ actual: null, attainment: null, weight: 0, base_weight: 0.2, contribution: null });
  });

  it('an active person with no data gets no score, grade or rank', () => {
    expect(by.get('p3')).toMatchObject({
      score: null,
      grade: null,
      rank: null,
      notes: ['missing_actual:csat', 'missing_actual:first_response_hours', 'missing_actual:resolution_rate', 'no_data'],
    });
  });

  it('keeps the weight derivation', () => {
    expect(r.weights).toEqual([
      { role: 'service', period: P, method: 'expert', weights: [{ kpi: 'csat', weight: 0.5 }, { kpi: 'first_response_hours', weight: 0.3 }, { kpi: 'resolution_rate', weight: 0.2 }], notes: [] },
    ]);
  });
});

describe('scoreRoles: targets person → team → card, and team scores', () => {
  const r = run({
    cards: [service],
    staff: staffTable([
      { staff_id: 'p1', role: 'service', team: 'north' },
      { staff_id: 'p2', role: 'service', team: 'north' },
      { staff_id: 'p3', role: 'service', team: 'south' },
    ]),
    targets: targetsTable([
      { staff_id: 'p1', period: P, kpi: 'csat', target: 1 },
      { team: 'north', period: P, kpi: 'csat', target: 0.75 },
      { team: 'north', period: '2026-Q2', kpi: 'first_response_hours', target: 1 },
    ]),
    kpis: [
      ...kpiRows(P, { p1: { csat: 0.9 }, p2: { csat: 0.9 }, p3: { csat: 0.9 } }),
      ...kpiRows(P, { north: { csat: 0.6, first_response_hours: 8, resolution_rate: 0.9 }, south: { csat: 0.96 } }, 'team'),
    ],
  });
  const src = (id: string) => r.scores.find((s) => s.staff_id === id)!.explanation[0];

  it('resolves each KPI target in order', () => {
    expect(src('p1')).toMatchObject({ target: 1, target_source: 'person' }); // a = 0.9
    expect(src('p2')).toMatchObject({ target: 0.75, target_source: 'team' }); // a = 1.2
    expect(src('p3')).toMatchObject({ target: 0.8, target_source: 'card' }); // a = 1.125
    // only csat has data, so it carries the whole weight: score = 100 × a
    expect(r.scores.map((s) => [s.staff_id, Math.round(s.score! * 1e6) / 1e6, s.rank, s.grade])).toEqual([
      ['p2', 120, 1, 'S'],
      ['p3', 112.5, 2, 'S'],
      ['p1', 90, 3, 'B'],
    ]);
  });

  it('scores teams from their own rows against team targets, else card defaults', () => {
    // north: csat 0.6/0.75 (team target) = 0.8; response 4/8 = 0.5; resolution 0.9/0.9 = 1
    //   → 100 × (0.5·0.8 + 0.3·0.5 + 0.2·1) = 40 + 15 + 20 = 75 → C
    // south: csat 0.96/0.8 = 1.2 (card target), nothing else → 120 → S
    const north = r.teamScores.find((t) => t.team === 'north')!;
    expect(north.score).toBeCloseTo(75, 10);
    expect(north.grade).toBe('C');
    expect(north.explanation.map((e) => e.target_source)).toEqual(['team', 'card', 'card']);
    const south = r.teamScores.find((t) => t.team === 'south')!;
    expect(south).toMatchObject({ rank: 1, grade: 'S', role: 'service' });
    expect(south.score).toBeCloseTo(120, 10);
    expect(r.teamScores.map((t) => t.team)).toEqual(['south', 'north']);
  });
});

describe('scoreRoles: weights', () => {
  it('expert weights not summing to 1: warning and normalised weights', () => {
    const c = card('w', [{ id: 'csat', weight: 2, target: 0.8 }, { id: 'nps', weight: 1, target: 30 }, { id: 'complaints', weight: 1, target: 2 }], { method: 'expert' });
    const r = run({ cards: [c] });
    // 2 + 1 + 1 = 4 → 0.5, 0.25, 0.25
    expect(r.weights[0].weights.map((w) => w.weight)).toEqual([0.5, 0.25, 0.25]);
    expect(r.weights[0].notes).toEqual(['expert_weights_normalised']);
    expect(r.warnings.map((w) => w.message.en)).toEqual([
      'role card "w": the expert weights sum to 4, not 1; they were normalised to 0.5, 0.25, 0.25',
    ]);
  });

  it('all-zero expert weights stop scoring with an error', () => {
    const c = card('z', [{ id: 'csat', weight: 0 }], { method: 'expert' });
    const r = scoreRoles({ cards: [c], kpis: [], staff: null, targets: null, config, grain: 'quarter', periods: [P] });
    expect(!r.ok && r.error).toMatchObject({ code: 'expert_weights_all_zero', file: 'roles/z.md' });
  });

  it('an inconsistent AHP matrix stops the build naming the card and the judgement', () => {
    // consistent for w ∝ (8, 4, 2, 1) except a(revenue, coverage_rate), reversed from 8 to 1/8
    const c = card(
      'bad-card',
      [{ id: 'revenue' }, { id: 'new_customers' }, { id: 'retention_rate' }, { id: 'coverage_rate' }],
      { method: 'ahp', ahp: [[1, 2, 4, '1/8'], [1, 2, 4], [1, 2], [1]] },
      'Bad card',
    );
    const r = scoreRoles({ cards: [c], kpis: [], staff: null, targets: null, config, grain: 'quarter', periods: [P] });
    if (r.ok) throw new Error('expected an error');
    expect(r.error).toMatchObject({ code: 'ahp_inconsistent', file: 'roles/bad-card.md', field: 'weighting.ahp[0][3]' });
    expect(r.error.message.en).toMatch(/^role card "bad-card" \(Bad card\): the AHP matrix is inconsistent, CR = \d\.\d{3} ≥ 0\.10\. /);
    expect(r.error.message.en).toContain('The judgement farthest from the derived weights is a(revenue, coverage_rate) = 1/8');
    expect(r.error.hint?.en).toContain('row 1, entry 4 (revenue vs coverage_rate)');
  });

  it('checkRoleCards (run by the build right after loading) stops at the first card with bad weights', () => {
    const good = card('good', [{ id: 'revenue', weight: 1 }], { method: 'expert' });
    const bad = card(
      'bad-card',
      [{ id: 'revenue' }, { id: 'new_customers' }, { id: 'retention_rate' }, { id: 'coverage_rate' }],
      { method: 'ahp', ahp: [[1, 2, 4, '1/8'], [1, 2, 4], [1, 2], [1]] },
    );
    expect(checkRoleCards([good])).toEqual({ ok: true });
    const r = checkRoleCards([good, bad]);
    expect(!r.ok && r.error).toMatchObject({ code: 'ahp_inconsistent', file: 'roles/bad-card.md' });
  });

  it('combined: α·AHP + (1 − α)·entropy, hand-computed', () => {
    // AHP 2×2 with a12 = 3 → (0.75, 0.25).
    // Entropy over p1–p3 (p4 lacks resolution_rate, so it is left out of the sample, m = 3):
    // csat [0.7, 0.8, 0.9] → z (0, ½, 1); resolution_rate [0.9, 0.7, 0.8] → z (1, 0, ½).
    // Both columns hold p = (0, ⅓, ⅔): e = (⅓ ln 3 + ⅔ ln 1.5)/ln 3 = (0.366204 + 0.270310)/1.098612 = 0.579380,
    // so the entropy weights are (0.5, 0.5). α = 0.5 (config) → (0.625, 0.375).
    const c = card('crm', [{ id: 'csat', target: 0.8 }, { id: 'resolution_rate', target: 0.8 }], { method: 'combined', ahp: [[1, 3], [1]] });
    const r = run({
      cards: [c],
      staff: staffTable(['p1', 'p2', 'p3', 'p4'].map((staff_id) => ({ staff_id, role: 'crm' }))),
      kpis: kpiRows(P, {
        p1: { csat: 0.7, resolution_rate: 0.9 },
        p2: { csat: 0.8, resolution_rate: 0.7 },
        p3: { csat: 0.9, resolution_rate: 0.8 },
        p4: { csat: 0.8, resolution_rate: null },
      }),
    });
    const w = r.weights[0];
    expect(w.method).toBe('combined');
    w.weights.forEach((x, j) => expect(x.weight).toBeCloseTo([0.625, 0.375][j], 12));
    expect(w.entropy!.m).toBe(3);
    w.entropy!.e.forEach((e) => expect(e).toBeCloseTo(0.57938, 5));
    expect(w.combined).toMatchObject({ alpha: 0.5 });
    expect(w.ahp!.cr).toBe(0);
    // p1: csat 0.7/0.8 = 0.875, resolution 0.9/0.8 = 1.125 → 100 × (0.625·0.875 + 0.375·1.125) = 54.6875 + 42.1875 = 96.875
    expect(r.scores.find((s) => s.staff_id === 'p1')!.score).toBeCloseTo(96.875, 10);
    // the card's α overrides config: 0.2·0.75 + 0.8·0.5 = 0.55, 0.2·0.25 + 0.8·0.5 = 0.45
    const c2 = card('crm', [{ id: 'csat', target: 0.8 }, { id: 'resolution_rate', target: 0.8 }], { method: 'combined', ahp: [[1, 3], [1]], alpha: 0.2 });
    const r2 = run({ cards: [c2], staff: staffTable([{ staff_id: 'p1', role: 'crm' }, { staff_id: 'p2', role: 'crm' }, { staff_id: 'p3', role: 'crm' }]), kpis: kpiRows(P, { p1: { csat: 0.7, resolution_rate: 0.9 }, p2: { csat: 0.8, resolution_rate: 0.7 }, p3: { csat: 0.9, resolution_rate: 0.8 } }) });
    r2.weights[0].weights.forEach((x, j) => expect(x.weight).toBeCloseTo([0.55, 0.45][j], 12));
  });
});

describe('scoreRoles: relative mode', () => {
  const spec = card('spec', [{ id: 'task_completion_rate' }, { id: 'conversion_rate' }, { id: 'interactions' }], { method: 'entropy' });

  it('all-equal values: z = 1 for everyone, entropy falls back to equal weights, everyone ties', () => {
    const r = run({
      cards: [spec],
      staff: staffTable(['a', 'b', 'c'].map((staff_id) => ({ staff_id, role: 'spec' }))),
      kpis: kpiRows(P, Object.fromEntries(['a', 'b', 'c'].map((id) => [id, { task_completion_rate: 0.9, conversion_rate: 0.2, interactions: 40 }]))),
    });
    expect(r.weights[0].notes).toEqual(['entropy_constant:task_completion_rate', 'entropy_constant:conversion_rate', 'entropy_constant:interactions', 'entropy_all_constant']);
    for (const s of r.scores) {
      expect(s.mode).toBe('relative');
      expect(s.score).toBeCloseTo(100, 10);
      expect(s.rank).toBe(1);
      expect(s.explanation.every((e) => e.attainment === 1 && e.target === null && e.target_source === null)).toBe(true);
      // N = 3, rank 1: s = 0.5/3 = 0.167 → past the S bound (0.1), within S + A (0.3) → A
      expect(s.grade).toBe('A');
    }
  });

  it('10 people: grades by rank share, 1 S, 2 A, 4 B, 2 C, 1 D', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
    const one = card('one', [{ id: 'interactions' }], { method: 'entropy' });
    const r = run({
      cards: [one],
      staff: staffTable(ids.map((staff_id) => ({ staff_id, role: 'one' }))),
      kpis: kpiRows(P, Object.fromEntries(ids.map((id, i) => [id, { interactions: i + 1 }]))),
    });
    // interactions 1 … 10 → z = (x − 1)/9, weight 1: p10 = 100, p01 = 0
    expect(r.scores.map((s) => `${s.staff_id}:${s.grade}`).join(' ')).toBe('p10:S p09:A p08:A p07:B p06:B p05:B p04:B p03:C p02:C p01:D');
    expect(r.scores.find((s) => s.staff_id === 'p04')!.score).toBeCloseTo((100 * 3) / 9, 10);
  });

  it('one entropy row (m < 2): equal weights with a note', () => {
    const r = run({ cards: [spec], staff: staffTable([{ staff_id: 'a', role: 'spec' }]), kpis: kpiRows(P, { a: { task_completion_rate: 0.9, conversion_rate: 0.2, interactions: 40 } }) });
    expect(r.weights[0].weights.map((w) => w.weight)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(r.weights[0].notes).toEqual(['entropy_too_few_rows']);
  });

  it('a targets.csv row for one of the role’s people switches the role to target mode', () => {
    const r = run({
      cards: [spec],
      staff: staffTable([{ staff_id: 'a', role: 'spec' }, { staff_id: 'b', role: 'spec' }]),
      targets: targetsTable([{ staff_id: 'a', period: P, kpi: 'interactions', target: 50 }]),
      kpis: kpiRows(P, { a: { task_completion_rate: 0.9, conversion_rate: 0.2, interactions: 40 }, b: { task_completion_rate: 0.8, conversion_rate: 0.3, interactions: 60 } }),
    });
    const a = r.scores.find((s) => s.staff_id === 'a')!;
    expect(a.mode).toBe('target');
    // only interactions has a target: 40/50 = 0.8 → 80
    expect(a.score).toBeCloseTo(80, 10);
    expect(a.notes).toEqual(['missing_target:task_completion_rate', 'missing_target:conversion_rate', 'weights_renormalised']);
    expect(r.scores.find((s) => s.staff_id === 'b')).toMatchObject({ score: null, notes: expect.arrayContaining(['no_data']) });
  });
});

describe('scoreRoles: staff', () => {
  it('scores only staff whose role has a card; warns about the others; inactive people without data are skipped', () => {
    const r = run({
      cards: [service],
      staff: staffTable([
        { staff_id: 'p1', role: 'service' },
        { staff_id: 'x', role: 'sales-director' },
        { staff_id: 'gone', role: 'service', active: false },
      ]),
      kpis: kpiRows(P, { p1: { csat: 0.8 }, x: { csat: 0.8 } }),
    });
    expect(r.scores.map((s) => s.staff_id)).toEqual(['p1']);
    expect(r.warnings).toMatchObject([{ code: 'staff_role_without_card', role: 'sales-director', staff_id: 'x' }]);
  });
});

describe('scoreRoles: people who have left', () => {
  // relative mode (no targets): p1 0.9 > gone 0.8 > p2 0.7 on one KPI
  const rel = card('crm', [{ id: 'csat', weight: 1 }], { method: 'expert' });
  const r = run({
    cards: [rel],
    staff: staffTable([
      { staff_id: 'p1', role: 'crm' },
      { staff_id: 'gone', role: 'crm', active: false },
      { staff_id: 'p2', role: 'crm' },
    ]),
    kpis: kpiRows(P, { p1: { csat: 0.9 }, gone: { csat: 0.8 }, p2: { csat: 0.7 } }),
  });
  it('are scored but get no rank and no relative grade; the others rank without a gap', () => {
    const by = new Map(r.scores.map((s) => [s.staff_id, s]));
    expect(by.get('gone')).toMatchObject({ rank: null, grade: null });
    expect(by.get('gone')!.score).not.toBeNull();
    expect(by.get('gone')!.notes).toContain('left');
    expect(by.get('p1')!.rank).toBe(1);
    expect(by.get('p2')!.rank).toBe(2);
  });
});
