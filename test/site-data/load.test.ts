import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bundleDir, readBundle } from '../../src/site-data/load.ts';
import { change, company, compareKpi, kpiDef, kpiRow, kpisWithRows } from '../../src/site-data/kpi-index.ts';

const dir = resolve(process.cwd(), 'test/fixtures/bundle');

describe('bundle', () => {
  test('bundleDir: env var or .accountable/bundle, from the working directory', () => {
    expect(bundleDir({}, '/p')).toBe('/p/.accountable/bundle');
    expect(bundleDir({ ACCOUNTABLE_BUNDLE_DIR: 'test/x' }, '/p')).toBe('/p/test/x');
    expect(bundleDir({ ACCOUNTABLE_BUNDLE_DIR: '/abs' }, '/p')).toBe('/abs');
  });

  test('the fixture bundle is coherent', () => {
    const b = readBundle(dir);
    expect(b.manifest.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(b.catalogue.length).toBeGreaterThan(10);
    for (const f of b.ledger) {
      expect(f.read, f.name).toBe(f.accepted + f.excluded + f.rejected + f.duplicates);
      expect(f.present, f.name).toBe(b.manifest.filesPresent.includes(f.name));
    }
    const periods = new Set([...b.manifest.periods.quarter, ...b.manifest.periods.month].map((p) => p.id));
    for (const r of b.kpis) {
      expect(periods.has(r.period), r.period).toBe(true);
      expect(kpiDef(b, r.kpi), r.kpi).toBeDefined();
      if (r.value == null) expect(r.reason).not.toBeNull();
    }
    expect(b.manifest.periods.quarter.find((p) => p.id === b.manifest.lastCompleteQuarter)?.complete).toBe(true);
  });

  test('a missing bundle fails with the path in the message', () => {
    expect(() => readBundle('/nonexistent/bundle')).toThrow(/nonexistent\/bundle\/manifest\.json/);
  });
});

describe('KPI look-ups and comparisons', () => {
  const b = readBundle(dir);
  test('rows by entity, period and KPI', () => {
    expect(kpiRow(b, company, '2026-Q3', 'revenue')?.value).toBeGreaterThan(0);
    expect(kpiRow(b, company, '2030-Q1', 'revenue')).toBeUndefined();
    expect(kpisWithRows(b, company, 'month')).toEqual(new Set(['buyers', 'revenue']));
  });
  test('comparison vs previous and last year', () => {
    const c = compareKpi(b, company, '2026-Q3', kpiDef(b, 'revenue')!);
    expect(c.previous?.period).toBe('2026-Q2');
    expect(c.lastYear?.period).toBe('2025-Q3');
    expect(c.vsPrevious.kind).toBe('relative');
    expect(c.vsPrevious.value).toBeCloseTo(c.row!.value! / c.previous!.value! - 1, 10);
  });
  test('change: points for ratios, relative otherwise, verdict by direction, null without a base', () => {
    expect(change(0.5, 0.4, 'ratio', 'higher')).toEqual({ kind: 'points', value: 0.09999999999999998, verdict: 'better' });
    expect(change(12, 10, 'hours', 'lower')).toEqual({ kind: 'relative', value: 0.2, verdict: 'worse' });
    expect(change(5, 0, 'count', 'higher')).toEqual({ kind: 'relative', value: null, verdict: null, reason: 'zero_base' });
    // the first year: nothing to compare with is said, never a figure
    expect(change(5, null, 'count', 'higher')).toEqual({ kind: 'relative', value: null, verdict: null, reason: 'no_data' });
    expect(change(0, 0.2, 'ratio', 'higher')).toEqual({ kind: 'points', value: -0.2, verdict: 'worse' });
    expect(change(null, 3, 'count', 'higher').value).toBeNull();
    expect(change(10, 10, 'count', 'higher').verdict).toBe('unchanged');
  });
});

describe('loadBundle', () => {
  test('reads ACCOUNTABLE_BUNDLE_DIR once and returns the same object', async () => {
    const { loadBundle } = await import('../../src/site-data/load.ts');
    const before = process.env.ACCOUNTABLE_BUNDLE_DIR;
    process.env.ACCOUNTABLE_BUNDLE_DIR = 'test/fixtures/bundle';
    try {
      const a = loadBundle();
      expect(loadBundle()).toBe(a);
      expect(a.manifest.lastCompleteQuarter).toBe('2026-Q3');
    } finally {
      if (before === undefined) delete process.env.ACCOUNTABLE_BUNDLE_DIR;
      else process.env.ACCOUNTABLE_BUNDLE_DIR = before;
    }
  });
});
