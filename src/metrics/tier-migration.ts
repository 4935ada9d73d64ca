import type { Grain, KpiRow } from '../model/kpi.ts';
import type { PeriodIndex } from './calendar.ts';
import type { EntityIndex } from './entity-index.ts';
import { ratioRow } from './kpi-rows.ts';
import { NONE, type CustomerFacts } from './orders.ts';
import { firstDayOfMonth, lastDayOfMonth, monthIndexOfDay } from './periods.ts';
import { assignTiers, trailingRevenues, TIER_NONE, type Cuts } from './value-tiers.ts';

/**
 * Value-tier migration between the ends of P−1 and P (docs/metrics.md, "Tier migration").
 * Snapshot days are period ends clamped to asOf; every quarter or year end is also a month end,
 * so tiers are computed once per month end (plus asOf and the day before the first period).
 *
 * Rows of the matrix: the tier at the first date (A, B, C, none) plus `new` = customers whose
 * first purchase falls after the first date, up to the second (they could not hold a tier yet).
 * `none` = customers who had purchased by the first date but have no tier there. Customers who
 * have not purchased by the second date (prospects) are in no row.
 * tier_upgrade_rate = customers whose tier rose (A > B > C > none) / customers with a tier other
 * than none at the first date; tier_downgrade_rate likewise. Customer attribution (owner).
 *
 * Member levels: the data has one current member_level per customer and no history, so a level
 * "at the end of P−1" is unknown; the member-level matrix needs snapshots we do not have and is
 * not computed (see MigrationResult.memberLevels).
 */
export type MigrationFrom = 'A' | 'B' | 'C' | 'none' | 'new';

export interface MigrationCell {
  grain: Grain;
  period: string;
  /** first snapshot day (end of P−1), ISO */
  from_date: string;
  to_date: string;
  from: MigrationFrom;
  to: 'A' | 'B' | 'C' | 'none';
  customers: number;
  /** customers / customers in the row; null for an empty row */
  share: number | null;
}

export interface MigrationResult {
  valueTiers: MigrationCell[];
  /** always null for now, with the reason */
  memberLevels: null;
  memberLevelsReason: 'needs_member_level_history';
}

const ROWS: readonly MigrationFrom[] = ['A', 'B', 'C', 'none', 'new'];
const COLS = ['A', 'B', 'C', 'none'] as const;
/** matrix slot of a from-code (0..3 = tier code, 4 = new) and a to-code */
const rowOf = (fromCode: number): number => (fromCode === 4 ? 4 : 3 - fromCode); // A,B,C,none,new
const colOf = (code: number): number => 3 - code;

export interface TierSnapshots {
  days: number[];
  tiers: Uint8Array[];
  at(day: number): Uint8Array;
}

/** What the tier snapshots read of the customer facts (a second thread gets copies of these). */
export type TierFacts = Pick<CustomerFacts, 'count' | 'ids' | 'start' | 'day' | 'amount'>;

/**
 * The days of the tier snapshots, ascending: every month end from the day before `fromDay` (the
 * start of the first year period, which precedes the first month and quarter) to asOf.
 */
export function snapshotDays(fromDay: number, monthPi: Pick<PeriodIndex, 'starts' | 'ends'>): number[] {
  const days: number[] = [];
  for (let mi = monthIndexOfDay(fromDay) - 1; firstDayOfMonth(mi + 1) <= monthPi.starts[0]!; mi++) days.push(lastDayOfMonth(mi));
  for (const e of monthPi.ends) days.push(e);
  return days;
}

/** each customer's tier at each of `days` (value-tiers.ts) */
export function snapshotTiers(cf: TierFacts, days: readonly number[], windowMonths: number, cuts: Cuts): Uint8Array[] {
  const tiers: Uint8Array[] = [];
  const scratch = new Float64Array(cf.count);
  trailingRevenues(cf, days, windowMonths, (_, rev) => tiers.push(assignTiers(rev, cf.ids, cuts, scratch)));
  return tiers;
}

export function tierSnapshotsOf(days: number[], tiers: Uint8Array[]): TierSnapshots {
  const index = new Map(days.map((d, i) => [d, i]));
  return {
    days,
    tiers,
    at(day) {
      const i = index.get(day);
      if (i === undefined) throw new Error(`no tier snapshot at day ${day}`);
      return tiers[i]!;
    },
  };
}

export function tierMigration(
  cf: CustomerFacts,
  ents: EntityIndex,
  pi: PeriodIndex,
  snaps: TierSnapshots,
  withMatrix: boolean,
  isoDay: (d: number) => string,
): { rows: KpiRow[]; cells: MigrationCell[] } {
  const nE = ents.count;
  const rows: KpiRow[] = [];
  const cells: MigrationCell[] = [];
  const up = new Float64Array(nE);
  const down = new Float64Array(nE);
  const den = new Float64Array(nE);
  const matrix = new Float64Array(25);
  for (let p = 0; p < pi.periods.length; p++) {
    const d1 = p > 0 ? pi.ends[p - 1]! : pi.starts[0]! - 1;
    const d2 = pi.ends[p]!;
    const t1 = snaps.at(d1);
    const t2 = snaps.at(d2);
    up.fill(0);
    down.fill(0);
    den.fill(0);
    matrix.fill(0);
    for (let c = 0; c < cf.count; c++) {
      const first = cf.firstPurchaseDay[c]!;
      if (first === NONE || first > d2) continue;
      const a = t1[c]!;
      const b = t2[c]!;
      matrix[rowOf(first > d1 ? 4 : a) * 5 + colOf(b)]!++;
      if (first > d1 || a === TIER_NONE) continue;
      for (let k = c * 4; k < c * 4 + 4; k++) {
        const e = ents.ofCustomer[k]!;
        if (e === NONE) continue;
        den[e]!++;
        if (b > a) up[e]!++;
        else if (b < a) down[e]!++;
      }
    }
    const id = pi.periods[p]!.id;
    for (let e = 0; e < nE; e++) {
      rows.push(ratioRow(ents.refs[e]!, pi.grain, id, 'tier_upgrade_rate', up[e]!, den[e]!));
      rows.push(ratioRow(ents.refs[e]!, pi.grain, id, 'tier_downgrade_rate', down[e]!, den[e]!));
    }
    if (withMatrix) {
      for (let r = 0; r < 5; r++) {
        let total = 0;
        for (let k = 0; k < 4; k++) total += matrix[r * 5 + k]!;
        for (let k = 0; k < 4; k++)
          cells.push({
            grain: pi.grain,
            period: id,
            from_date: isoDay(d1),
            to_date: isoDay(d2),
            from: ROWS[r]!,
            to: COLS[k]!,
            customers: matrix[r * 5 + k]!,
            share: total > 0 ? matrix[r * 5 + k]! / total : null,
          });
      }
    }
  }
  return { rows, cells };
}

