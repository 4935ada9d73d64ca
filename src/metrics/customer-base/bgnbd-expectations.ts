import type { BgnbdParams } from './bgnbd-likelihood.ts';
import { gaussHyp2f1 } from './gauss-hypergeometric.ts';

/**
 * What the fitted BG/NBD says about one customer (Fader, Hardie & Lee 2005; x, t_x, T and t in
 * the model's time unit).
 *
 * P(alive | x, t_x, T) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))   (eq. 11)
 * — a customer with no repeat purchase cannot have dropped out yet (dropout happens just after a
 * purchase), so their P(alive) is 1.
 *
 * E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1)
 *    · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive)   (eq. 10)
 * The factor before P(alive) is the expectation given the customer is still active.
 * At a = 1 the formula is 0/0; a is then nudged by 1e-9, which changes the result by ~1e-9.
 */
export function pAlive({ r, alpha, a, b }: BgnbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/** Expected purchases in (T, T+t] for a customer known to be active at T. */
export function expectedIfAlive({ r, alpha, a: a0, b }: BgnbdParams, x: number, T: number, t: number): number {
  if (t <= 0) return 0;
  const a = Math.abs(a0 - 1) < 1e-9 ? a0 + 1e-9 : a0;
  const z = t / (alpha + T + t);
  const f = gaussHyp2f1(r + x, b + x, a + b + x - 1, z);
  const lead = Math.exp((r + x) * Math.log1p(-z));
  return ((a + b + x - 1) / (a - 1)) * (1 - lead * f);
}

export function expectedPurchases(p: BgnbdParams, x: number, tx: number, T: number, t: number): number {
  return expectedIfAlive(p, x, T, t) * pAlive(p, x, tx, T);
}
