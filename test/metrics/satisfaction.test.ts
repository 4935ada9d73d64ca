import { describe, expect, it } from 'vitest';
import { satisfactionMetrics } from '../../src/metrics/satisfaction.ts';
import { context, dataset, kpi, utc } from './service-helpers.ts';

const jan = utc('2024-01-15 10:00');
const ds = dataset({
  staff: [
    { staff_id: 'p1', name: 'P1', role: 'csr', team: 'T', region: 'North' },
    { staff_id: 'p2', name: 'P2', role: 'csr', team: 'T', region: 'South' },
    { staff_id: 'p3', name: 'P3', role: 'sales', team: null, region: null },
  ],
  customers: [
    { customer_id: 'c1', owner_id: 'p3', region: 'East' },
    { customer_id: 'c2', owner_id: 'p2', region: null },
  ],
  tickets: [
    { ticket_id: 'k1', owner_id: 'p1', customer_id: 'c1', opened_at: jan },
    { ticket_id: 'k2', owner_id: null, customer_id: 'c2', opened_at: jan },
  ],
  surveyDimensions: ['speed'],
  surveys: [
    // r1: via ticket k1 → p1 (the ticket's owner), not c1's owner p3
    { response_id: 'r1', ticket_id: 'k1', customer_id: 'c1', responded_at: jan, csat: 5, nps: 10, channel: 'wechat', dim_speed: 5 },
    // r2: ticket id not in tickets.csv → the customer's owner p3
    { response_id: 'r2', ticket_id: 'zz', customer_id: 'c1', responded_at: jan, csat: 4, nps: 9, channel: 'wechat', dim_speed: 3 },
    // r3: no ticket → p3
    { response_id: 'r3', customer_id: 'c1', responded_at: jan, csat: 2, nps: 3, channel: 'phone', dim_speed: 4 },
    // r4: ticket k2 has no owner, no customer on the response → the ticket's customer c2 → p2
    { response_id: 'r4', ticket_id: 'k2', responded_at: jan, csat: 3, nps: 7 },
    // after asOf → ignored
    { response_id: 'r5', customer_id: 'c1', responded_at: utc('2024-02-20 10:00'), csat: 1, nps: 0 },
  ],
});
const ctx = context(ds, '2024-02-10', '2024-01-01');
const m = satisfactionMetrics(ds, ctx);
const detail = (measure: string, entity = 'company:company', channel: string | null = null, period = '2024-01') =>
  m.detail.find((r) => `${r.entity_type}:${r.entity_id}` === entity && r.measure === measure && r.channel === channel && r.period === period);

