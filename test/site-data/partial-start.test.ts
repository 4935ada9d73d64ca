import { describe, expect, it } from 'vitest';
import type { LedgerFile } from '../../src/model/ledger.ts';
import type { KpiRow } from '../../src/model/kpi.ts';
import type { SiteBundle } from '../../src/bundle/contract.ts';
import { changePhrase } from '../../src/site-data/change-text.ts';
import { company, compareKpi, dataStart, kpiDef, partialStart } from '../../src/site-data/kpi-index.ts';
import { overviewMovers } from '../../src/site-data/tables.ts';
import { emptyBundle } from './scoring-bundle.ts';

const row = (entity_type: KpiRow['entity_type'], entity_id: string, period: string, value: number): KpiRow => ({
  entity_type, entity_id, grain: 'quarter', period, kpi: 'revenue', value, numerator: null, denominator: null, n: 1, reason: null,
});
// orders begin on 15 Aug 2026 (Shanghai): Q3 2026 holds six weeks of data, Q4 the first whole quarter
const aug15 = Date.UTC(2026, 7, 14, 16, 0); // 2026-08-15 00:00 +08:00
const ordersFrom = (min: number) => ({ name: 'orders', coverage: { column: 'order_date', min, max: min + 86_400_000 * 60 } }) as unknown as LedgerFile;
const b: SiteBundle = {
  ...emptyBundle,
  manifest: { ...emptyBundle.manifest, timezone: 'Asia/Shanghai' },
  ledger: [ordersFrom(aug15)],
  kpis: [row('company', 'company', '2026-Q3', 100), row('company', 'company', '2026-Q4', 400), row('team', '甲', '2026-Q3', 50), row('team', '甲', '2026-Q4', 300)],
};

describe('a first partial period never shows a misleading change', () => {
  const def = kpiDef(b, 'revenue')!;
  it('the data start is the ledger coverage of the KPI\'s source file, as a local day', () => {
    expect(dataStart(b, 'orders')).toBe('2026-08-15');
    expect(dataStart(b, 'tickets')).toBeNull();
    expect(partialStart(b, def, '2026-Q3')).toBe('2026-08-15');
    expect(partialStart(b, def, '2026-Q4')).toBeNull();
  });
  it('Q4 against a Q3 the data began in: "—" with the reason in words, not +300 %', () => {
    const c = compareKpi(b, company, '2026-Q4', def);
    expect(c.vsPrevious).toMatchObject({ value: null, verdict: null, reason: 'partial_start', since: '2026-08-15' });
    expect(changePhrase(c.vsPrevious, def.unit, '2026-Q3', 'en')).toBe('the data begins on 15 Aug 2026, so Q3 2026 is partial: no comparison');
    // data from the first day of Q3: a whole quarter, the change is shown (+300 %)
    const whole = { ...b, ledger: [ordersFrom(Date.UTC(2026, 5, 30, 16, 0))] };
    expect(compareKpi(whole, company, '2026-Q4', def).vsPrevious).toMatchObject({ value: 3, verdict: 'better' });
  });
  it('no movers against the partial period', () => {
    expect(overviewMovers(b, 'en', '2026-Q4').every((g) => g.rows.length === 0)).toBe(true);
  });
});
