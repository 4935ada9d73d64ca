import type { KpiDirection } from '../model/kpi.ts';
import type { SiteBundle } from '../bundle/contract.ts';
import type { CompanyTargetRow } from '../scoring/company-targets.ts';

export type TargetStatus = 'on_track' | 'at_risk' | 'off_track';

/** The defaults of config `site.status` (a bundle written before it existed has none). */
export const DEFAULT_STATUS_THRESHOLDS = { onTrack: 1, atRisk: 0.9 } as const;

/** Symbols next to the status words (never colour alone): ✓ on track, ! at risk, ✕ off track. */
export const STATUS_SYMBOL: Record<TargetStatus, string> = { on_track: '✓', at_risk: '!', off_track: '✕' };

/**
 * Actual against target: attainment = actual ÷ target when higher is better, target ÷ actual
 * when lower is better (an actual of 0 against a positive target is then fully attained), and
 * the status by the configured thresholds. Null when either side is missing or the target is
 * not positive (no meaningful ratio).
 */
export const targetStatus = (
  actual: number | null | undefined,
  target: number | null | undefined,
  direction: KpiDirection,
  thresholds: { onTrack: number; atRisk: number } = DEFAULT_STATUS_THRESHOLDS,
): { attainment: number; status: TargetStatus } | null => {
  if (actual == null || target == null || !(target > 0)) return null;
  const attainment = direction === 'higher' ? actual / target : actual <= 0 ? Infinity : target / actual;
  const status = attainment >= thresholds.onTrack ? 'on_track' : attainment >= thresholds.atRisk ? 'at_risk' : 'off_track';
  return { attainment, status };
};

/** The company target of a KPI in a period, if published. */
export const companyTarget = (b: Pick<SiteBundle, 'companyTargets'>, period: string, kpi: string): CompanyTargetRow | null =>
  b.companyTargets?.find((r) => r.period === period && r.kpi === kpi) ?? null;
