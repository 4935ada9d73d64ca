import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../src/metrics/customer-base/nelder-mead.ts';

describe('nelderMead', () => {
  it('finds the minimum of Rosenbrock’s function at (1, 1)', () => {
    const f = ([x, y]: number[]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2;
    const res = nelderMead(f, [-1.2, 1]);
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 6);
    expect(res.x[1]).toBeCloseTo(1, 6);
  });

  it('finds a 4-dimensional quadratic’s centre and treats NaN as +∞', () => {
    const c = [3, -2, 0.5, 10];
    const f = (v: number[]) => (v[0]! < -50 ? NaN : v.reduce((s, vi, i) => s + (i + 1) * (vi - c[i]!) ** 2, 0));
    const res = nelderMead(f, [0, 0, 0, 0]);
    expect(res.converged).toBe(true);
    res.x.forEach((v, i) => expect(v).toBeCloseTo(c[i]!, 5));
  });

  it('reports non-convergence when out of iterations', () => {
    const res = nelderMead(([x]) => -x!, [0], { maxIterations: 20 });
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(20);
  });
});
