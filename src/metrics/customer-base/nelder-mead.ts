/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965; the adaptive coefficients of Gao & Han
 * 2012 for n dimensions, as in SciPy's `fmin`), used to fit the customer-base models by maximum
 * likelihood on log-parameters.
 *
 * Hand-written: the npm candidates are unmaintained (`fmin` 0.0.4, last published 2016, untyped)
 * or pull in a general optimisation framework; the method is ~60 lines, needs no gradient (the
 * BG/NBD gradient needs digamma and is easy to get subtly wrong), and is what the reference
 * implementations (R BTYD, Python lifetimes) use for these fits.
 */
export interface MinimizeResult {
  x: number[];
  fx: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export interface NelderMeadOptions {
  /** stop when the simplex's values and vertices agree within these (absolute) */
  fTolerance?: number;
  xTolerance?: number;
  maxIterations?: number;
  /** size of the initial simplex's steps (default 0.5, or 0.05·|x| when larger) */
  step?: number;
}

export function nelderMead(f: (x: number[]) => number, start: number[], opts: NelderMeadOptions = {}): MinimizeResult {
  const n = start.length;
  const fTol = opts.fTolerance ?? 1e-10;
  const xTol = opts.xTolerance ?? 1e-8;
  const maxIt = opts.maxIterations ?? 200 * n * 2;
  const alpha = 1;
  const beta = 1 + 2 / n; // expansion
  const gamma = 0.75 - 1 / (2 * n); // contraction
  const delta = 1 - 1 / n; // shrink
  let evals = 0;
  const fx = (x: number[]): number => {
    evals++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const pts: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] = p[i]! + Math.max(opts.step ?? 0.5, 0.05 * Math.abs(p[i]!));
    pts.push(p);
  }
  let vals = pts.map(fx);
  const order = (): void => {
    const idx = vals.map((_, i) => i).sort((a, b) => vals[a]! - vals[b]!);
    const p2 = idx.map((i) => pts[i]!);
    vals = idx.map((i) => vals[i]!);
    for (let i = 0; i <= n; i++) pts[i] = p2[i]!;
  };
  const along = (c: number[], w: number[], t: number): number[] => c.map((ci, j) => ci + t * (w[j]! - ci));
  let it = 0;
  let converged = false;
  order();
  while (it < maxIt) {
    const spreadF = Math.abs(vals[n]! - vals[0]!);
    let spreadX = 0;
    for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) spreadX = Math.max(spreadX, Math.abs(pts[i]![j]! - pts[0]![j]!));
    if (spreadF <= fTol && spreadX <= xTol) {
      converged = true;
      break;
    }
    it++;
    const c = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[j] = c[j]! + pts[i]![j]! / n;
    const worst = pts[n]!;
    const xr = along(c, worst, -alpha);
    const fr = fx(xr);
    if (fr < vals[0]!) {
      const xe = along(c, worst, -alpha * beta);
      const fe = fx(xe);
      if (fe < fr) [pts[n], vals[n]] = [xe, fe];
      else [pts[n], vals[n]] = [xr, fr];
    } else if (fr < vals[n - 1]!) {
      [pts[n], vals[n]] = [xr, fr];
    } else {
      const outside = fr < vals[n]!;
      const xc = along(c, worst, outside ? -alpha * gamma : gamma);
      const fc = fx(xc);
      if (fc < (outside ? fr : vals[n]!)) [pts[n], vals[n]] = [xc, fc];
      else {
        for (let i = 1; i <= n; i++) {
          pts[i] = along(pts[0]!, pts[i]!, delta);
          vals[i] = fx(pts[i]!);
        }
      }
    }
    order();
  }
  return { x: pts[0]!, fx: vals[0]!, iterations: it, evaluations: evals, converged };
}
