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
import type { CompanyTargetRow } from '../scoring/company-targets.ts';
import type { RoleCard } from '../roles/role-card.ts';
import type { CustomerTierRow } from '../metrics/customer-tier-rows.ts';
import type { CustomerBaseSummary, CustomerHealthRow } from '../metrics/customer-base/index.ts';
import type { PortfolioRow } from '../metrics/customer-base/portfolio.ts';
import type { ScoreRow, ScoringWarning, TeamScoreRow, WeightDerivation } from '../scoring/index.ts';
import type { TeamSlugRecord } from './team-slugs.ts';

/**
 * The bundle contract: what the data half of a build writes (src/publish/to-bundle.ts,
 * write-bundle.ts) and the site reads (src/site-data/load.ts): the tables' types, the file
 * names, and (./ndjson.ts) how large tables are written and read row by row. Both sides import
 * this module and nothing of each other.
 *
 * The published bundle: the JSON files the build script writes into
 * `ACCOUNTABLE_BUNDLE_DIR` (default `.accountable/bundle`) and the only thing pages read.
 *
 * To add a table (cohorts, tiers, scores, service, satisfaction …):
 *   1. add its row type and an optional key below (`cohorts?: CohortRow[]`),
 *   2. add one entry to `optionalFiles` below (`cohorts: 'cohorts.ndjson'`).
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
  /** the customer-base models' settings, fitted parameters (or why none) and holdout check */
  customerBase?: CustomerBaseSummary;
  /** config labels: a data value → its text per page language (site-data/data-labels.ts); absent: none */
  labels?: Record<string, Partial<Localized>>;
  /** status of a KPI against its target (config site.status): on track at ≥ onTrack × target, at risk at ≥ atRisk × */
  targetStatus?: { onTrack: number; atRisk: number };
  /** grade bands of scoring (config scoring.grades): target-mode score floors, relative-mode rank shares */
  gradeBands?: { target: { S: number; A: number; B: number; C: number }; relative: { S: number; A: number; B: number; C: number; D: number } };
  /** only in an audience's site (config audiences, src/publish/audience-bundle.ts): whose rows it holds */
  audience?: AudienceInfo;
  /** ISO 4217 code of every amount in the bundle (config currency), in major units; absent: CNY */
  currency?: string;
}

/** An audience's site as its manifest states it (docs/hosting.md). */
export interface AudienceInfo {
  name: string;
  label: Localized | null;
  /** the URL path the site is built for */
  base: string;
  companyFigures: 'aggregates' | 'teams';
  ranks: 'within' | 'company';
  teams: string[];
  regions: string[];
  people: number;
  customers: number;
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
  /** one row per modelled customer (BG/NBD, Gamma-Gamma, value); empty when the models gave no figures */
  customerHealth: CustomerHealthRow[] | null;
  /** portfolio sums per company, owner, team and region */
  customerPortfolio: PortfolioRow[] | null;
  /** company targets, own or the sum of team targets (scoring/company-targets.ts); absent in older bundles */
  companyTargets?: CompanyTargetRow[] | null;
  /** the team URLs the previous site published (bundle/team-slugs.ts); absent: no previous site, or an audience's */
  previousTeamSlugs?: TeamSlugRecord | null;
}

/** A staff member as pages show them (staff.csv holds no contact details). */
export interface PersonRow {
  staff_id: string;
  name: string;
  role: string;
  team: string | null;
  /** staff.csv `team_id`: the team's URL slug when given (site-data/team-slugs.ts); absent in older bundles */
  team_id?: string | null;
  manager_id: string | null;
  region: string | null;
  active: boolean;
}

/** A role card's front matter as published, with its Markdown body rendered to safe HTML per language (publish/render-markdown.ts). */
export type PublishedRoleCard = Omit<RoleCard, 'body'> & { bodyHtml: Localized };

/** Every bundle part, all present: what the build writes. */
export type BundleData = CoreBundle & { [K in keyof OptionalBundle]: NonNullable<OptionalBundle[K]> };

export interface SiteBundle extends CoreBundle, OptionalBundle {
  /** the KPI catalogue (code, not a file): definitions shown next to figures */
  catalogue: readonly KpiDefinition[];
}

/** A customer row as published: its tiers plus contact details, masked unless configured (src/publish/contacts.ts). */
export type PublishedCustomer = CustomerTierRow & { phone: string | null; email: string | null };

/**
 * bundle key → file name. Core files must exist; optional ones may be missing (→ null).
 * Tables that grow with the number of people and customers are NDJSON (one row a line), so
 * none has to be a single string (./ndjson.ts).
 */
export const coreFiles: { [K in keyof CoreBundle]: string } = {
  manifest: 'manifest.json',
  ledger: 'ledger.json',
  kpis: 'kpis.ndjson',
};
export const optionalFiles: { [K in keyof OptionalBundle]-?: string } = {
  cohorts: 'cohorts.ndjson',
  customers: 'customers.ndjson',
  statusCounts: 'status-counts.ndjson',
  rfm: 'rfm.json',
  valueTiers: 'value-tiers.json',
  migration: 'migration.json',
  ticketFacts: 'ticket-facts.ndjson',
  complaintCategories: 'complaint-categories.ndjson',
  backlog: 'backlog.ndjson',
  satisfaction: 'satisfaction.json',
  channels: 'channels.ndjson',
  people: 'people.json',
  roles: 'roles.json',
  scores: 'scores.ndjson',
  teamScores: 'team-scores.ndjson',
  weights: 'weights.json',
  scoringWarnings: 'scoring-warnings.json',
  customerHealth: 'customer-health.ndjson',
  customerPortfolio: 'customer-portfolio.ndjson',
  companyTargets: 'company-targets.json',
  previousTeamSlugs: 'previous-team-slugs.json',
};
