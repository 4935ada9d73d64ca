import type { PersonRow, SiteBundle } from '../bundle/contract.ts';
import type { TeamSlugRecord } from '../bundle/team-slugs.ts';
import { foldedSlug, uniqueSlugs } from './slug.ts';

/**
 * Team URLs that survive a rename. A team's slug is its staff.csv `team_id` when the data gives
 * one, else its name (paths.ts: unsafe characters replaced, clashes numbered). The previous
 * site's record (bundle `previousTeamSlugs`) lists every slug it published with the team's id,
 * name and members; an old slug that is no longer a team's gets a redirect page when it leads
 * to a team of this build:
 *   1. an old team with an id → the team with that id now;
 *   2. an old team without an id → the team of that name now (the team has been given an id);
 *   3. else the team where more than half of the old team's members are now (a team without an
 *      id renamed: its people are what identifies it). No such team (the team was dissolved or
 *      split): no page, the old URL answers with the site's 404.
 * The new record lists this build's teams and every old slug still redirected (as it was
 * recorded, so a later build resolves it again): a URL once published keeps leading somewhere
 * for as long as its team exists.
 */
export interface TeamRedirect {
  /** the old slug */
  slug: string;
  /** the team it was, by the name it had */
  from: string;
  /** the current team it leads to */
  to: string;
}

export interface TeamSlugs {
  /** current team name → slug */
  slug: Map<string, string>;
  redirects: TeamRedirect[];
  record: TeamSlugRecord;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** team name → its id (the first given: conflicts stop the build, ingest/team-ids.ts) */
const teamIds = (people: readonly PersonRow[]): Map<string, string> => {
  const out = new Map<string, string>();
  for (const p of people) if (p.team != null && p.team_id != null && !out.has(p.team)) out.set(p.team, p.team_id);
  return out;
};

type TeamSource = Pick<SiteBundle, 'people' | 'teamScores' | 'previousTeamSlugs'>;
const cache = new WeakMap<TeamSource, TeamSlugs>();

/** The team slugs of a bundle, worked out once (links, team pages, redirects and the record read them). */
export function teamSlugs(b: TeamSource): TeamSlugs {
  let s = cache.get(b);
  if (!s) cache.set(b, (s = computeTeamSlugs(b)));
  return s;
}

function computeTeamSlugs(b: TeamSource): TeamSlugs {
  const people = b.people ?? [];
  const names = new Set<string>();
  for (const p of people) if (p.team != null) names.add(p.team);
  for (const s of b.teamScores ?? []) names.add(s.team);
  const teams = [...names].sort(byString);
  const ids = teamIds(people);
  const slug = uniqueSlugs(teams, (n) => ids.get(n) ?? n);
  const members = new Map<string, string[]>(teams.map((t) => [t, []]));
  const teamOf = new Map<string, string>();
  for (const p of [...people].sort((x, y) => byString(x.staff_id, y.staff_id))) {
    if (p.team == null) continue;
    members.get(p.team)!.push(p.staff_id);
    teamOf.set(p.staff_id, p.team);
  }
  const byId = new Map([...ids].map(([team, id]) => [id, team]));
  const live = new Set([...slug.values()].map(foldedSlug));

  const resolve = (old: TeamSlugRecord['teams'][number]): string | null => {
    if (old.id != null) {
      const t = byId.get(old.id);
      if (t != null) return t;
    } else if (names.has(old.name)) return old.name;
    const counts = new Map<string, number>();
    for (const m of old.members) {
      const t = teamOf.get(m);
      if (t != null) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    for (const [t, n] of counts) if (n * 2 > old.members.length) return t;
    return null;
  };

  const redirects: TeamRedirect[] = [];
  const kept: TeamSlugRecord['teams'] = [];
  const seen = new Set<string>();
  for (const old of b.previousTeamSlugs?.teams ?? []) {
    const key = foldedSlug(old.slug);
    if (live.has(key) || seen.has(key)) continue;
    const to = resolve(old);
    if (to == null) continue;
    seen.add(key);
    redirects.push({ slug: old.slug, from: old.name, to });
    kept.push(old);
  }
  redirects.sort((x, y) => byString(x.slug, y.slug));
  const current = teams.map((t) => ({ slug: slug.get(t)!, id: ids.get(t) ?? null, name: t, members: members.get(t)! }));
  return { slug, redirects, record: { version: 1, teams: [...current, ...kept.sort((x, y) => byString(x.slug, y.slug))] } };
}
