import { describe, expect, it } from 'vitest';
import { coverageKpis } from '../../src/metrics/coverage.ts';
import { serviceKpis } from '../../src/metrics/service.ts';
import { taskKpis } from '../../src/metrics/tasks.ts';
import { visitKpis } from '../../src/metrics/visits.ts';
import { context, dataset, H, kpi, utc } from './service-helpers.ts';

describe('visit SLA (48 h)', () => {
  const visits = [
    // V1 held after 24 h → hit
    { interaction_id: 'V1', requested_at: utc('2024-01-02 09:00'), occurred_at: utc('2024-01-03 09:00') },
    // V2 held exactly at 48 h → hit
    { interaction_id: 'V2', requested_at: utc('2024-01-05 09:00'), occurred_at: utc('2024-01-07 09:00') },
    // V3 held after 49 h → miss
    { interaction_id: 'V3', requested_at: utc('2024-01-08 09:00'), occurred_at: utc('2024-01-10 10:00') },
    // V4 never held, deadline 01-17 passed → miss
    { interaction_id: 'V4', requested_at: utc('2024-01-15 09:00') },
    // V5 not yet held, deadline 02-01 12:00: after asOf 01-31 → left out; by asOf 02-05 → miss
    { interaction_id: 'V5', requested_at: utc('2024-01-30 12:00') },
  ].map((v) => ({ ...v, customer_id: 'c1', owner_id: 'p1', type: 'visit' as const }));
  const other = { interaction_id: 'X', customer_id: 'c1', owner_id: 'p1', type: 'call' as const, requested_at: utc('2024-01-02 09:00') };
  const ds = dataset({ interactions: [...visits, other] });

  it('before V5’s deadline: {V1, V2} / {V1, V2, V3, V4} = 2/4', () => {
    const rows = visitKpis(ds, context(ds, '2024-01-31', '2024-01-01'));
    expect(kpi(rows, 'visit_sla_rate', '2024-01')).toMatchObject({ value: 0.5, numerator: 2, denominator: 4 });
    expect(kpi(rows, 'visit_sla_rate', '2024-01', 'person:p1').value).toBe(0.5);
  });

  it('after V5’s deadline it is a miss: 2/5', () => {
    const rows = visitKpis(ds, context(ds, '2024-02-05', '2024-01-01'));
    expect(kpi(rows, 'visit_sla_rate', '2024-01')).toMatchObject({ value: 0.4, numerator: 2, denominator: 5 });
    expect(kpi(rows, 'visit_sla_rate', '2024-02')).toMatchObject({ value: null, reason: 'empty_denominator' });
  });

  it('V5 held late (after the deadline, before asOf) is still a miss', () => {
    const late = dataset({ interactions: [{ ...visits[4]!, occurred_at: utc('2024-02-02 12:00') }] });
    const rows = visitKpis(late, context(late, '2024-02-05', '2024-01-01'));
    expect(kpi(rows, 'visit_sla_rate', '2024-01')).toMatchObject({ value: 0, denominator: 1 });
  });
});

describe('task completion', () => {
  const tasks = [
    // T1 done early → hit; T2 done a day late → miss; T3 never done → miss
    { task_id: 'T1', due_at: utc('2024-01-10 18:00'), completed_at: utc('2024-01-09 12:00') },
    { task_id: 'T2', due_at: utc('2024-01-12 18:00'), completed_at: utc('2024-01-13 18:00') },
    { task_id: 'T3', due_at: utc('2024-01-20 18:00') },
    // T4 due 01-25 23:00 ≤ asOf end (01-25 23:59:59.999), done exactly at due → hit
    { task_id: 'T4', due_at: utc('2024-01-25 23:00'), completed_at: utc('2024-01-25 23:00') },
    // T5 due 01-28, after asOf → left out of both counts even though already done
    { task_id: 'T5', due_at: utc('2024-01-28 18:00'), completed_at: utc('2024-01-02 18:00') },
  ].map((t) => ({ ...t, owner_id: 'p1' }));
  const ds = dataset({ tasks, staff: [{ staff_id: 'p1', name: 'P1', role: 'csr', team: 'T', region: 'North' }] });

  it('{T1, T4} / {T1, T2, T3, T4} = 1/2 in the partial month', () => {
    const rows = taskKpis(ds, context(ds, '2024-01-25', '2024-01-01'));
    expect(kpi(rows, 'task_completion_rate', '2024-01')).toMatchObject({ value: 0.5, numerator: 2, denominator: 4 });
    expect(kpi(rows, 'task_completion_rate', '2024-01', 'team:T').value).toBe(0.5);
    expect(kpi(rows, 'task_completion_rate', '2024-01', 'region:North').value).toBe(0.5);
  });

  it('once T5 is due it counts as a hit: 3/5', () => {
    const rows = taskKpis(ds, context(ds, '2024-01-31', '2024-01-01'));
    expect(kpi(rows, 'task_completion_rate', '2024-01')).toMatchObject({ value: 3 / 5 });
  });
});

