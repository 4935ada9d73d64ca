import { describe, expect, it } from 'vitest';
import { ticketMetrics } from '../../src/metrics/tickets.ts';
import { context, dataset, H, kpi, utc } from './service-helpers.ts';

describe('first response time', () => {
  it('median and p90 by type-7 interpolation: hours [1, 2, 4, 10] → 3 and 8.2', () => {
    // median: h = 3·0.5 = 1.5 → 2 + 0.5·(4 − 2) = 3
    // p90:    h = 3·0.9 = 2.7 → 4 + 0.7·(10 − 4) = 8.2
    const open = utc('2024-01-10 08:00');
    const ds = dataset({
      tickets: [1, 10, 2, 4].map((h, i) => ({ ticket_id: `t${i}`, opened_at: open, first_response_at: open + h * H, type: 'inquiry' as const })),
    });
    const rows = ticketMetrics(ds, context(ds, '2024-03-31', '2024-01-01')).kpis;
    expect(kpi(rows, 'first_response_hours', '2024-01').value).toBeCloseTo(3, 10);
    expect(kpi(rows, 'first_response_hours_p90', '2024-01').value).toBeCloseTo(8.2, 10);
    expect(kpi(rows, 'first_response_hours', '2024-01').n).toBe(4);
    // quarter and year hold the same four tickets
    expect(kpi(rows, 'first_response_hours', '2024-Q1').value).toBeCloseTo(3, 10);
    expect(kpi(rows, 'first_response_hours_p90', '2024').value).toBeCloseTo(8.2, 10);
    // February: no tickets → no value
    expect(kpi(rows, 'first_response_hours', '2024-02')).toMatchObject({ value: null, n: 0, reason: 'no_data' });
  });
});

describe('response SLA (24 h, asOf 2024-01-31 end of day UTC)', () => {
  const ds = dataset({
    tickets: [
      // A: answered after 1 h → hit
      { ticket_id: 'A', opened_at: utc('2024-01-05 10:00'), first_response_at: utc('2024-01-05 11:00') },
      // B: answered exactly at 24 h → hit ("within" = ≤)
      { ticket_id: 'B', opened_at: utc('2024-01-10 00:00'), first_response_at: utc('2024-01-11 00:00') },
      // C: answered at 24 h 01 min → miss
      { ticket_id: 'C', opened_at: utc('2024-01-12 00:00'), first_response_at: utc('2024-01-13 00:01') },
      // D: no response, deadline 01-21 passed → miss
      { ticket_id: 'D', opened_at: utc('2024-01-20 00:00') },
      // E: no response, deadline 02-01 08:00 after asOf → left out of the denominator
      { ticket_id: 'E', opened_at: utc('2024-01-31 08:00') },
      // F: answered but deadline 02-01 09:00 not passed → left out of both counts (spec's denominator)
      { ticket_id: 'F', opened_at: utc('2024-01-31 09:00'), first_response_at: utc('2024-01-31 10:00') },
      // G: deadline 01-31 00:00 passed, answered only after asOf → miss (response not seen yet)
      { ticket_id: 'G', opened_at: utc('2024-01-30 00:00'), first_response_at: utc('2024-02-02 00:00') },
      // H: opened after asOf → not counted at all
      { ticket_id: 'H', opened_at: utc('2024-02-01 00:00'), first_response_at: utc('2024-02-01 01:00') },
    ],
  });
  const m = ticketMetrics(ds, context(ds, '2024-01-31', '2024-01-01'));

  it('hits / tickets whose deadline passed = {A, B} / {A, B, C, D, G} = 2/5', () => {
    expect(kpi(m.kpis, 'response_sla_rate', '2024-01')).toMatchObject({ value: 0.4, numerator: 2, denominator: 5 });
  });

  it('facts flag the SLA per ticket and leave out tickets opened after asOf', () => {
    const f = new Map(m.facts.map((x) => [x.ticket_id, x]));
    expect(f.has('H')).toBe(false);
    expect([...'ABCDEFG'].map((id) => f.get(id)!.responded_within_sla)).toEqual([true, true, false, false, null, true, false]);
    expect([...'ABCDEFG'].map((id) => f.get(id)!.sla_due)).toEqual([true, true, true, true, false, false, true]);
    expect(f.get('C')!.response_hours).toBeCloseTo(24 + 1 / 60, 10);
    expect(f.get('G')!.response_hours).toBeNull();
    expect(f.get('A')).toMatchObject({ period_month: '2024-01', period_quarter: '2024-Q1' });
  });

  it('response hours of answered tickets: A 1, B 24, C 24.0167, F 1 → median (1 + 24)/2 = 12.5', () => {
    expect(kpi(m.kpis, 'first_response_hours', '2024-01').value).toBeCloseTo(12.5, 10);
  });

  it('empty denominator: only not-yet-due tickets → null with a reason', () => {
    const ds2 = dataset({ tickets: [{ ticket_id: 'E', opened_at: utc('2024-01-31 08:00') }] });
    const r = kpi(ticketMetrics(ds2, context(ds2, '2024-01-31', '2024-01-01')).kpis, 'response_sla_rate', '2024-01');
    expect(r).toMatchObject({ value: null, denominator: 0, reason: 'empty_denominator' });
  });
});

