import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { toCsv } from '../../src/publish/to-csv.ts';
import { readBundle } from '../../src/site-data/load.ts';
import { dataReasonsTable, overviewKpisTable, pageTables, wholeTables } from '../../src/site-data/tables.ts';

const b = readBundle(resolve(process.cwd(), 'test/fixtures/bundle'));

describe('page tables', () => {
  test('ids are unique and URL-safe, the same in both locales', () => {
    const zh = pageTables(b, 'zh-CN').map((x) => x.id);
    expect(new Set(zh).size).toBe(zh.length);
    for (const id of zh) expect(id).toMatch(/^[a-z0-9-]+$/i);
    expect(pageTables(b, 'en').map((x) => x.id)).toEqual(zh);
    expect(zh).toContain('overview-kpis-2026-Q3');
  });
  test('headers carry units and are localized', () => {
    const zh = dataReasonsTable(b, 'zh-CN').columns.map((c) => c.header);
    const en = dataReasonsTable(b, 'en').columns.map((c) => c.header);
    expect(zh).toContain('数量 (行)');
    expect(en).toContain('Count (rows)');
  });
  test('a null KPI carries its reason', () => {
    const rows = overviewKpisTable(b, 'en', '2025-Q3').rows;
    const csat = rows.find((r) => r.kpi_id === 'csat')!;
    expect(csat.value).toBeNull();
    expect(csat.reason).toMatch(/Too few responses/);
  });
  test('masked examples with formula-like text are made safe in the CSV', () => {
    const t = dataReasonsTable(b, 'en');
    const csv = toCsv(t.columns, t.rows);
    expect(csv).toContain('line 301: =1+2');
    expect(csv).not.toMatch(/\n=/);
  });
  test('whole tables use machine column names', () => {
    const kpis = wholeTables(b).find((w) => w.name === 'kpis')!;
    expect(kpis.columns.map((c) => c.header)).toEqual(['entity_type', 'entity_id', 'grain', 'period', 'kpi', 'value', 'numerator', 'denominator', 'n', 'reason']);
    expect(kpis.rows).toHaveLength(b.kpis.length);
  });
});
