/** Small plain inputs shared by the chart tests (what a page would pass after reading the bundle). */
import type { TrendPoint } from '../../src/charts/trend-line.ts';

export const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
export const revenue: TrendPoint[] = quarters.map((period, i) => ({
  period,
  value: i === 3 ? null : 2_500_000 + 250_000 * i,
  lastYear: i >= 4 ? 2_400_000 + 200_000 * (i - 4) : null,
}));
