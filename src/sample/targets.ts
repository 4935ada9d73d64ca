import { QUARTERS, quarterEnd, quarterIndex, quarterLabel, quarterStart } from './calendar.ts';
import { toCsv, type Cell } from './csv.ts';
import { currentOwner, type Customer } from './customers.ts';
import type { Purchase } from './orders.ts';
import type { Random } from './random.ts';
import { overlaps, salesTeams, type Person } from './staff.ts';

/**
 * Intended company-level rates the targets are set around (quarterly grain). They come from
 * the generator's own design (touch probabilities, SLA delays, satisfaction model), not from
 * the metric engine; each person or team gets its own noise, so some exceed and some miss.
 */
export const intendedRates = {
  retentionRate: 0.66,
  repeatRate: 0.8,
  coverageRate: 0.45,
  responseSlaRate: 0.9,
  firstResponseHours: 5,
  resolutionHours: 40,
  resolutionRate: 0.93,
  complaintSatisfaction: 0.6,
  csat: 0.7,
  reactivationRate: 0.2,
  tierUpgradeRate: 0.1,
  visitSlaRate: 0.85,
} as const;

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * targets.csv. Account managers: revenue and new customers per quarter are their team's
 * per-head average with noise (so the strong beat it and the weak miss), ratios around the
 * intended rates. Service managers: service targets per person. Relationship managers: team
 * targets. CRM specialists: none (they are scored relative to each other).
 */
export function buildTargets(rnd: Random, staff: readonly Person[], customers: readonly Customer[], purchases: readonly Purchase[]): string {
  const rows: Cell[][] = [];
  const person = new Map(staff.map((p) => [p.id, p]));
  const ams = staff.filter((p) => p.role === 'account-manager');
  // per team and quarter: revenue of its account managers and how many there were
  const revenue = new Map<string, number>();
  const newCustomers = new Map<string, number>();
  for (const p of purchases) {
    const owner = person.get(p.ownerId);
    if (owner?.role !== 'account-manager') continue;
    const k = `${owner.team}|${quarterIndex(p.t)}`;
    revenue.set(k, (revenue.get(k) ?? 0) + p.amount);
  }
  for (const c of customers) {
    const owner = person.get(currentOwner(c))!;
    if (c.firstMonth === null || owner.role !== 'account-manager') continue;
    const k = `${owner.team}|${Math.floor(c.firstMonth / 3)}`;
    newCustomers.set(k, (newCustomers.get(k) ?? 0) + 1);
  }
  const noisy = (x: number, sd: number) => x * (1 + rnd.normal() * sd);

  for (let q = 0; q < QUARTERS; q++) {
    const period = quarterLabel(q);
    for (const team of salesTeams) {
      const heads = ams.filter((p) => p.team === team && overlaps(p, quarterStart(q), quarterEnd(q))).length;
      for (const p of ams.filter((a) => a.team === team && overlaps(a, quarterStart(q), quarterEnd(q)))) {
        // a newcomer's first two quarters carry half a target
        const ramp = quarterIndex(p.hiredAt) >= q - 1 ? 0.5 : 1;
        const rev = ((revenue.get(`${team}|${q}`) ?? 0) / heads) * ramp;
        rows.push([p.id, null, period, 'revenue', Math.round(noisy(rev * 1.03, 0.06) / 1000) * 1000]);
        rows.push([p.id, null, period, 'new_customers', Math.max(1, Math.round(noisy(((newCustomers.get(`${team}|${q}`) ?? 0) / heads) * ramp, 0.1)))]);
        rows.push([p.id, null, period, 'retention_rate', round(noisy(intendedRates.retentionRate, 0.04), 2)]);
        rows.push([p.id, null, period, 'repeat_rate', round(noisy(intendedRates.repeatRate, 0.04), 2)]);
        rows.push([p.id, null, period, 'coverage_rate', round(noisy(intendedRates.coverageRate, 0.05), 2)]);
      }
    }
    for (const p of staff.filter((s) => s.role === 'customer-service-manager' && overlaps(s, quarterStart(q), quarterEnd(q)))) {
      rows.push([p.id, null, period, 'response_sla_rate', round(Math.min(0.99, noisy(intendedRates.responseSlaRate, 0.02)), 2)]);
      rows.push([p.id, null, period, 'first_response_hours', round(noisy(intendedRates.firstResponseHours, 0.1), 1)]);
      rows.push([p.id, null, period, 'resolution_hours', Math.round(noisy(intendedRates.resolutionHours, 0.1))]);
      rows.push([p.id, null, period, 'resolution_rate', round(Math.min(0.99, noisy(intendedRates.resolutionRate, 0.02)), 2)]);
      rows.push([p.id, null, period, 'complaint_satisfaction', round(noisy(intendedRates.complaintSatisfaction, 0.05), 2)]);
      rows.push([p.id, null, period, 'csat', round(noisy(intendedRates.csat, 0.04), 2)]);
    }
    for (const team of salesTeams) {
      rows.push([null, team, period, 'retention_rate', round(noisy(intendedRates.retentionRate, 0.03), 2)]);
      rows.push([null, team, period, 'reactivation_rate', round(noisy(intendedRates.reactivationRate, 0.1), 3)]);
      rows.push([null, team, period, 'tier_upgrade_rate', round(noisy(intendedRates.tierUpgradeRate, 0.1), 3)]);
      rows.push([null, team, period, 'csat', round(noisy(intendedRates.csat, 0.03), 2)]);
      rows.push([null, team, period, 'coverage_rate', round(noisy(intendedRates.coverageRate, 0.05), 2)]);
      rows.push([null, team, period, 'visit_sla_rate', round(Math.min(0.99, noisy(intendedRates.visitSlaRate, 0.03)), 2)]);
    }
  }
  return toCsv(['staff_id', 'team', 'period', 'kpi', 'target'], rows);
}
