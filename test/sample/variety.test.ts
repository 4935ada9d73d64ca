import { describe, expect, it } from 'vitest';
import { stories } from '../../src/sample/staff.ts';
import { hoursBetween, quarterOf, table } from './load.ts';

/**
 * The designed stories, checked with plain loops over the parsed CSVs (not the metric engine):
 * people differ, 华南组 improves, the 2025-H1 churn wave shows, strong beats weak.
 */
const staff = table('staff.csv');
const team = new Map(staff.map((s) => [s.staff_id!, s.team!]));
const customerOwner = new Map(table('customers.csv').map((c) => [c.customer_id!, c.owner_id!]));

interface Order { customer: string; date: string; amount: number; owner: string }
const orders = (() => {
  const byId = new Map<string, Order>();
  for (const o of table('orders.csv')) {
    const amount = Number(o.amount);
    if (o.status === '已取消' || !Number.isFinite(amount) || o.order_date!.startsWith('2025-02-30')) continue;
    const x = byId.get(o.order_id!) ?? { customer: o.customer_id!, date: o.order_date!, amount: 0, owner: o.owner_id || customerOwner.get(o.customer_id!) || '' };
    x.amount += amount;
    byId.set(o.order_id!, x);
  }
  return [...byId.values()];
})();
const purchases = orders.filter((o) => o.amount > 0 && o.customer !== '');

/** buyers per quarter index, optionally only customers of one team (by current owner) */
function buyersByQuarter(teamName?: string): Set<string>[] {
  const q: Set<string>[] = Array.from({ length: 12 }, () => new Set());
  for (const p of purchases) {
    if (teamName && team.get(customerOwner.get(p.customer) ?? '') !== teamName) continue;
    q[quarterOf(p.date)]?.add(p.customer);
  }
  return q;
}
/** retention of quarter i: buyers in both i−1 and i / buyers in i−1 */
function retention(q: Set<string>[], i: number): number {
  let kept = 0;
  for (const c of q[i - 1]) if (q[i].has(c)) kept++;
  return kept / q[i - 1].size;
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('variety in the sample', () => {
  it('account managers differ: quarterly revenue has a coefficient of variation > 0.3', () => {
    const ams = staff.filter((s) => s.role === 'account-manager' && s.active === 'true').map((s) => s.staff_id!);
    for (const quarter of [6, 10]) {
      const rev = ams.map((id) => orders.filter((o) => o.owner === id && quarterOf(o.date) === quarter).reduce((a, o) => a + o.amount, 0));
      const m = mean(rev);
      const sd = Math.sqrt(mean(rev.map((x) => (x - m) ** 2)));
      expect(sd / m, `quarter ${quarter}`).toBeGreaterThan(0.3);
    }
  });

  it(`${stories.improvingTeam} retains more customers in the last year than in the first`, () => {
    const q = buyersByQuarter(stories.improvingTeam);
    const firstYear = mean([1, 2, 3].map((i) => retention(q, i)));
    const lastYear = mean([8, 9, 10, 11].map((i) => retention(q, i)));
    expect(lastYear).toBeGreaterThan(firstYear + 0.05);
  });

  it(`${stories.improvingTeam} has a higher repeat rate in the last 12 months than in the first 12`, () => {
    const repeat = (from: string, to: string) => {
      const n = new Map<string, number>();
      for (const p of purchases)
        if (p.date >= from && p.date < to && team.get(customerOwner.get(p.customer)!) === stories.improvingTeam)
          n.set(p.customer, (n.get(p.customer) ?? 0) + 1);
      return [...n.values()].filter((k) => k >= 2).length / n.size;
    };
    expect(repeat('2025-10-01', '2026-10-01')).toBeGreaterThan(repeat('2023-10-01', '2024-10-01'));
  });

  it('the 2025-H1 churn wave: retention in 2025-Q2 and Q3 is below the 2024 average', () => {
    const q = buyersByQuarter();
    const y2024 = mean([2, 3, 4].map((i) => retention(q, i)));
    expect(retention(q, 6)).toBeLessThan(y2024 - 0.03);
    expect(retention(q, 7)).toBeLessThan(y2024 - 0.03);
  });

  it('the strong account manager out-sells the weak one every quarter', () => {
    for (let quarter = 1; quarter < 12; quarter++) {
      const rev = (id: string) => orders.filter((o) => o.owner === id && quarterOf(o.date) === quarter).reduce((a, o) => a + o.amount, 0);
      expect(rev(stories.strongAccountManager), `quarter ${quarter}`).toBeGreaterThan(rev(stories.weakAccountManager));
    }
  });

  it('the strong service manager answers faster and satisfies more than the weak one', () => {
    const stats = (id: string) => {
      const hours: number[] = [];
      let good = 0;
      let rated = 0;
      for (const t of table('tickets.csv')) {
        if (t.owner_id !== id) continue;
        if (t.first_response_at) hours.push(hoursBetween(t.opened_at!, t.first_response_at));
        if (t.satisfaction) {
          rated++;
          if (Number(t.satisfaction) >= 4) good++;
        }
      }
      hours.sort((a, b) => a - b);
      return { median: hours[Math.floor(hours.length / 2)], satisfied: good / rated };
    };
    const strong = stats(stories.strongServiceManager);
    const weak = stats(stories.weakServiceManager);
    expect(strong.median).toBeLessThan(weak.median / 2);
    expect(strong.satisfied).toBeGreaterThan(weak.satisfied + 0.2);
  });

  it('targets straddle what people achieve: some account managers beat their revenue target, some miss', () => {
    const target = new Map<string, number>();
    for (const t of table('targets.csv')) if (t.kpi === 'revenue') target.set(`${t.staff_id}|${t.period}`, Number(t.target));
    let beat = 0;
    let miss = 0;
    for (const [key, goal] of target) {
      const [id, period] = key.split('|');
      const quarter = (Number(period.slice(0, 4)) - 2024) * 4 + Number(period.slice(6)) ;
      const rev = orders.filter((o) => o.owner === id && quarterOf(o.date) === quarter).reduce((a, o) => a + o.amount, 0);
      if (rev >= goal) beat++;
      else miss++;
    }
    expect(beat / (beat + miss)).toBeGreaterThan(0.2);
    expect(miss / (beat + miss)).toBeGreaterThan(0.2);
  });
});
