import type { DefinitionSettings } from '../metrics/definition-settings.ts';
import type { KpiDefinition, KpiRow, Localized } from '../model/kpi.ts';
import type { LedgerFile } from '../model/ledger.ts';
import type { Grain } from '../model/kpi.ts';
import type { CohortCell } from '../metrics/cohort-retention.ts';
import type { StatusCount } from '../metrics/customer-status.ts';
import type { SegmentsSummary } from '../metrics/index.ts';
import type { RfmEdges } from '../metrics/rfm.ts';
import type { MigrationResult } from '../metrics/tier-migration.ts';
import type { ParetoPoint, TierSummary } from '../metrics/value-tiers.ts';
import type { BacklogRow, ComplaintCategoryRow, TicketFact } from '../metrics/tickets.ts';
import type { ChannelRow } from '../metrics/channels.ts';
import type { SatisfactionDetailRow } from '../metrics/satisfaction-detail.ts';
import type { RoleCard } from '../roles/role-card.ts';
import type { PublishedCustomer } from '../publish/contacts.ts';
import type { ScoreRow, ScoringWarning, TeamScoreRow, WeightDerivation } from '../scoring/index.ts';

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
  /** the thresholds definitions state (dormant days, SLA hours, tier cuts …); absent: the defaults */
  definitionSettings?: DefinitionSettings;
}

/** Required parts: every bundle has them. */
export interface CoreBundle {
  manifest: Manifest;
  ledger: LedgerFile[];
  kpis: KpiRow[];
}

/**
 * Tables beyond the core; a file that is absent loads as null (pages then show an empty state).
 * The build writes every one of them (src/publish/to-bundle.ts); the types come from the stage
 * that computes each table, so a change there is a type error here.
 */
export interface OptionalBundle {
  cohorts: CohortCell[] | null;
  customers: PublishedCustomer[] | null;
  statusCounts: StatusCount[] | null;
  rfm: { edges: RfmEdges; segments: SegmentsSummary } | null;
  valueTiers: { summary: TierSummary[]; pareto: ParetoPoint[] } | null;
  migration: MigrationResult | null;
  ticketFacts: TicketFact[] | null;
  complaintCategories: ComplaintCategoryRow[] | null;
  backlog: BacklogRow[] | null;
  satisfaction: { detail: SatisfactionDetailRow[]; complaint: SatisfactionDetailRow[]; dimensions: string[] } | null;
  channels: ChannelRow[] | null;
  people: PersonRow[] | null;
  roles: PublishedRoleCard[] | null;
  scores: ScoreRow[] | null;
  teamScores: TeamScoreRow[] | null;
  weights: WeightDerivation[] | null;
  scoringWarnings: ScoringWarning[] | null;
}

/** A staff member as pages show them (staff.csv holds no contact details). */
export interface PersonRow {
  staff_id: string;
  name: string;
  role: string;
  team: string | null;
  manager_id: string | null;
  region: string | null;
  active: boolean;
}

/** A role card's front matter as published (the Markdown body is rendered from the content collection). */
export type PublishedRoleCard = Omit<RoleCard, 'body'>;

/** Every bundle part, all present: what the build writes. */
export type BundleData = CoreBundle & { [K in keyof OptionalBundle]: NonNullable<OptionalBundle[K]> };

export interface SiteBundle extends CoreBundle, OptionalBundle {
  /** the KPI catalogue (code, not a file): definitions shown next to figures */
  catalogue: readonly KpiDefinition[];
}
