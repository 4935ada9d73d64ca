import { createHash } from 'node:crypto';

/** sha256 hex of bytes or text. */
export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** One fingerprint for many named parts (order-independent: parts are sorted by name). */
export function combineFingerprints(parts: Record<string, string>): string {
  const h = createHash('sha256');
  for (const k of Object.keys(parts).sort()) h.update(`${k}\0${parts[k]}\0`);
  return h.digest('hex');
}
