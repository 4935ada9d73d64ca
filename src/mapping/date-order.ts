import type { FileProfile } from './profile-file.ts';

/**
 * A file's `dateOrder` from its values (never a guess): every column holding day/month-first
 * dates is weighed (profile-file.ts); the order is proven when some rows read only one way and no
 * row reads only the other. Evidence from any column counts (one export writes all its dates
 * alike), and is reported per column.
 */
export type DateOrderFinding =
  | { kind: 'none' }
  | { kind: 'proven'; order: 'dmy' | 'mdy'; rows: number; example: string; columns: string[]; either: number }
  | { kind: 'unproven'; rows: number; columns: string[] }
  | { kind: 'conflict'; dmy: { rows: number; example: string; columns: string[] }; mdy: { rows: number; example: string; columns: string[] } };

export function inferDateOrder(profile: FileProfile): DateOrderFinding {
  const watched = profile.columns.filter((c) => c.order);
  if (watched.length === 0) return { kind: 'none' };
  const side = (k: 'dmy' | 'mdy') => {
    const cols = watched.filter((c) => c.order![k] > 0);
    return {
      rows: cols.reduce((n, c) => n + c.order![k], 0),
      example: cols.length ? (k === 'dmy' ? cols[0]!.order!.dmyExample : cols[0]!.order!.mdyExample) ?? '' : '',
      columns: cols.map((c) => c.header),
    };
  };
  const dmy = side('dmy'), mdy = side('mdy');
  const either = watched.reduce((n, c) => n + c.order!.either, 0);
  if (dmy.rows > 0 && mdy.rows > 0) return { kind: 'conflict', dmy, mdy };
  if (dmy.rows > 0) return { kind: 'proven', order: 'dmy', ...dmy, either };
  if (mdy.rows > 0) return { kind: 'proven', order: 'mdy', ...mdy, either };
  return { kind: 'unproven', rows: either, columns: watched.map((c) => c.header) };
}
