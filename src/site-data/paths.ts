/** URLs of person and team pages, one source for every page that links to them (segments by slug.ts). */
import { localePath, type Locale } from '../i18n/index.ts';
import type { SiteBundle } from '../bundle/contract.ts';
import { uniqueSlugs } from './slug.ts';
import { teamSlugs } from './team-slugs.ts';

export { SLUG_MAX_BYTES, slugify, uniqueSlugs } from './slug.ts';

interface Slugs {
  person: Map<string, string>;
  team: Map<string, string>;
}
const cache = new WeakMap<object, Slugs>();

type SlugSource = Pick<SiteBundle, 'people' | 'teamScores' | 'previousTeamSlugs'>;

/** The slugs of everyone in the bundle: staff ids in file order, teams by team-slugs.ts. */
export function slugs(b: SlugSource): Slugs {
  let s = cache.get(b);
  if (!s) {
    const people = b.people ?? [];
    s = { person: uniqueSlugs(people.map((p) => p.staff_id)), team: teamSlugs(b).slug };
    cache.set(b, s);
  }
  return s;
}

/** `/teams/<slug>/` in the locale, or null when the team has no page. */
export const teamHref = (b: SlugSource, locale: Locale, team: string | null | undefined): string | null => {
  const s = team ? slugs(b).team.get(team) : undefined;
  return s ? localePath(locale, `/teams/${s}/`) : null;
};

/** `/people/<slug>/` in the locale, or null when the person has no page. */
export const personHref = (b: SlugSource, locale: Locale, staffId: string | null | undefined): string | null => {
  const s = staffId ? slugs(b).person.get(staffId) : undefined;
  return s ? localePath(locale, `/people/${s}/`) : null;
};
