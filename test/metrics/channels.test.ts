import { describe, expect, it } from 'vitest';
import { channelMetrics } from '../../src/metrics/channels.ts';
import { context, dataset, kpi, utc } from './service-helpers.ts';

const d = (s: string) => utc(`${s} 00:00`); // date-only order dates are local midnight (UTC here)
const ds = dataset({
  staff: [
    { staff_id: 'p1', name: 'P1', role: 'crm', team: 'T', region: null },
    { staff_id: 'p2', name: 'P2', role: 'crm', team: 'T', region: null },
  ],
  orders: [
    // c1: one order of two lines, date = earliest line (02-09), amount 50 + 20 = 70
    { order_id: 'o1', customer_id: 'c1', order_date: d('2024-02-12'), amount: 20, channel: 'app' },
    { order_id: 'o1', customer_id: 'c1', order_date: d('2024-02-09'), amount: 50, channel: 'online' },
    // c2: purchase 31 days after its interaction
    { order_id: 'o2', customer_id: 'c2', order_date: d('2024-02-10'), amount: 40, channel: 'online' },
    // c3: purchase the day before its interaction, refund after
    { order_id: 'o3a', customer_id: 'c3', order_date: d('2024-01-14'), amount: 60, channel: 'store' },
    { order_id: 'o3b', customer_id: 'c3', order_date: d('2024-01-20'), amount: -30, channel: 'store' },
    // c4: an order whose lines sum to −50 → a refund, not a purchase
    { order_id: 'o4', customer_id: 'c4', order_date: d('2024-01-25'), amount: 100, channel: 'store' },
    { order_id: 'o4', customer_id: 'c4', order_date: d('2024-01-25'), amount: -150, channel: 'store' },
    // c5: date-only purchase on the interaction's day
    { order_id: 'o5', customer_id: 'c5', order_date: d('2024-01-20'), amount: 80, channel: 'store' },
  ],
  interactions: [
    // i1: c1 purchases on 01-10 + 30 days = 02-09 → converted (window end inclusive)
    { interaction_id: 'i1', customer_id: 'c1', owner_id: 'p1', type: 'message', channel: 'wechat', occurred_at: utc('2024-01-10 10:00') },
    // i2: c2 purchases on 02-10 = day + 31 → not converted
    { interaction_id: 'i2', customer_id: 'c2', owner_id: 'p1', type: 'call', occurred_at: utc('2024-01-10 10:00') },
    // i3: c3's purchase was before the interaction, the later order is a refund → not converted
    { interaction_id: 'i3', customer_id: 'c3', owner_id: 'p1', type: 'call', occurred_at: utc('2024-01-15 10:00') },
    // i4: c4's only order nets to a refund → not converted
    { interaction_id: 'i4', customer_id: 'c4', owner_id: 'p1', type: 'message', channel: 'wechat', occurred_at: utc('2024-01-20 10:00') },
    // i5: same-day purchase (order 01-20 00:00, interaction 15:00) → converted: days are compared
    { interaction_id: 'i5', customer_id: 'c5', owner_id: 'p1', type: 'visit', occurred_at: utc('2024-01-20 15:00') },
    // i6: customer without orders → not converted
    { interaction_id: 'i6', customer_id: 'c6', owner_id: 'p2', type: 'call', occurred_at: utc('2024-01-21 10:00') },
    // i7: c1 again, 28 days before its purchase → converted
    { interaction_id: 'i7', customer_id: 'c1', owner_id: 'p2', type: 'message', channel: 'wechat', occurred_at: utc('2024-01-12 10:00') },
    // i8: visit requested, not held → not an interaction yet
    { interaction_id: 'i8', customer_id: 'c2', owner_id: 'p2', type: 'visit', requested_at: utc('2024-01-22 10:00') },
  ],
  tickets: [
    { ticket_id: 't1', opened_at: utc('2024-01-05 10:00'), type: 'complaint', channel: 'wechat' },
    { ticket_id: 't2', opened_at: utc('2024-01-06 10:00'), type: 'request', channel: 'wechat' },
    { ticket_id: 't3', opened_at: utc('2024-01-07 10:00'), type: 'complaint' },
  ],
  surveys: [
    { response_id: 's1', responded_at: utc('2024-01-08 10:00'), csat: 5, channel: 'wechat' },
    { response_id: 's2', responded_at: utc('2024-01-09 10:00'), csat: 2, channel: 'wechat' },
    { response_id: 's3', responded_at: utc('2024-01-09 10:00'), csat: null, nps: 9, channel: 'wechat' },
  ],
});
const m = channelMetrics(ds, context(ds, '2024-03-31', '2024-01-01'));
const row = (channel: string | null, period = '2024-01') => m.table.find((r) => r.channel === channel && r.period === period)!;

