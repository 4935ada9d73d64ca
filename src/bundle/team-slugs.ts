import { z } from 'zod';

/**
 * The team URLs a site published, as `/downloads/team-slugs.json` in its output: the next build
 * reads it from the previous dist/ (src/build/previous-team-slugs.ts) so that a team whose URL
 * changed (renamed without a `team_id`, or given one) keeps its old URL as a redirect page
 * (src/site-data/team-slugs.ts decides where each old URL leads).
 */
export const teamSlugRecord = z.object({
  version: z.literal(1),
  teams: z.array(
    z.object({
      /** the path segment under /teams/ */
      slug: z.string().min(1),
      /** staff.csv `team_id` of the team, null when the data gave none */
      id: z.string().nullable(),
      name: z.string(),
      /** staff ids of its members when the slug was published */
      members: z.array(z.string()),
    }),
  ),
});
export type TeamSlugRecord = z.infer<typeof teamSlugRecord>;

/** where a built site holds its record, relative to the site's root folder */
export const TEAM_SLUG_RECORD_PATH = 'downloads/team-slugs.json';
