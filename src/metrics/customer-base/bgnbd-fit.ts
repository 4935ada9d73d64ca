import { sampleLogLikelihood, type BgnbdParams, type BgnbdSample } from './bgnbd-likelihood.ts';
import { nelderMead } from './nelder-mead.ts';

/**
 * Maximum-likelihood fit of the BG/NBD: Nelder–Mead on the logs of (r, α, a, b), so every
 * parameter stays positive, restarted once from its own answer (a simplex can stall on a ridge;
 * the restart is the usual check). The fit is declared not converged — and the caller shows a
 * reason instead of figures — when the simplex did not settle within its iterations, the two
 * answers disagree, or a parameter ran off towards 0 or infinity (|ln θ| > 20: the data do not
 * identify it).
 */
export type BgnbdFit =
  | { ok: true; params: BgnbdParams; logLikelihood: number; evaluations: number }
  | { ok: false; reason: 'did_not_converge'; evaluations: number };

const LOG_BOUND = 20;

export function fitBgnbd(s: BgnbdSample): BgnbdFit {
  let customers = 0;
  let repeats = 0;
  let span = 0;
  for (let g = 0; g < s.groups; g++) {
    customers += s.weight[g]!;
    repeats += s.weight[g]! * s.x[g]!;
    span += (s.weight[g]! * s.TDays[g]!) / s.unitDays;
  }
  // start: r = a = b = 1 and α matching the mean purchase rate r/α = Σx / ΣT
  const start = [0, Math.log(repeats > 0 && span > 0 ? span / repeats : 1), 0, 0];
  const scale = Math.max(1, customers);
  const f = (v: number[]): number => {
    if (v.some((t) => Math.abs(t) > LOG_BOUND + 5)) return Infinity;
    return -sampleLogLikelihood({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) }, s) / scale;
  };
  const opts = { fTolerance: 1e-12, xTolerance: 1e-7, maxIterations: 2000 };
  const first = nelderMead(f, start, opts);
  const second = nelderMead(f, first.x, { ...opts, step: 0.05 });
  const evaluations = first.evaluations + second.evaluations;
  const v = second.x;
  const agree = Math.abs(first.fx - second.fx) <= 1e-8 * Math.max(1, Math.abs(second.fx));
  if (!second.converged || !agree || !Number.isFinite(second.fx) || v.some((t) => Math.abs(t) > LOG_BOUND)) {
    return { ok: false, reason: 'did_not_converge', evaluations };
  }
  const params = { r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) };
  return { ok: true, params, logLikelihood: sampleLogLikelihood(params, s), evaluations };
}
