/**
 * Each customer's purchase history reduced to what the customer-base models read (Fader, Hardie
 * & Lee 2005): with purchases on one day counted once,
 *   x   = repeat purchases (purchase days after the first) up to the calibration end,
 *   t_x = days from the first purchase to the last one up to the calibration end (0 when x = 0),
 *   T   = days from the first purchase to the calibration end (the end day itself included in
 *         the history: a first purchase on 1997-01-01 and an end of 1997-09-30 give 272 days),
 *   m   = mean value of the repeat purchase days (a day's value is the sum of its purchases);
 *         NaN when x = 0. The first purchase is left out, as in the Gamma-Gamma paper.
 * Customers whose first purchase is after the calibration end are not in the summary.
 * Days are integers here; the models divide by the time unit.
 */

/** Purchases per customer, sorted by day: customer c owns indices start[c] ≤ j < start[c+1]. */
export interface PurchaseRuns {
  count: number;
  start: Int32Array;
  day: Int32Array;
  amount: Float64Array;
}

export interface RepeatSummary {
  n: number;
  /** the customer's index in the runs */
  customer: Int32Array;
  x: Int32Array;
  txDays: Int32Array;
  TDays: Int32Array;
  /** first purchase day and last purchase day up to the calibration end */
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** mean value of the repeat purchase days; NaN when x = 0 */
  m: Float64Array;
}

export function repeatSummary(runs: PurchaseRuns, calEndDay: number): RepeatSummary {
  let n = 0;
  for (let c = 0; c < runs.count; c++) if (runs.start[c]! < runs.start[c + 1]! && runs.day[runs.start[c]!]! <= calEndDay) n++;
  const s: RepeatSummary = {
    n,
    customer: new Int32Array(n),
    x: new Int32Array(n),
    txDays: new Int32Array(n),
    TDays: new Int32Array(n),
    firstDay: new Int32Array(n),
    lastDay: new Int32Array(n),
    m: new Float64Array(n),
  };
  let i = 0;
  for (let c = 0; c < runs.count; c++) {
    const lo = runs.start[c]!;
    const hi = runs.start[c + 1]!;
    if (lo >= hi || runs.day[lo]! > calEndDay) continue;
    const first = runs.day[lo]!;
    let last = first;
    let x = 0;
    let repeatValue = 0;
    for (let j = lo; j < hi && runs.day[j]! <= calEndDay; j++) {
      const d = runs.day[j]!;
      if (d === first) continue;
      if (d !== last) {
        x++;
        last = d;
      }
      repeatValue += runs.amount[j]!;
    }
    s.customer[i] = c;
    s.x[i] = x;
    s.txDays[i] = last - first;
    s.TDays[i] = calEndDay - first;
    s.firstDay[i] = first;
    s.lastDay[i] = last;
    s.m[i] = x > 0 ? repeatValue / x : NaN;
    i++;
  }
  return s;
}