describe('complaints, resolution and complaint satisfaction', () => {
  const open = utc('2024-01-10 00:00');
  const ds = dataset({
    staff: [
      { staff_id: 'p1', name: 'P1', role: 'csr', team: 'T', region: 'North' },
      { staff_id: 'p2', name: 'P2', role: 'csr', team: 'T', region: 'South' },
      { staff_id: 'p3', name: 'P3', role: 'sales', team: null, region: null },
    ],
    customers: [{ customer_id: 'c1', owner_id: 'p3', region: 'East' }],
    tickets: [
      // p1: resolved after 10 h and 30 h, one unresolved; satisfaction 5, 4, 2
      { ticket_id: 'k1', owner_id: 'p1', customer_id: 'c1', opened_at: open, resolved_at: open + 10 * H, type: 'complaint', satisfaction: 5, category: 'delivery' },
      { ticket_id: 'k2', owner_id: 'p1', opened_at: open, resolved_at: open + 30 * H, type: 'complaint', satisfaction: 4, category: 'delivery' },
      { ticket_id: 'k3', owner_id: 'p1', opened_at: open, type: 'complaint', satisfaction: 2, category: 'quality' },
      // p2: one complaint resolved after asOf → unresolved as of asOf; no score
      { ticket_id: 'k4', owner_id: 'p2', opened_at: open, resolved_at: utc('2024-02-20 00:00'), type: 'complaint', category: 'delivery' },
      // unowned complaint, resolved after 2 h
      { ticket_id: 'k5', owner_id: null, opened_at: open, resolved_at: open + 2 * H, type: 'complaint' },
      // a resolved request: not a complaint
      { ticket_id: 'r1', owner_id: 'p1', opened_at: open, resolved_at: open + H, type: 'request' },
      // a complaint in February (partial period: asOf 2024-02-10); one after asOf is ignored
      { ticket_id: 'k6', owner_id: 'p1', opened_at: utc('2024-02-05 00:00'), type: 'complaint', category: 'quality' },
      { ticket_id: 'k7', owner_id: 'p1', opened_at: utc('2024-02-15 00:00'), type: 'complaint' },
    ],
  });
  const m = ticketMetrics(ds, context(ds, '2024-02-10', '2024-01-01'));

  it('complaints per person, team, region and company; company = Σ persons + unowned', () => {
    expect(kpi(m.kpis, 'complaints', '2024-01', 'person:p1').value).toBe(3);
    expect(kpi(m.kpis, 'complaints', '2024-01', 'person:p2').value).toBe(1);
    expect(kpi(m.kpis, 'complaints', '2024-01', 'person:p3').value).toBe(0); // staff member without tickets
    expect(kpi(m.kpis, 'complaints', '2024-01', 'team:T').value).toBe(4);
    expect(kpi(m.kpis, 'complaints', '2024-01').value).toBe(3 + 1 + 1);
    // region: k1's customer is in East; other p1 tickets fall back to p1's region North
    expect(kpi(m.kpis, 'complaints', '2024-01', 'region:East').value).toBe(1);
    expect(kpi(m.kpis, 'complaints', '2024-01', 'region:North').value).toBe(2);
    expect(kpi(m.kpis, 'complaints', '2024-01', 'region:South').value).toBe(1);
  });

  it('partial asOf period: February counts k6 only (k7 is after asOf); Q1 = Jan + Feb', () => {
    expect(kpi(m.kpis, 'complaints', '2024-02').value).toBe(1);
    expect(kpi(m.kpis, 'complaints', '2024-Q1').value).toBe(6);
    expect(m.kpis.some((r) => r.period === '2024-03')).toBe(false);
  });

  it('resolution rate with unresolved complaints', () => {
    // p1: k1, k2 resolved, k3 not → 2/3; p2: k4 resolved after asOf → 0/1; company: k1, k2, k5 / 5
    expect(kpi(m.kpis, 'resolution_rate', '2024-01', 'person:p1')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(kpi(m.kpis, 'resolution_rate', '2024-01', 'person:p2').value).toBe(0);
    expect(kpi(m.kpis, 'resolution_rate', '2024-01')).toMatchObject({ value: 3 / 5, numerator: 3, denominator: 5 });
    // a person with no complaints: no value, with a reason
    expect(kpi(m.kpis, 'resolution_rate', '2024-01', 'person:p3')).toMatchObject({ value: null, reason: 'empty_denominator' });
  });

  it('resolution hours: p1 [10, 30] → median 20, p90 10 + 0.9·20 = 28; company [2, 10, 30] → median 10', () => {
    expect(kpi(m.kpis, 'resolution_hours', '2024-01', 'person:p1').value).toBeCloseTo(20, 10);
    expect(kpi(m.kpis, 'resolution_hours_p90', '2024-01', 'person:p1').value).toBeCloseTo(28, 10);
    expect(kpi(m.kpis, 'resolution_hours', '2024-01').value).toBeCloseTo(10, 10);
    // company p90: h = 2·0.9 = 1.8 → 10 + 0.8·20 = 26
    expect(kpi(m.kpis, 'resolution_hours_p90', '2024-01').value).toBeCloseTo(26, 10);
  });

  it('complaint satisfaction: scores 5, 4, 2 → 2/3 with its Wilson interval in the detail table', () => {
    expect(kpi(m.kpis, 'complaint_satisfaction', '2024-01', 'person:p1')).toMatchObject({ numerator: 2, denominator: 3 });
    const d = m.complaintSatisfaction.find((r) => r.entity_id === 'p1' && r.period === '2024-01')!;
    // hand calculation in wilson.test.ts: 2/3 → [0.20765, 0.93851]
    expect(d.low).toBeCloseTo(0.20765, 4);
    expect(d.high).toBeCloseTo(0.93851, 4);
    expect(d).toMatchObject({ measure: 'complaint_satisfaction', n: 3, too_few: true });
    // p2's complaint has no score → no value
    expect(kpi(m.kpis, 'complaint_satisfaction', '2024-01', 'person:p2').value).toBeNull();
  });

  it('complaint categories are Pareto-ranked with shares and cumulative shares', () => {
    // company, 2024-01: delivery 3 (k1, k2, k4), quality 1 (k3), none 1 (k5)
    const rows = m.complaintCategories.filter((r) => r.entity_type === 'company' && r.period === '2024-01');
    expect(rows.map((r) => [r.rank, r.category, r.count])).toEqual([
      [1, 'delivery', 3],
      [2, 'quality', 1],
      [3, null, 1],
    ]);
    expect(rows.map((r) => r.share)).toEqual([3 / 5, 1 / 5, 1 / 5]);
    expect(rows.map((r) => r.cumulative_share)).toEqual([3 / 5, 4 / 5, 1]);
  });

  it('backlog at asOf (2024-02-10 end): open tickets by owner and age', () => {
    // age from 01-10 00:00 to 02-10 23:59:59.999 ≈ 744 h → > 30 days: p1 k3; p2 k4 (resolved after asOf)
    // k6 opened 02-05 → ≈ 144 h → 3–7 days
    expect(m.backlog).toEqual([
      { owner_id: 'p1', team: 'T', age_bucket: '3_7d', tickets: 1, complaints: 1 },
      { owner_id: 'p1', team: 'T', age_bucket: 'gt_30d', tickets: 1, complaints: 1 },
      { owner_id: 'p2', team: 'T', age_bucket: 'gt_30d', tickets: 1, complaints: 1 },
    ]);
  });

  it('no tickets file → no rows', () => {
    const empty = dataset({});
    const r = ticketMetrics(empty, context(empty, '2024-02-10', '2024-01-01'));
    expect(r).toEqual({ kpis: [], facts: [], complaintCategories: [], backlog: [], complaintSatisfaction: [] });
  });
});

describe('time zone: periods follow local days', () => {
  it('a ticket opened 2024-01-31 20:00 UTC is in February in Asia/Shanghai (UTC+8)', () => {
    const ds = dataset({ tickets: [{ ticket_id: 't', opened_at: utc('2024-01-31 20:00'), type: 'complaint' }] });
    const rows = ticketMetrics(ds, context(ds, '2024-02-10', '2024-01-01', { tz: 'Asia/Shanghai' })).kpis;
    expect(kpi(rows, 'complaints', '2024-01').value).toBe(0);
    expect(kpi(rows, 'complaints', '2024-02').value).toBe(1);
  });
});
