import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageKpis } from '../../src/metrics/coverage.ts';
import { satisfactionMetrics } from '../../src/metrics/satisfaction.ts';
import { ticketMetrics } from '../../src/metrics/tickets.ts';
import type { KpiRow } from '../../src/model/kpi.ts';
import { context, dataset, H, utc } from './service-helpers.ts';

const staff = [
  { staff_id: 'p1', name: 'P1', role: 'csr', team: 'T', region: 'North' },
  { staff_id: 'p2', name: 'P2', role: 'csr', team: 'T', region: null },
  { staff_id: 'p3', name: 'P3', role: 'csr', team: null, region: null },
];
const start = utc('2024-01-01 00:00');
const span = 90 * 24 * H; // Jan–Mar 2024; asOf 2024-03-20 makes March partial
const owner = fc.constantFrom('p1', 'p2', 'p3', null);
const hours = fc.option(fc.double({ min: 0, max: 400, noNaN: true }), { nil: null });

const ticket = fc.record({
  owner_id: owner,
  at: fc.integer({ min: 0, max: span }),
  type: fc.constantFrom('complaint', 'request', 'inquiry', null),
  resp: hours,
  res: hours,
  satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  category: fc.constantFrom('a', 'b', 'c', null),
});

const ratios = ['response_sla_rate', 'resolution_rate', 'complaint_satisfaction', 'coverage_rate', 'csat'];
const get = (rows: KpiRow[], kpi: string, period: string, type: string, id: string) =>
  rows.find((r) => r.kpi === kpi && r.period === period && r.entity_type === type && r.entity_id === id);

