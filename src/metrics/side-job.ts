import { runFitJob, type FitJob, type FitOutcome } from './customer-base/fit-job.ts';
import { snapshotTiers, type TierFacts } from './tier-migration.ts';
import type { Cuts } from './value-tiers.ts';

/**
 * The metrics work that can run on a second thread beside the rest of the stage (side-thread.ts):
 * it reads only typed arrays, ids and numbers, and its answers are plain data. Two answers, in
 * this order: the value-tier snapshots (needed first, by tier migration) and the customer-base
 * models (needed last). The same functions run here or there, on the same numbers.
 */
export interface TierJob {
  facts: TierFacts;
  days: number[];
  windowMonths: number;
  cuts: Cuts;
}

export interface SideJob {
  tiers: TierJob;
  fit: FitJob;
}

export type SideAnswer = { kind: 'tiers'; tiers: Uint8Array[] } | { kind: 'fit'; out: FitOutcome };

export function runSideJob(job: SideJob, post: (a: SideAnswer) => void): void {
  const t = job.tiers;
  post({ kind: 'tiers', tiers: snapshotTiers(t.facts, t.days, t.windowMonths, t.cuts) });
  post({ kind: 'fit', out: runFitJob(job.fit) });
}
