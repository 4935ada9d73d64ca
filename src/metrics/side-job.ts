import { monthTable } from './calendar.ts';
import { cohortRetention, type CohortBook, type CohortCell } from './cohort-retention.ts';
import { runFitJob, type FitJob, type FitOutcome } from './customer-base/fit-job.ts';
import { snapshotTiers, type TierFacts } from './tier-migration.ts';
import type { Cuts } from './value-tiers.ts';

/**
 * The metrics work that can run on a second thread beside the rest of the stage (side-thread.ts):
 * it reads only per-customer typed arrays, ids, names and numbers, and its answers are plain
 * data. Three answers, in the order the stage needs them: the value-tier snapshots (tier
 * migration, right after lifecycle), the cohort cells, then the customer-base models (last). The
 * same functions run here or there, on the same numbers.
 */
export interface SideJob {
  /** per-customer facts: what the tier snapshots and the cohorts read */
  facts: TierFacts & CohortBook['customers'];
  names: CohortBook['names'];
  tiers: { days: number[]; windowMonths: number; cuts: Cuts };
  /** the cohorts' month table spans [lowDay, asOfDay] (calendar.ts monthTable) */
  cohorts: { asOfDay: number; lowDay: number };
  fit: FitJob;
}

export type SideAnswer =
  | { kind: 'tiers'; tiers: Uint8Array[] }
  | { kind: 'cohorts'; cells: CohortCell[] }
  | { kind: 'fit'; out: FitOutcome };

export function runSideJob(job: SideJob, post: (a: SideAnswer) => void): void {
  const t = job.tiers;
  post({ kind: 'tiers', tiers: snapshotTiers(job.facts, t.days, t.windowMonths, t.cuts) });
  const c = job.cohorts;
  post({ kind: 'cohorts', cells: cohortRetention({ customers: job.facts, names: job.names }, c.asOfDay, monthTable(c.lowDay, c.asOfDay)) });
  post({ kind: 'fit', out: runFitJob(job.fit) });
}
