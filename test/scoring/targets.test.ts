import { describe, expect, it } from 'vitest';
import { hasAnyTarget, indexTargets, resolveTarget } from '../../src/scoring/targets.ts';
import { targetsTable } from './helpers.ts';

describe('resolveTarget: person → team → card', () => {
  const index = indexTargets(
    targetsTable([
      { staff_id: 'p1', period: '2026-Q1', kpi: 'csat', target: 0.9 },
      { team: 'north', period: '2026-Q1', kpi: 'csat', target: 0.8 },
      { team: 'north', period: '2026-Q1', kpi: 'csat', target: 0.1 }, // duplicate: first wins
    ]),
  );
  const q = { period: '2026-Q1', kpi: 'csat', cardTarget: 0.7 };
  it('resolves in order', () => {
    expect(resolveTarget(index, { ...q, staff_id: 'p1', team: 'north' })).toEqual({ target: 0.9, source: 'person' });
    expect(resolveTarget(index, { ...q, staff_id: 'p2', team: 'north' })).toEqual({ target: 0.8, source: 'team' });
    expect(resolveTarget(index, { ...q, staff_id: 'p2', team: 'south' })).toEqual({ target: 0.7, source: 'card' });
    expect(resolveTarget(index, { ...q, staff_id: 'p2', team: 'south', cardTarget: undefined })).toEqual({ target: null, source: null });
    expect(resolveTarget(index, { ...q, period: '2026-Q2', staff_id: 'p1', team: 'north' })).toEqual({ target: 0.7, source: 'card' });
  });
  it('records duplicates and answers hasAnyTarget', () => {
    expect(index.duplicates).toEqual([{ staff_id: null, team: 'north', period: '2026-Q1', kpi: 'csat' }]);
    expect(hasAnyTarget(index, ['p9'], ['north'], '2026-Q1', ['csat'])).toBe(true);
    expect(hasAnyTarget(index, ['p9'], ['south'], '2026-Q1', ['csat'])).toBe(false);
    expect(hasAnyTarget(index, ['p1'], [], '2026-Q1', ['nps'])).toBe(false);
  });
});
