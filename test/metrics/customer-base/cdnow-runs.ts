import { readFileSync } from 'node:fs';
import type { PurchaseRuns } from '../../../src/metrics/customer-base/repeat-summary.ts';

/**
 * The CDNOW sample (test/fixtures/cdnow, credited there) as purchase runs: one customer per sample
 * id, days counted from 1970-01-01 (UTC), records sorted by day, the dollar value as the amount.
 */
export function cdnowRuns(): PurchaseRuns {
  const text = readFileSync(new URL('../../fixtures/cdnow/CDNOW_sample.txt', import.meta.url), 'utf8');
  const byCustomer = new Map<string, { day: number; amount: number }[]>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length !== 5) continue;
    const d = f[2]!;
    const day = Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8)) / 86_400_000;
    const list = byCustomer.get(f[1]!) ?? [];
    list.push({ day, amount: Number(f[4]) });
    byCustomer.set(f[1]!, list);
  }
  const ids = [...byCustomer.keys()].sort();
  const start = new Int32Array(ids.length + 1);
  const day: number[] = [];
  const amount: number[] = [];
  ids.forEach((id, c) => {
    const list = byCustomer.get(id)!.sort((p, q) => p.day - q.day);
    for (const p of list) {
      day.push(p.day);
      amount.push(p.amount);
    }
    start[c + 1] = day.length;
  });
  return { count: ids.length, start, day: Int32Array.from(day), amount: Float64Array.from(amount) };
}

export const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
