import { fitCustomerBase, type CustomerBaseModel, type ModelSettings } from './customer-base-model.ts';
import { holdoutCheck, type Holdout } from './holdout.ts';
import type { PurchaseRuns } from './repeat-summary.ts';

/**
 * The customer-base models' number crunching, as one job that needs nothing but typed arrays and
 * numbers: the fit on the purchases up to the calibration end, then the holdout refit on the
 * last complete period (which starts from the main fit's parameters, so it comes second). Run
 * here or on a second thread (../side-thread.ts) while the main thread computes the other families:
 * the same code on the same numbers, so the same figures either way.
 */
export interface FitJob {
  runs: PurchaseRuns;
  calEndDay: number;
  settings: ModelSettings;
  /** the last complete period's first and last day; null when there is none */
  holdout: { start: number; end: number } | null;
}

export interface FitOutcome {
  model: CustomerBaseModel;
  holdout: Holdout | null;
}

/** `onFitted`: called between the fit and the holdout refit (the bench times them apart) */
export function runFitJob(job: FitJob, onFitted?: () => void): FitOutcome {
  const model = fitCustomerBase(job.runs, job.calEndDay, job.settings);
  onFitted?.();
  const holdout = job.holdout
    ? holdoutCheck(job.runs, job.holdout.start, job.holdout.end, job.settings.timeUnit, model.ok ? model.bgnbd.params : undefined)
    : null;
  return { model, holdout };
}
