import type { Config } from '../config/schema.ts';
import type { RoleCard } from '../roles/role-card.ts';
import { kpiCatalogue } from '../metrics/kpi-catalogue.ts';
import { companyTargets } from '../scoring/company-targets.ts';
import { scoreRoles, type ScoreRolesResult } from '../scoring/index.ts';
import type { AllMetrics } from '../metrics/compute-all-metrics.ts';

/** Score every role card for every period at `kpiGrain` (complete and the partial one). */
export function scoreAll(cards: readonly RoleCard[], m: AllMetrics, config: Config): ScoreRolesResult {
  const grain = config.kpiGrain;
  const scored = scoreRoles({
    cards,
    kpis: m.kpis,
    staff: m.staff,
    targets: m.targets,
    config,
    grain,
    periods: m.periods[grain].map((p) => p.id),
  });
  if (!scored.ok) return scored;
  return { ...scored, companyTargets: companyTargets(m.targets, m.staff, kpiCatalogue) };
}
