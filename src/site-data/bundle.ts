import type { KpiDefinition, KpiRow, Localized } from '../model/kpi.ts';
import type { LedgerFile } from '../model/ledger.ts';
import type { Grain } from '../model/kpi.ts';

/**
 * The published bundle: the JSON files the build script writes into
 * `ACCOUNTABLE_BUNDLE_DIR` (default `.accountable/bundle`) and the only thing pages read.
 *
 * To add a table (cohorts, tiers, scores, service, satisfaction …):
 *   1. add its row type and an optional key below (`cohorts?: CohortRow[]`),
 *   2. add one entry to `bundleFiles` in load.ts (`cohorts: 'cohorts.json'`).
 * Optional tables are `null` when the file is absent, so pages can show an empty state.
 */

export interface PeriodInfo {
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY` */
  id: string;
  /** first day, `YYYY-MM-DD` */
  start: string;
  /** last day, `YYYY-MM-DD` */
  end: string;
  /** ends on or before asOf */
  complete: boolean;
}

export interface Manifest {
  /** `YYYY-MM-DD` */
  asOf: string;
  definitionsVersion: string;
  /** one digest of all inputs (and config): the "data fingerprint" in every page footer */
  fingerprint?: string;
  /** input files' sha256, in a stable order */
  fingerprints: { file: string; sha256: string }[];
  /** accepted rows per input name */
  rowCounts: Record<string, number>;
  /** site title (config site.title) */
  title: Localized;
  /** company name when configured (config site.company) */
  company?: Localized | null;
  /** every period with data, oldest first */
  periods: Record<Grain, PeriodInfo[]>;
  lastCompleteQuarter: string | null;
  lastCompleteMonth: string | null;
  /** canonical input names present, e.g. `['orders', 'customers']` */
  filesPresent: string[];
  /** IANA time zone of local dates (config timezone), default Asia/Shanghai */
  timezone?: string;
  /** how many complete quarters / months get their own period pages (config site.periods / site.months) */
  sitePeriods?: number;
  siteMonths?: number;
}

/** Required parts: every bundle has them. */
export interface CoreBundle {
  manifest: Manifest;
  ledger: LedgerFile[];
  kpis: KpiRow[];
}

/** Parts added later by the lead; absent file ⇒ null. Extend here. */
export interface OptionalBundle {
  // cohorts: CohortRow[] | null;
  // tiers: CustomerTierRow[] | null;
  // scores: ScoreRow[] | null;
}

export interface SiteBundle extends CoreBundle, OptionalBundle {
  /** the KPI catalogue (code, not a file): definitions shown next to figures */
  catalogue: readonly KpiDefinition[];
}