describe('follow-up KPIs', () => {
  it('interactions and conversion: {i1, i5, i7} / 7 held interactions', () => {
    expect(kpi(m.kpis, 'interactions', '2024-01').value).toBe(7);
    expect(kpi(m.kpis, 'conversion_rate', '2024-01')).toMatchObject({ numerator: 3, denominator: 7 });
  });

  it('per owner: p1 {i1, i5} / 5, p2 {i7} / 2; team recomputed 3/7', () => {
    expect(kpi(m.kpis, 'conversion_rate', '2024-01', 'person:p1')).toMatchObject({ value: 2 / 5 });
    expect(kpi(m.kpis, 'conversion_rate', '2024-01', 'person:p2')).toMatchObject({ value: 1 / 2 });
    expect(kpi(m.kpis, 'interactions', '2024-01', 'person:p2').value).toBe(2);
    expect(kpi(m.kpis, 'conversion_rate', '2024-01', 'team:T')).toMatchObject({ numerator: 3, denominator: 7 });
    expect(kpi(m.kpis, 'conversion_rate', '2024-02', 'person:p1')).toMatchObject({ value: null, reason: 'empty_denominator' });
  });

  it('a shorter window (28 days) drops i1 (30 days) but keeps i7 (28 days)', () => {
    const m28 = channelMetrics(ds, context(ds, '2024-03-31', '2024-01-01', { config: (c) => { c.conversionWindowDays = 28; } }));
    expect(kpi(m28.kpis, 'conversion_rate', '2024-01')).toMatchObject({ numerator: 2, denominator: 7 });
  });
});

describe('channel table', () => {
  it('interactions by channel (interactions.channel, else type), customers reached, conversion', () => {
    expect(row('wechat')).toMatchObject({ interactions: 3, customers_reached: 2, conversions: 2 });
    expect(row('wechat').conversion_rate).toBeCloseTo(2 / 3, 12);
    expect(row('call')).toMatchObject({ interactions: 3, customers_reached: 3, conversions: 0, conversion_rate: 0 });
    expect(row('visit')).toMatchObject({ interactions: 1, conversions: 1, conversion_rate: 1 });
  });

  it('complaints and CSAT by channel', () => {
    expect(row('wechat')).toMatchObject({ tickets: 2, complaints: 1, csat_n: 2, csat_satisfied: 1, csat: 0.5, csat_too_few: true });
    // Wilson 1/2: centre 0.5 + 3.8416/4 = 1.4604, spread 1.96·√(0.125 + 3.8416/16) = 1.96·0.604004 = 1.183848,
    // denom 2.9208 → [0.09453, 0.90547]
    expect(row('wechat').csat_low).toBeCloseTo(0.09453, 4);
    expect(row('wechat').csat_high).toBeCloseTo(0.90547, 4);
    expect(row(null)).toMatchObject({ tickets: 1, complaints: 1, csat: null });
  });

  it('purchases by the channel of the order’s earliest line', () => {
    // Feb: o1 (online, 70) and o2 (online, 40); the app line belongs to o1
    expect(row('online', '2024-02')).toMatchObject({ purchases: 2, gross_sales: 110 });
    expect(m.table.some((r) => r.channel === 'app')).toBe(false);
    // Jan store: o3a 60 and o5 80; refunds o3b and o4 are not purchases
    expect(row('store', '2024-01')).toMatchObject({ purchases: 2, gross_sales: 140 });
    expect(row('store', '2024-Q1')).toMatchObject({ purchases: 2, gross_sales: 140 });
  });

  it('every channel × grain × period is present, zeros included', () => {
    // periods 2024-01..03, 2024-Q1, 2024 = 5 per channel
    const channels = new Set(m.table.map((r) => r.channel));
    expect(m.table.length).toBe(channels.size * 5);
    expect(row('wechat', '2024-03')).toMatchObject({ interactions: 0, conversion_rate: null });
  });
});
