import { describe, expect, it } from 'vitest';
import { rankScores } from '../../src/scoring/rank.ts';

describe('rankScores', () => {
  it('ties share a rank (1224), tied people listed by id, no score → no rank, last', () => {
    const r = rankScores([
      { id: 'e', score: null },
      { id: 'd', score: 80 },
      { id: 'b', score: 90 },
      { id: 'a', score: 90 },
      { id: 'c', score: 100 },
    ]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([['c', 1], ['a', 2], ['b', 2], ['d', 4], ['e', null]]);
  });
  it('scores equal up to floating-point noise tie', () => {
    // 0.1 + 0.2 = 0.30000000000000004
    const r = rankScores([{ id: 'y', score: 100 * (0.1 + 0.2) }, { id: 'x', score: 30 }]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([['x', 1], ['y', 1]]);
  });
});