describe('properties of the ticket KPIs', () => {
  it('company complaints = Σ persons + unowned; shares in [0, 1]; teams recomputed from rows', () => {
    fc.assert(
      fc.property(fc.array(ticket, { maxLength: 60 }), (ts) => {
        const ds = dataset({
          staff,
          tickets: ts.map((t, i) => ({
            ticket_id: `t${i}`,
            owner_id: t.owner_id,
            opened_at: start + t.at,
            first_response_at: t.resp === null ? null : start + t.at + t.resp * H,
            resolved_at: t.res === null ? null : start + t.at + t.res * H,
            type: t.type,
            satisfaction: t.satisfaction,
            category: t.category,
          })),
        });
        const m = ticketMetrics(ds, context(ds, '2024-03-20', '2024-01-01'));
        for (const period of ['2024-01', '2024-02', '2024-03', '2024-Q1', '2024']) {
          const company = get(m.kpis, 'complaints', period, 'company', 'company')!.value!;
          const persons = ['p1', 'p2', 'p3'].reduce((s, p) => s + get(m.kpis, 'complaints', period, 'person', p)!.value!, 0);
          const unowned = ts.filter((t) => t.owner_id === null && t.type === 'complaint' && start + t.at <= utc('2024-03-20 23:59') && (period === '2024' || period === '2024-Q1' || new Date(start + t.at).toISOString().slice(0, 7) === period)).length;
          expect(company).toBe(persons + unowned);
          for (const kpi of ['response_sla_rate', 'resolution_rate', 'complaint_satisfaction']) {
            const p1 = get(m.kpis, kpi, period, 'person', 'p1')!;
            const p2 = get(m.kpis, kpi, period, 'person', 'p2')!;
            const team = get(m.kpis, kpi, period, 'team', 'T')!;
            expect(team.numerator).toBe(p1.numerator! + p2.numerator!);
            expect(team.denominator).toBe(p1.denominator! + p2.denominator!);
          }
        }
        for (const r of m.kpis) {
          if (ratios.includes(r.kpi)) {
            if (r.value === null) expect(r.denominator).toBe(0);
            else expect(r.value >= 0 && r.value <= 1 && r.numerator! <= r.denominator!).toBe(true);
          }
          if (r.kpi === 'first_response_hours' && r.value !== null) {
            expect(r.value).toBeLessThanOrEqual(get(m.kpis, 'first_response_hours_p90', r.period, r.entity_type, r.entity_id)!.value! + 1e-9);
          }
        }
        for (const c of m.complaintCategories) expect(c.share >= 0 && c.share <= 1 && c.cumulative_share <= 1 + 1e-12).toBe(true);
        for (const c of m.complaintCategories.filter((x) => x.rank === 1)) {
          const all = m.complaintCategories.filter((x) => x.entity_type === c.entity_type && x.entity_id === c.entity_id && x.period === c.period);
          expect(all.at(-1)!.cumulative_share).toBeCloseTo(1, 12);
        }
        for (const d of m.complaintSatisfaction) expect(d.low <= d.value + 1e-12 && d.value <= d.high + 1e-12).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('properties of coverage and satisfaction', () => {
  it('coverage shares in [0, 1]; company numerator = Σ owners’ numerators', () => {
    const customer = fc.record({ owner_id: owner, created: fc.option(fc.integer({ min: -span, max: span }), { nil: null }) });
    const touch = fc.record({ c: fc.nat(19), at: fc.integer({ min: 0, max: span }) });
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 20 }), fc.array(touch, { maxLength: 40 }), (cs, is) => {
        const ds = dataset({
          staff,
          customers: cs.map((c, i) => ({ customer_id: `c${i}`, owner_id: c.owner_id, created_at: c.created === null ? null : start + c.created })),
          interactions: is.map((x, i) => ({ interaction_id: `i${i}`, customer_id: `c${x.c}`, owner_id: 'p1', type: 'call' as const, occurred_at: start + x.at })),
        });
        const rows = coverageKpis(ds, context(ds, '2024-03-20', '2024-01-01'));
        for (const r of rows) if (r.value !== null) expect(r.value >= 0 && r.value <= 1).toBe(true);
        for (const period of ['2024-01', '2024-02', '2024-Q1']) {
          const company = get(rows, 'coverage_rate', period, 'company', 'company')!;
          const persons = ['p1', 'p2', 'p3'].map((p) => get(rows, 'coverage_rate', period, 'person', p)!);
          expect(company.numerator).toBe(persons.reduce((s, r) => s + r.numerator!, 0));
          expect(company.denominator).toBe(persons.reduce((s, r) => s + r.denominator!, 0));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('csat in [0, 1], nps in [−100, 100], every detail interval holds its value', () => {
    const response = fc.record({
      customer: fc.nat(4),
      at: fc.integer({ min: 0, max: span }),
      csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      dim: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(response, { maxLength: 50 }), (rs) => {
        const ds = dataset({
          staff,
          customers: [0, 1, 2, 3, 4].map((i) => ({ customer_id: `c${i}`, owner_id: ['p1', 'p2', 'p3', null, 'p1'][i]! })),
          surveyDimensions: ['x'],
          surveys: rs.map((r, i) => ({ response_id: `r${i}`, customer_id: `c${r.customer}`, responded_at: start + r.at, csat: r.csat, nps: r.nps, dim_x: r.dim })),
        });
        const m = satisfactionMetrics(ds, context(ds, '2024-03-20', '2024-01-01'));
        for (const r of m.kpis) {
          if (r.value === null) continue;
          if (r.kpi === 'csat') expect(r.value >= 0 && r.value <= 1).toBe(true);
          else expect(r.value >= -100 && r.value <= 100).toBe(true);
        }
        for (const d of m.detail) {
          expect(d.low <= d.high).toBe(true);
          if (d.measure === 'nps') expect(d.low >= -100 && d.high <= 100).toBe(true);
          else expect(d.low <= d.value + 1e-12 && d.value <= d.high + 1e-12 && d.low >= 0 && d.high <= 1).toBe(true);
          expect(d.too_few).toBe(d.n < 30);
        }
      }),
      { numRuns: 150 },
    );
  });
});
