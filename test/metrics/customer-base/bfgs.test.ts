import { describe, expect, it } from 'vitest';
import { bfgs } from '../../../src/metrics/customer-base/bfgs.ts';

describe('bfgs', () => {
  it('finds the minimum of Rosenbrock’s function at (1, 1)', () => {
    const res = bfgs(([x, y], g) => {
      g[0] = -400 * x! * (y! - x! * x!) - 2 * (1 - x!);
      g[1] = 200 * (y! - x! * x!);
      return 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2;
    }, [-1.2, 1]);
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 7);
    expect(res.x[1]).toBeCloseTo(1, 7);
  });

  it('backs off from a step where the objective is not finite', () => {
    // minimum at x = 2; undefined for x > 3
    const res = bfgs(([x], g) => {
      g[0] = 2 * (x! - 2);
      return x! > 3 ? NaN : (x! - 2) ** 2;
    }, [-10]);
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(2, 9);
  });

  it('reports non-convergence when out of iterations', () => {
    const res = bfgs(([x], g) => {
      g[0] = -1;
      return -x!;
    }, [0], { maxIterations: 5 });
    expect(res.converged).toBe(false);
  });
});
