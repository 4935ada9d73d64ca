import { posix } from 'node:path';
import type { FileSystem } from '../lib/effects.ts';
import { CONFIG_NAME, proposeConfig, type Proposal } from './propose.ts';
import { renderProposal, type Lang } from './render-proposal.ts';

/**
 * `npm run map` without its command line: every file directly in `dataDir` (sub-folders such as
 * roles/ and dot-files are not data exports) → the proposal and its config.yaml text.
 */
export async function mapData(o: { dataDir: string; fs: FileSystem; now: number; lang: Lang; label?: string }): Promise<{ proposal: Proposal; text: string }> {
  // config.yaml is what the proposal replaces, not an export
  const names = (await o.fs.readdir(o.dataDir)).filter((n) => !n.startsWith('.') && n !== CONFIG_NAME).sort();
  const files: { file: string; bytes: Uint8Array }[] = [];
  for (const file of names) {
    const path = posix.join(o.dataDir, file);
    const bytes = await o.fs.readFile(path).catch(() => null);
    if (bytes) files.push({ file, bytes });
  }
  // role-card ids (data/roles/<id>.md): a staff file without a role column is proposed one
  const roles = (await o.fs.readdir(posix.join(o.dataDir, 'roles')).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.md') && !n.startsWith('.')).map((n) => n.slice(0, -3)).sort();
  const proposal = proposeConfig({ files, now: o.now, roles });
  return { proposal, text: renderProposal(proposal, o.lang, o.label ?? o.dataDir) };
}
