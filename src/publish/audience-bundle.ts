import type { BundleData, PersonRow } from '../bundle/contract.ts';
import type { LedgerFile } from '../model/ledger.ts';
import type { EntityType } from '../model/kpi.ts';
import { rankScores } from '../scoring/rank.ts';
import type { ScoreRow, TeamScoreRow } from '../scoring/index.ts';
import type { AudienceScope } from './audience-scope.ts';

/**
 * An audience's bundle: the company's published bundle restricted to what the audience may see
 * (audience-scope.ts). The data stages ran once; this only selects rows, so every figure an
 * audience sees is the company build's own. Pages, CSV downloads, the JSON manifest and the search
 * index are all made from the bundle, so what is not in here is nowhere in the audience's site.
 *
 * - people, customers, scores, call lists, tickets and backlog: only the audience's;
 * - team and region rows: the audience's own; every team's and region's with companyFigures `teams`;
 * - company rows and company-level tables (cohorts, RFM, tiers, channels, company targets): kept,
 *   they are aggregates (a company total names nobody);
 * - ranks: recomputed among the people (teams) the audience sees, or with ranks `company` the
 *   company's rank, shown without the count (the count would be the company's);
 * - the ledger: counts only, no example values (they may quote another team's rows).
 * The company bundle is not changed.
 */
export function audienceBundle(b: BundleData, s: AudienceScope): BundleData {
  const fig = s.settings.companyFigures;
  const seen = (type: EntityType, id: string | null): boolean => {
    if (id == null) return type === 'company';
    switch (type) {
      case 'company': return true;
      case 'person': return s.people.has(id);
      case 'team': return s.teams.has(id) || fig === 'teams';
      case 'region': return s.regions.has(id) || fig === 'teams';
    }
  };
  const byEntity = <T extends { entity_type: EntityType; entity_id: string }>(rows: readonly T[]) => rows.filter((r) => seen(r.entity_type, r.entity_id));
  const owned = <T extends { owner_id: string | null }>(rows: readonly T[]) => rows.filter((r) => r.owner_id != null && s.people.has(r.owner_id));
  const within = s.settings.ranks === 'within';
  const scores = b.scores.filter((r) => s.people.has(r.staff_id));
  const teamScores = b.teamScores.filter((r) => seen('team', r.team));
  const label = s.settings.label ?? { 'zh-CN': s.name, en: s.name };

  return {
    manifest: {
      ...b.manifest,
      // every page's title and header say whose site it is
      title: { 'zh-CN': `${b.manifest.title['zh-CN']} · ${label['zh-CN']}`, en: `${b.manifest.title.en} · ${label.en}` },
      audience: {
        name: s.name,
        label: s.settings.label ?? null,
        base: s.base,
        companyFigures: fig,
        ranks: s.settings.ranks,
        teams: [...s.teams].sort(),
        regions: [...s.regions].sort(),
        people: s.people.size,
        customers: s.customers.size,
      },
    },
    ledger: b.ledger.map(countsOnly),
    kpis: byEntity(b.kpis),
    cohorts: b.cohorts.filter((c) => cohortSeen(c.dimension, c.key)),
    customers: b.customers.filter((c) => s.customers.has(c.customer_id)),
    statusCounts: byEntity(b.statusCounts),
    rfm: b.rfm,
    valueTiers: b.valueTiers,
    migration: b.migration,
    ticketFacts: owned(b.ticketFacts),
    complaintCategories: byEntity(b.complaintCategories),
    backlog: owned(b.backlog),
    satisfaction: { ...b.satisfaction, detail: byEntity(b.satisfaction.detail), complaint: byEntity(b.satisfaction.complaint) },
    channels: b.channels,
    people: b.people.filter((p) => s.people.has(p.staff_id)).map((p) => personSeen(p, s)),
    roles: b.roles,
    scores: within ? reRank(scores, (r) => r.staff_id) : scores,
    teamScores: within ? reRank(teamScores, (r) => r.team) : teamScores,
    weights: b.weights,
    // a warning about one of its people, or about a role; a duplicate target without a person names a team
    scoringWarnings: b.scoringWarnings.filter((w) => (w.staff_id != null ? s.people.has(w.staff_id) : w.code !== 'duplicate_target')),
    customerHealth: b.customerHealth.filter((c) => s.customers.has(c.customer_id)),
    customerPortfolio: b.customerPortfolio.filter((r) => (r.level === 'owner' ? r.key != null && s.people.has(r.key) : seen(r.level, r.key))),
    companyTargets: b.companyTargets ?? [],
  };

  function cohortSeen(dimension: BundleData['cohorts'][number]['dimension'], key: string): boolean {
    if (dimension === 'owner') return s.people.has(key);
    if (dimension === 'channel') return true;
    return seen(dimension, key);
  }
}

/** a person as the audience sees them: a team or manager outside the audience is not named */
function personSeen(p: PersonRow, s: AudienceScope): PersonRow {
  return {
    ...p,
    team: p.team != null && s.teams.has(p.team) ? p.team : null,
    team_id: p.team != null && s.teams.has(p.team) ? (p.team_id ?? null) : null,
    manager_id: p.manager_id != null && s.people.has(p.manager_id) ? p.manager_id : null,
  };
}

/** a ledger entry without example values: they may quote another team's rows */
function countsOnly(f: LedgerFile): LedgerFile {
  return {
    ...f,
    reasons: f.reasons.map((r) => ({ ...r, examples: [] })),
    ...(f.warnings ? { warnings: f.warnings.map((w) => ({ ...w, examples: [] })) } : {}),
  };
}

/**
 * Competition ranks again, within each role, grain and period, among the rows kept
 * (scoring/rank.ts). A row the company left unranked (a leaver, no score) stays unranked.
 */
function reRank<T extends ScoreRow | TeamScoreRow>(rows: readonly T[], id: (r: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    if (r.rank == null) continue;
    const k = `${r.role}\u0000${r.grain}\u0000${r.period}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  const rank = new Map<T, number | null>();
  for (const g of groups.values()) {
    for (const x of rankScores(g.map((row) => ({ id: id(row), score: row.score, row })))) rank.set(x.row, x.rank);
  }
  return rows.map((r) => ({ ...r, rank: rank.get(r) ?? null }));
}
