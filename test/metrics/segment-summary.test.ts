import { describe, expect, it } from 'vitest';
import { defaultRfmGrid } from '../../src/config/schema.ts';
import { segmentSummary } from '../../src/metrics/segment-summary.ts';

describe('RFM segment summary', () => {
  it('counts customers and sums M per segment, every grid segment in grid order', () => {
    const scores = [
      { segment: 'champions', monetary: 1000 },
      { segment: 'champions', monetary: 500 },
      { segment: 'at_risk', monetary: 300 },
      { segment: 'cant_lose', monetary: 200 },
      { segment: 'hibernating', monetary: -50 },
    ];
    const s = segmentSummary(scores, defaultRfmGrid);
    // grid order: hibernating, at_risk, cant_lose, about_to_sleep, need_attention, loyal, promising, potential_loyalist, new, champions
    expect(s.rows.map((r) => r.segment)).toEqual([
      'hibernating', 'at_risk', 'cant_lose', 'about_to_sleep', 'need_attention', 'loyal', 'promising', 'potential_loyalist', 'new', 'champions',
    ]);
    expect(s.rows.find((r) => r.segment === 'champions')).toEqual({ segment: 'champions', customers: 2, revenue: 1500, customers_share: 2 / 5 });
    expect(s.rows.find((r) => r.segment === 'loyal')).toEqual({ segment: 'loyal', customers: 0, revenue: 0, customers_share: 0 });
    // at risk = at_risk + cant_lose: 300 + 200, 2 customers
    expect(s.atRiskValue).toBe(500);
    expect(s.atRiskCustomers).toBe(2);
  });

  it('is all zeros with no scored customers', () => {
    const s = segmentSummary([], defaultRfmGrid);
    expect(s.rows.every((r) => r.customers === 0 && r.customers_share === 0)).toBe(true);
    expect(s.atRiskValue).toBe(0);
  });
});