describe('coverage', () => {
  const ds = dataset({
    staff: [
      { staff_id: 'p1', name: 'P1', role: 'sales', team: 'T', region: null },
      { staff_id: 'p2', name: 'P2', role: 'sales', team: 'T', region: null },
      { staff_id: 'p3', name: 'P3', role: 'sales', team: null, region: null },
    ],
    customers: [
      { customer_id: 'a1', owner_id: 'p1', region: 'East' },
      { customer_id: 'a2', owner_id: 'p1', region: 'East' },
      { customer_id: 'a3', owner_id: 'p1', region: 'West' },
      { customer_id: 'a4', owner_id: 'p1', region: 'West' },
      // created in February: not in January's denominator
      { customer_id: 'a5', owner_id: 'p1', region: 'West', created_at: utc('2024-02-05 00:00') },
      { customer_id: 'b1', owner_id: 'p2', region: 'East' },
      { customer_id: 'd1', owner_id: 'p3', region: 'East' },
      { customer_id: 'd2', owner_id: 'p3', region: 'East' },
      // unowned: in no owner's denominator, not in the company's either
      { customer_id: 'u1', owner_id: null, region: 'East' },
    ],
    interactions: [
      // a1 covered in January by someone else (p2) — coverage is about the customer
      { interaction_id: 'i1', customer_id: 'a1', owner_id: 'p2', type: 'call', occurred_at: utc('2024-01-05 10:00') },
      { interaction_id: 'i2', customer_id: 'a1', owner_id: 'p1', type: 'call', occurred_at: utc('2024-01-06 10:00') },
      { interaction_id: 'i3', customer_id: 'b1', owner_id: 'p2', type: 'call', occurred_at: utc('2024-01-07 10:00') },
      { interaction_id: 'i4', customer_id: 'u1', owner_id: 'p2', type: 'call', occurred_at: utc('2024-01-07 10:00') },
      // a visit requested but not held does not cover a2
      { interaction_id: 'i5', customer_id: 'a2', owner_id: 'p1', type: 'visit', requested_at: utc('2024-01-08 10:00') },
      // a5 covered in February
      { interaction_id: 'i6', customer_id: 'a5', owner_id: 'p1', type: 'call', occurred_at: utc('2024-02-06 10:00') },
    ],
  });
  const rows = coverageKpis(ds, context(ds, '2024-02-29', '2024-01-01'));

  it('a person: p1 January = {a1} / {a1, a2, a3, a4} = 1/4; February = {a5} / 5', () => {
    expect(kpi(rows, 'coverage_rate', '2024-01', 'person:p1')).toMatchObject({ value: 0.25, numerator: 1, denominator: 4 });
    expect(kpi(rows, 'coverage_rate', '2024-02', 'person:p1')).toMatchObject({ numerator: 1, denominator: 5 });
    expect(kpi(rows, 'coverage_rate', '2024-01', 'person:p2').value).toBe(1);
  });

  it('a team is recomputed from its members’ customers: (1 + 1)/(4 + 1) = 0.4, not the mean 0.625', () => {
    const t = kpi(rows, 'coverage_rate', '2024-01', 'team:T');
    expect(t).toMatchObject({ value: 0.4, numerator: 2, denominator: 5 });
    expect(t.value).not.toBeCloseTo((0.25 + 1) / 2, 5);
    // Q1: a1, b1, a5 covered / all six team customers (a5 exists by the quarter's end)
    expect(kpi(rows, 'coverage_rate', '2024-Q1', 'team:T')).toMatchObject({ numerator: 3, denominator: 6 });
  });

  it('company = every owned customer; region = the customer’s region', () => {
    // January: covered a1, b1 of a1–a4, b1, d1, d2 (a5 not yet created, u1 unowned) → 2/7
    expect(kpi(rows, 'coverage_rate', '2024-01')).toMatchObject({ numerator: 2, denominator: 7 });
    // East: a1, a2, b1, d1, d2 → covered a1, b1 → 2/5
    expect(kpi(rows, 'coverage_rate', '2024-01', 'region:East')).toMatchObject({ numerator: 2, denominator: 5 });
  });

  it('needs both customers and interactions', () => {
    const noInteractions = dataset({ customers: [{ customer_id: 'a1', owner_id: 'p1' }] });
    expect(coverageKpis(noInteractions, context(noInteractions, '2024-02-29', '2024-01-01'))).toEqual([]);
  });
});

describe('serviceKpis', () => {
  it('combines every family and only families whose file exists', () => {
    const ds = dataset({ tickets: [{ ticket_id: 't', opened_at: utc('2024-01-02 00:00'), first_response_at: utc('2024-01-02 00:00') + 3 * H }] });
    const rows = serviceKpis(ds, context(ds, '2024-01-31', '2024-01-01'));
    expect(new Set(rows.map((r) => r.kpi))).toEqual(
      new Set(['complaints', 'first_response_hours', 'first_response_hours_p90', 'response_sla_rate', 'resolution_hours', 'resolution_hours_p90', 'resolution_rate', 'complaint_satisfaction']),
    );
    // company × (1 month + 1 quarter + 1 year) × 8 KPIs
    expect(rows.length).toBe(3 * 8);
  });
});
