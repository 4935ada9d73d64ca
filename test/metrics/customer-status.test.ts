import { describe, expect, it } from 'vitest';
import { statusAt } from '../../src/metrics/customer-status.ts';
import { computeMetrics } from '../../src/metrics/index.ts';
import { NONE } from '../../src/metrics/orders.ts';
import { config, dataset } from './helpers.ts';

describe('statusAt', () => {
  it('active within 90 days, dormant within 365, lost after, prospect never', () => {
    const t = 1000;
    expect(statusAt(t - 90, t, 90, 365)).toBe('active');
    expect(statusAt(t - 91, t, 90, 365)).toBe('dormant');
    expect(statusAt(t - 365, t, 90, 365)).toBe('dormant');
    expect(statusAt(t - 366, t, 90, 365)).toBe('lost');
    expect(statusAt(NONE, t, 90, 365)).toBe('prospect');
  });
});

describe('status counts at asOf', () => {
  it('per entity', () => {
    const ds = dataset({
      customers: [
        { customer_id: 'a', owner_id: 's1' },
        { customer_id: 'b', owner_id: 's1' },
        { customer_id: 'c', owner_id: 's2' },
        { customer_id: 'd', owner_id: 's2' },
      ],
      orders: [
        { order_id: '1', customer_id: 'a', order_date: '2024-04-01', amount: 1 }, // 29 days: active
        { order_id: '2', customer_id: 'b', order_date: '2024-01-01', amount: 1 }, // 120 days: dormant
        { order_id: '3', customer_id: 'c', order_date: '2023-01-01', amount: 1 }, // 485 days: lost
        { order_id: '4', customer_id: 'd', order_date: '2024-04-20', amount: -3 }, // refund only: prospect
      ],
    });
    const res = computeMetrics(ds, config({ asOf: '2024-04-30' }));
    const n = (type: string, id: string, s: string) =>
      res.statusCounts.find((x) => x.entity_type === type && x.entity_id === id && x.status === s)!.customers;
    expect(['active', 'dormant', 'lost', 'prospect'].map((s) => n('company', 'company', s))).toEqual([1, 1, 1, 1]);
    expect(['active', 'dormant', 'lost', 'prospect'].map((s) => n('person', 's2', s))).toEqual([0, 0, 1, 1]);
  });
});
