/**
 * Double-exponential quadrature for the tests' independent checks: tanh-sinh on [0, 1] and
 * exp-sinh on [0, ∞) (Takahasi & Mori 1974). Both put their nodes densely at the ends, so
 * integrable end singularities (p^(a−1) with a < 1, λ^(r−1) with r < 1) need no special care.
 * Nodes are returned with their weights; the integrand is summed by the caller.
 */
export interface Nodes {
  x: number[];
  /** 1 − x, exact near 1 (only for the unit interval) */
  xc: number[];
  w: number[];
}

export function tanhSinh01(h = 1 / 64, tMax = 4): Nodes {
  const out: Nodes = { x: [], xc: [], w: [] };
  for (let t = -tMax; t <= tMax + 1e-12; t += h) {
    const u = (Math.PI / 2) * Math.sinh(t);
    const x = 1 / (1 + Math.exp(-2 * u));
    const xc = 1 / (1 + Math.exp(2 * u));
    const ch = Math.cosh(u);
    const w = (h * (Math.PI / 4) * Math.cosh(t)) / (ch * ch);
    if (x > 0 && xc > 0 && w > 0 && Number.isFinite(w)) {
      out.x.push(x);
      out.xc.push(xc);
      out.w.push(w);
    }
  }
  return out;
}

/** nodes on [0, ∞) centred on `scale` */
export function expSinh(scale: number, h = 1 / 64, tMin = -5.5, tMax = 3.2): Nodes {
  const out: Nodes = { x: [], xc: [], w: [] };
  for (let t = tMin; t <= tMax + 1e-12; t += h) {
    const x = scale * Math.exp((Math.PI / 2) * Math.sinh(t));
    const w = h * x * (Math.PI / 2) * Math.cosh(t);
    if (x > 0 && Number.isFinite(x) && w > 0) {
      out.x.push(x);
      out.xc.push(NaN);
      out.w.push(w);
    }
  }
  return out;
}
