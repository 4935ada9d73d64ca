import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { FileSystem } from '../lib/effects.ts';

/**
 * The secret that keys the pseudonyms of personal identifiers (mask.ts `pseudonym`): made once,
 * kept beside the cache (default `.accountable/pseudonym-key`), never published. The same key
 * gives the same pseudonyms build after build, so shared links keep working; without it a
 * pseudonym cannot be traced back to the phone number or e-mail. Deleting it changes every
 * pseudonym at the next build.
 */
export async function pseudonymKey(path: string, fs: FileSystem): Promise<string> {
  if (await fs.exists(path)) {
    const key = new TextDecoder().decode(await fs.readFile(path)).trim();
    if (/^[0-9a-f]{64}$/.test(key)) return key;
  }
  const key = randomBytes(32).toString('hex');
  await fs.mkdir(dirname(path));
  await fs.writeFile(path, key + '\n');
  return key;
}