describe('csat and nps', () => {
  it('company: csat {r1, r2} / 4 = 0.5; nps 100·(2 − 1)/4 = 25', () => {
    expect(kpi(m.kpis, 'csat', '2024-01')).toMatchObject({ value: 0.5, numerator: 2, denominator: 4, n: 4 });
    expect(kpi(m.kpis, 'nps', '2024-01')).toMatchObject({ value: 25, numerator: 1, denominator: 4 });
  });

  it('attribution: ticket owner when the ticket exists, else the customer owner', () => {
    expect(kpi(m.kpis, 'csat', '2024-01', 'person:p1')).toMatchObject({ value: 1, denominator: 1 });
    expect(kpi(m.kpis, 'nps', '2024-01', 'person:p1').value).toBe(100);
    // p3: r2 (4) and r3 (2) → 1/2; nps promoter + detractor → 0
    expect(kpi(m.kpis, 'csat', '2024-01', 'person:p3')).toMatchObject({ value: 0.5, denominator: 2 });
    expect(kpi(m.kpis, 'nps', '2024-01', 'person:p3').value).toBe(0);
    // p2 via the owner-less ticket's customer; passive 7 → nps 0
    expect(kpi(m.kpis, 'csat', '2024-01', 'person:p2')).toMatchObject({ value: 0, denominator: 1 });
    expect(kpi(m.kpis, 'nps', '2024-01', 'person:p2').value).toBe(0);
    // team T = p1 + p2 recomputed: csat 1/2
    expect(kpi(m.kpis, 'csat', '2024-01', 'team:T')).toMatchObject({ value: 0.5, denominator: 2 });
    // region: c1's East for r1–r3; r4 → c2 has no region → p2's South
    expect(kpi(m.kpis, 'csat', '2024-01', 'region:East').denominator).toBe(3);
    expect(kpi(m.kpis, 'csat', '2024-01', 'region:South').denominator).toBe(1);
  });

  it('no responses → no value with a reason; after-asOf responses are not counted', () => {
    expect(kpi(m.kpis, 'csat', '2024-02')).toMatchObject({ value: null, reason: 'empty_denominator' });
    expect(kpi(m.kpis, 'nps', '2024-02')).toMatchObject({ value: null, reason: 'empty_denominator' });
  });

  it('detail: Wilson interval for csat, adjusted Wald for nps, too_few below 30', () => {
    // csat 2/4: p̂ 0.5, centre 0.5 + 3.8416/8 = 0.9802, spread 1.96·√(0.0625 + 3.8416/64) = 1.96·√0.122525 = 1.96·0.350036 = 0.686070,
    // denom 1 + 3.8416/4 = 1.9604 → [(0.9802 − 0.686070)/1.9604, (0.9802 + 0.686070)/1.9604] = [0.15004, 0.84996]
    const c = detail('csat')!;
    expect(c.low).toBeCloseTo(0.15004, 4);
    expect(c.high).toBeCloseTo(0.84996, 4);
    expect(c).toMatchObject({ n: 4, too_few: true, mean: null });
    // nps P 2, D 1, n 4: n′ 7, p′ 2.75/7 = 0.392857, d′ 0.25, se = √((0.642857 − 0.020408)/7) = 0.298196
    // → 100·(0.142857 ± 0.584464) = [−44.16, 72.73]
    const n = detail('nps')!;
    expect(n.value).toBe(25);
    expect(n.low).toBeCloseTo(-44.16, 2);
    expect(n.high).toBeCloseTo(72.73, 2);
    expect(n.margin_of_error).toBeCloseTo(58.4464, 2);
  });

  it('dimension: top-2-box share, mean and n; speed 5, 3, 4 → 2/3, mean 4', () => {
    const d = detail('dim_speed')!;
    expect(d).toMatchObject({ n: 3, mean: 4 });
    expect(d.value).toBeCloseTo(2 / 3, 12);
    expect(d.low).toBeCloseTo(0.20765, 4); // 2/3 → see wilson.test.ts
  });

  it('too_few follows survey.minResponses', () => {
    const m3 = satisfactionMetrics(ds, context(ds, '2024-02-10', '2024-01-01', { config: (c) => { c.survey.minResponses = 4; } }));
    const find = (measure: string) => m3.detail.find((r) => r.entity_type === 'company' && r.measure === measure && r.channel === null && r.period === '2024-01')!;
    expect(find('csat').too_few).toBe(false); // n 4 ≥ 4
    expect(find('dim_speed').too_few).toBe(true); // n 3 < 4
  });

  it('per response channel (company rows): wechat csat 2/2, phone 0/1', () => {
    expect(detail('csat', 'company:company', 'wechat')).toMatchObject({ value: 1, n: 2 });
    expect(detail('csat', 'company:company', 'phone')).toMatchObject({ value: 0, n: 1 });
    expect(m.detail.some((r) => r.channel !== null && r.entity_type !== 'company')).toBe(false);
  });

  it('no surveys file → no rows', () => {
    const empty = dataset({});
    expect(satisfactionMetrics(empty, context(empty, '2024-02-10', '2024-01-01'))).toEqual({ kpis: [], detail: [] });
  });
});
