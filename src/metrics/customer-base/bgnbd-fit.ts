import { sampleLogLikelihood, type BgnbdParams, type BgnbdSample } from './bgnbd-likelihood.ts';
import { bfgs } from './bfgs.ts';

/**
 * Maximum-likelihood fit of the BG/NBD: BFGS on the logs of (r, α, a, b), so every parameter
 * stays positive, with the analytic gradient (bgnbd-likelihood.ts). The objective is the mean
 * log-likelihood per customer, so the tolerance means the same at 2,000 customers and 500,000.
 * The fit is declared not converged — and the caller shows a reason instead of figures — when the
 * gradient did not vanish within the iterations or a parameter ran off towards 0 or infinity
 * (|ln θ| > 20: the data do not identify it).
 */
export type BgnbdFit =
  | { ok: true; params: BgnbdParams; logLikelihood: number; evaluations: number }
  | { ok: false; reason: 'did_not_converge'; evaluations: number };

const LOG_BOUND = 20;

/** `from`: a starting point (the holdout fit starts from the main fit's answer) */
export function fitBgnbd(s: BgnbdSample, from?: BgnbdParams): BgnbdFit {
  let customers = 0;
  let repeats = 0;
  let span = 0;
  for (let g = 0; g < s.groups; g++) {
    customers += s.weight[g]!;
    repeats += s.weight[g]! * s.x[g]!;
    span += (s.weight[g]! * s.TDays[g]!) / s.unitDays;
  }
  // start: r = a = b = 1 and α matching the mean purchase rate r/α = Σx / ΣT
  const start = from
    ? [Math.log(from.r), Math.log(from.alpha), Math.log(from.a), Math.log(from.b)]
    : [0, Math.log(repeats > 0 && span > 0 ? span / repeats : 1), 0, 0];
  const scale = Math.max(1, customers);
  const paramsOf = (v: readonly number[]): BgnbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  const res = bfgs(
    (v, grad) => {
      if (v.some((t) => Math.abs(t) > LOG_BOUND + 5)) return Infinity;
      const ll = sampleLogLikelihood(paramsOf(v), s, grad);
      for (let i = 0; i < 4; i++) grad[i] = -grad[i]! / scale;
      return -ll / scale;
    },
    start,
    { gTolerance: 1e-8 },
  );
  if (!res.converged || !Number.isFinite(res.fx) || res.x.some((t) => Math.abs(t) > LOG_BOUND)) {
    return { ok: false, reason: 'did_not_converge', evaluations: res.evaluations };
  }
  const params = paramsOf(res.x);
  return { ok: true, params, logLikelihood: sampleLogLikelihood(params, s), evaluations: res.evaluations };
}
