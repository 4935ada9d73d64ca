import { describe, expect, it } from 'vitest';
import { seriesAlt, trendTable } from '../../src/site-data/trend-table.ts';

describe('a trend series as a table', () => {
  it('newest period first; the last-year column only when the chart draws it; no value is "—", never 0', () => {
    const t = trendTable([{ period: '2026-Q2', value: 0.5, lastYear: null }, { period: '2026-Q3', value: null, lastYear: 0.25 }], 'ratio', 'Retention', 'en');
    expect(t.headers).toEqual(['Period', 'Retention', 'Same period last year']);
    expect(t.rows).toEqual([['Q3 2026', '—', '25.0%'], ['Q2 2026', '50.0%', '—']]);
    expect(trendTable([{ period: '2026-Q3', value: 3 }], 'count', 'Buyers', 'en').headers).toEqual(['Period', 'Buyers']);
  });
  it('a sparkline alternative names the window and every value', () => {
    expect(seriesAlt('Buyers', ['2026-Q2', '2026-Q3'], [3, null], 'count', 'en')).toBe('Buyers, Q2 2026 – Q3 2026: 3, —');
  });
});
