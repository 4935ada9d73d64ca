import { describe, expect, it } from 'vitest';
import { computeServiceMetrics } from '../../src/metrics/service-facade.ts';
import { ticketMetrics } from '../../src/metrics/tickets.ts';
import { context, dataset, kpi, utc } from './service-helpers.ts';

describe('computeServiceMetrics', () => {
  it('returns every part; KPI ids are the catalogue’s service, satisfaction and channel ids', () => {
    const ds = dataset({
      orders: [{ order_id: 'o', customer_id: 'c1', order_date: utc('2024-01-12 00:00'), amount: 10, channel: 'web' }],
      customers: [{ customer_id: 'c1', owner_id: 'p1' }],
      tickets: [{ ticket_id: 't', customer_id: 'c1', owner_id: 'p1', opened_at: utc('2024-01-02 00:00'), type: 'complaint', satisfaction: 4, category: 'x' }],
      interactions: [
        { interaction_id: 'i', customer_id: 'c1', owner_id: 'p1', type: 'visit', requested_at: utc('2024-01-09 00:00'), occurred_at: utc('2024-01-10 00:00') },
      ],
      surveys: [{ response_id: 'r', customer_id: 'c1', responded_at: utc('2024-01-15 00:00'), csat: 4, nps: 10 }],
      tasks: [{ task_id: 'k', owner_id: 'p1', due_at: utc('2024-01-20 00:00'), completed_at: utc('2024-01-19 00:00') }],
    });
    const m = computeServiceMetrics(ds, context(ds, '2024-01-31', '2024-01-01'));
    expect(new Set(m.kpis.map((r) => r.kpi))).toEqual(
      new Set([
        'complaints', 'first_response_hours', 'first_response_hours_p90', 'response_sla_rate', 'resolution_hours',
        'resolution_hours_p90', 'resolution_rate', 'complaint_satisfaction', 'visit_sla_rate', 'coverage_rate',
        'task_completion_rate', 'csat', 'nps', 'interactions', 'conversion_rate',
      ]),
    );
    // the visit on 01-10 is followed by the 01-12 purchase
    expect(kpi(m.kpis, 'conversion_rate', '2024-01', 'person:p1').value).toBe(1);
    expect(kpi(m.kpis, 'coverage_rate', '2024-01', 'person:p1').value).toBe(1);
    expect(kpi(m.kpis, 'task_completion_rate', '2024-01', 'person:p1').value).toBe(1);
    expect(m.ticketFacts).toHaveLength(1);
    expect(m.complaintCategories).toHaveLength(2 * 3); // (company, p1) × (2024-01, 2024-Q1, 2024), one category
    // open since 01-02 00:00, asOf end 01-31 23:59:59.999 → 720 h − 1 ms: still under 30 days
    expect(m.backlog).toEqual([{ owner_id: 'p1', team: null, age_bucket: '7_30d', tickets: 1, complaints: 1 }]);
    expect(m.satisfaction.some((r) => r.measure === 'nps' && r.value === 100)).toBe(true);
    expect(m.complaintSatisfaction.length).toBeGreaterThan(0);
    expect(m.channels.find((r) => r.channel === 'web' && r.period === '2024-01')).toMatchObject({ purchases: 1, gross_sales: 10 });
  });

  it('an empty tickets file still gives the company rows: 0 complaints, ratios without value', () => {
    const ds = dataset({ tickets: [] });
    const rows = ticketMetrics(ds, context(ds, '2024-01-31', '2024-01-01')).kpis;
    expect(kpi(rows, 'complaints', '2024-01')).toMatchObject({ value: 0 });
    expect(kpi(rows, 'resolution_rate', '2024-01')).toMatchObject({ value: null, reason: 'empty_denominator' });
  });
});
