import type { EntityType, Grain } from '../model/kpi.ts';
import type { EntityRef } from './kpi-rows.ts';
import { npsInterval } from './nps-interval.ts';
import { wilson } from './wilson.ts';

/**
 * One survey-style figure with its uncertainty, for the site's "n = …, ± …" notes and the
 * greyed "too few responses" state (docs/metrics.md, "Satisfaction"). Used for csat, nps,
 * each dim_<name> and complaint_satisfaction (tickets.satisfaction).
 */
export interface SatisfactionDetailRow {
  entity_type: EntityType;
  entity_id: string;
  /** null = all channels; else a company-level breakdown by the response's channel */
  channel: string | null;
  grain: Grain;
  period: string;
  /** 'csat' | 'nps' | 'dim_<name>' | 'complaint_satisfaction' */
  measure: string;
  /** share (csat, dims: top-2-box ≥ 4; complaint_satisfaction) or NPS points */
  value: number;
  low: number;
  high: number;
  /** mean score (dims only; null otherwise) */
  mean: number | null;
  n: number;
  /** half-width of the 95 % interval (Wilson, or adjusted Wald before clamping for NPS) */
  margin_of_error: number;
  /** n < survey.minResponses: shown greyed with "too few responses" */
  too_few: boolean;
}

/** A top-box share with its Wilson interval; n must be > 0. */
export function shareDetail(
  e: EntityRef,
  channel: string | null,
  grain: Grain,
  period: string,
  measure: string,
  successes: number,
  n: number,
  mean: number | null,
  minResponses: number,
): SatisfactionDetailRow {
  const w = wilson(successes, n);
  return { entity_type: e.entity_type, entity_id: e.entity_id, channel, grain, period, measure, value: w.p, low: w.low, high: w.high, mean, n, margin_of_error: w.margin, too_few: n < minResponses };
}

/** NPS points with the adjusted-Wald interval; n must be > 0. */
export function npsDetail(
  e: EntityRef,
  channel: string | null,
  grain: Grain,
  period: string,
  promoters: number,
  detractors: number,
  n: number,
  minResponses: number,
): SatisfactionDetailRow {
  const v = npsInterval(promoters, detractors, n);
  return { entity_type: e.entity_type, entity_id: e.entity_id, channel, grain, period, measure: 'nps', value: v.nps, low: v.low, high: v.high, mean: null, n, margin_of_error: v.margin, too_few: n < minResponses };
}
