import { describe, expect, it } from 'vitest';
import { ascendingOrder, sortAscending, StreamingQuantiles } from '../../src/metrics/order-statistics.ts';
import { quantile } from '../../src/metrics/quantile.ts';

/** A small deterministic generator (no Math.random in tests). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe('ascendingOrder', () => {
  it('orders like a typed-array sort (−0 before +0, infinities, ties by index)', () => {
    const next = lcg(7);
    const pool = [0, -0, 1, -1, 2.5, Infinity, -Infinity, 5e-324, -1e300, 3600.25];
    for (let rep = 0; rep < 50; rep++) {
      const n = Math.floor(next() * 500);
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = next() < 0.4 ? pool[Math.floor(next() * pool.length)]! : (next() - 0.5) * 10 ** Math.floor(next() * 12 - 4);
      const order = ascendingOrder(v);
      const sorted = v.slice().sort();
      expect(Array.from(order, (i) => v[i])).toEqual(Array.from(sorted));
      for (let k = 1; k < n; k++) if (Object.is(v[order[k]!], v[order[k - 1]!])) expect(order[k]!).toBeGreaterThan(order[k - 1]!);
    }
  });
  it('empty input', () => {
    expect(ascendingOrder(new Float64Array(0))).toEqual(new Uint32Array(0));
  });
});

describe('StreamingQuantiles', () => {
  it('equals quantile() of each set when values arrive in ascending order', () => {
    const next = lcg(2026);
    const ps = [0, 0.5, 0.9, 1];
    const nSets = 6;
    const values = Array.from({ length: 300 }, () => Math.round(next() * 1000) / 8);
    // each value goes to 1–3 sets; set 5 stays empty
    const setsOf = values.map(() => [...new Set([Math.floor(next() * 5), Math.floor(next() * 5)])]);
    const members: number[][] = Array.from({ length: nSets }, () => []);
    values.forEach((v, i) => setsOf[i]!.forEach((s) => members[s]!.push(v)));
    const q = new StreamingQuantiles(members.map((m) => m.length), ps);
    const buf = new Int32Array(3);
    for (const i of ascendingOrder(Float64Array.from(values))) {
      setsOf[i]!.forEach((s, k) => (buf[k] = s));
      q.add(buf, setsOf[i]!.length, values[i]!);
    }
    for (let s = 0; s < nSets; s++) {
      const sorted = Float64Array.from(members[s]!).sort();
      ps.forEach((p, j) => expect(q.get(s, j)).toBe(quantile(sorted, p)));
    }
  });
});

describe('sortAscending', () => {
  it('orders doubles exactly as Float64Array#sort does, in place', () => {
    const rnd = lcg(11);
    const cases: number[][] = [
      [], [5], [2, 1], [0, -0, 0, -0], [3, -1, Infinity, -Infinity, 1e-300, -1e-300, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE],
      Array.from({ length: 5000 }, () => Math.round((rnd() - 0.3) * 1e6) / 100), // cents, many ties, negatives
      Array.from({ length: 5000 }, () => rnd() * 10 ** Math.floor(rnd() * 30 - 15)),
      Array.from({ length: 3000 }, () => 42), // one digit in every pass
    ];
    for (const c of cases) {
      const expected = Float64Array.from(c).sort();
      const got = Float64Array.from(c);
      expect(sortAscending(got)).toBe(got);
      expect(Array.from(got).map((x) => Object.is(x, -0) ? '-0' : x)).toEqual(Array.from(expected).map((x) => Object.is(x, -0) ? '-0' : x));
    }
  });

  it('sorts a view without touching the rest of its buffer', () => {
    const all = Float64Array.from([9, 3, 1, 2, -9]);
    sortAscending(all.subarray(1, 4));
    expect(Array.from(all)).toEqual([9, 1, 2, 3, -9]);
  });
});
