import { op, table } from 'arquero';
import type { RfmScore } from './rfm.ts';

/** One RFM segment: its customers, their revenue in the RFM window (Σ M) and their share. */
export interface SegmentSummaryRow {
  segment: string;
  customers: number;
  /** Σ M (net revenue in the RFM window) */
  revenue: number;
  customers_share: number;
}

export interface SegmentsSummary {
  rows: SegmentSummaryRow[];
  /** company "at-risk value": RFM-window revenue of customers in at_risk or cant_lose */
  atRiskValue: number;
  atRiskCustomers: number;
}

/** The RFM segments whose customers count as "at risk" (the overview's at-risk value): the one list. */
export const AT_RISK_SEGMENTS: readonly string[] = ['at_risk', 'cant_lose'];
const AT_RISK = AT_RISK_SEGMENTS;

/**
 * Segment sizes and value from the scored customers (one row each, already reduced from the
 * order lines): an Arquero group-by over the reduced table. Every segment of the configured grid
 * gets a row, in grid order, including empty ones, so pages show the whole grid.
 */
export function segmentSummary(scores: readonly Pick<RfmScore, 'segment' | 'monetary'>[], grid: readonly (readonly string[])[]): SegmentsSummary {
  const order = [...new Set(grid.flat())];
  const scored = table({ segment: scores.map((s) => s.segment), monetary: scores.map((s) => s.monetary) });
  const bySegment = new Map<string, { customers: number; revenue: number }>();
  if (scored.numRows() > 0) {
    const grouped = scored
      .groupby('segment')
      .rollup({ customers: op.count(), revenue: op.sum('monetary') })
      .objects() as { segment: string; customers: number; revenue: number }[];
    for (const g of grouped) bySegment.set(g.segment, g);
  }
  const n = scored.numRows();
  const rows = order.map((segment) => {
    const g = bySegment.get(segment);
    return { segment, customers: g?.customers ?? 0, revenue: g?.revenue ?? 0, customers_share: n ? (g?.customers ?? 0) / n : 0 };
  });
  const risk = rows.filter((r) => AT_RISK.includes(r.segment));
  return {
    rows,
    atRiskValue: risk.reduce((s, r) => s + r.revenue, 0),
    atRiskCustomers: risk.reduce((s, r) => s + r.customers, 0),
  };
}
