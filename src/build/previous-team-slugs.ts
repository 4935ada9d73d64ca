import { join } from 'node:path';
import { TEAM_SLUG_RECORD_PATH, teamSlugRecord, type TeamSlugRecord } from '../bundle/team-slugs.ts';
import type { FileSystem, Logger } from '../lib/effects.ts';

/**
 * The team URLs the previous site published (its `downloads/team-slugs.json`), carried into the
 * bundle so that the new site keeps a redirect page at every old team URL that still leads
 * somewhere (site-data/team-slugs.ts). No previous site: null. A record the build cannot read
 * (edited by hand, another version) is not trusted and said so: the new site then has no redirects
 * from it, which loses old links but never points one at the wrong team.
 */
export async function previousTeamSlugs(siteDir: string | undefined, fs: FileSystem, log: Logger): Promise<TeamSlugRecord | null> {
  if (!siteDir) return null;
  const path = join(siteDir, TEAM_SLUG_RECORD_PATH);
  if (!(await fs.exists(path))) return null;
  try {
    const parsed = teamSlugRecord.safeParse(JSON.parse(new TextDecoder().decode(await fs.readFile(path))));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: as unreadable as a record of another shape
  }
  log.warn(`${path} is not a team URL record this version reads: old team URLs get no redirect pages in this build`);
  return null;
}
