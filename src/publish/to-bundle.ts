import { definitionSettings } from '../metrics/definition-settings.ts';
import type { Config } from '../config/schema.ts';
import { isoDay } from '../lib/time-zone.ts';
import type { LedgerFile } from '../model/ledger.ts';
import type { AllMetrics } from '../metrics/compute-all-metrics.ts';
import { publishContacts } from './contacts.ts';
import { ledgerToMajor } from './ledger-money.ts';
import { moneyFor } from '../lib/money.ts';
import { applyPrivacy } from './privacy.ts';
import { renderMarkdown } from './render-markdown.ts';
import { combineFingerprints } from './fingerprint.ts';
import { DEFINITIONS_VERSION } from '../metrics/definitions-version.ts';
import type { Period } from '../metrics/periods.ts';
import type { RoleCard } from '../roles/role-card.ts';
import type { ScoreRolesResult } from '../scoring/index.ts';
import type { BundleData, Manifest, PeriodInfo, PersonRow } from '../bundle/contract.ts';

type Scored = Extract<ScoreRolesResult, { ok: true }>;

export interface BundleInput {
  config: Config;
  ledger: LedgerFile[];
  metrics: AllMetrics;
  cards: readonly RoleCard[];
  scoring: Scored;
  /** data file name → sha256 */
  inputs: Record<string, string>;
  /** keys the pseudonyms of personal identifiers (pseudonym-key.ts) */
  pseudonymKey: string;
}

const periodInfo = (p: Period): PeriodInfo => ({ id: p.id, start: isoDay(p.start), end: isoDay(p.end), complete: p.complete });
const lastComplete = (ps: Period[]): string | null => ps.filter((p) => p.complete).at(-1)?.id ?? null;

/**
 * The published bundle (written by write-bundle.ts under the file names of site-data/load.ts). Everything a page may show is in here, computed;
 * pages only select and format. Customers' phone and e-mail enter it masked unless
 * privacy.showContactDetails; personal data in any other text field is masked or pseudonymised.
 */
export function toBundle(b: BundleInput): BundleData {
  const { metrics: m, config } = b;
  const manifest: Manifest = {
    asOf: m.asOf,
    definitionsVersion: DEFINITIONS_VERSION,
    fingerprints: Object.keys(b.inputs)
      .sort()
      .map((file) => ({ file, sha256: b.inputs[file]! })),
    rowCounts: Object.fromEntries(b.ledger.filter((f) => f.present).map((f) => [f.name, f.accepted])),
    title: config.site.title,
    company: config.site.company ?? null,
    periods: { month: m.periods.month.map(periodInfo), quarter: m.periods.quarter.map(periodInfo), year: m.periods.year.map(periodInfo) },
    lastCompleteQuarter: lastComplete(m.periods.quarter),
    lastCompleteMonth: lastComplete(m.periods.month),
    filesPresent: b.ledger.filter((f) => f.present).map((f) => f.name),
    fingerprint: combineFingerprints(b.inputs).slice(0, 16),
    timezone: config.timezone,
    sitePeriods: config.site.periods,
    siteMonths: config.site.months,
    definitionSettings: definitionSettings(config),
    customerBase: m.customerBase.summary,
    targetStatus: config.site.status,
    gradeBands: config.scoring.grades,
    currency: config.currency,
    labels: Object.fromEntries(Object.entries(config.labels).map(([k, v]) => [k, typeof v === 'string' ? { en: v } : v])),
  };
  const s = m.staff?.columns;
  const people: PersonRow[] = [];
  if (s) {
    for (let i = 0; i < s.staff_id.length; i++) {
      people.push({
        staff_id: s.staff_id[i]!,
        name: s.name[i]!,
        role: s.role[i]!,
        team: s.team[i] ?? null,
        team_id: s.team[i] != null ? (s.team_id[i] ?? null) : null,
        manager_id: s.manager_id[i] ?? null,
        region: s.region[i] ?? null,
        active: s.active[i] ?? true,
      });
    }
  }
  // personal data in any text field is masked or pseudonymised on the way out (privacy.ts)
  return applyPrivacy<BundleData>({
    manifest,
    ledger: ledgerToMajor(b.ledger, moneyFor(config.currency)),
    kpis: m.kpis,
    cohorts: m.cohorts,
    customers: publishContacts(m.customers, m.contacts, config.privacy.showContactDetails),
    statusCounts: m.statusCounts,
    rfm: { edges: m.rfmEdges, segments: m.segments },
    valueTiers: { summary: m.valueTierSummary, pareto: m.pareto },
    migration: m.migration,
    ticketFacts: m.service.ticketFacts,
    complaintCategories: m.service.complaintCategories,
    backlog: m.service.backlog,
    satisfaction: { detail: m.service.satisfaction, complaint: m.service.complaintSatisfaction, dimensions: m.surveyDimensions },
    channels: m.service.channels,
    people,
    roles: b.cards.map(({ body, ...card }) => ({ ...card, bodyHtml: { 'zh-CN': renderMarkdown(body['zh-CN']), en: renderMarkdown(body.en) } })),
    scores: b.scoring.scores,
    teamScores: b.scoring.teamScores,
    weights: b.scoring.weights,
    scoringWarnings: b.scoring.warnings,
    customerHealth: m.customerBase.customers,
    customerPortfolio: m.customerBase.portfolio,
    companyTargets: b.scoring.companyTargets ?? [],
  }, b.pseudonymKey);
}
