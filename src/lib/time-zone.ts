/**
 * Instants (epoch ms) ↔ local calendar days in an IANA time zone, fast enough for millions of
 * rows: the zone's UTC offset is looked up through Intl once per UTC hour and cached, instead of
 * formatting every row.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface TimeZone {
  readonly name: string;
  /** offset of local time from UTC in ms at this instant */
  offsetAt(ms: number): number;
  /** local day number (days since 1970-01-01 in local time) of an instant */
  dayOf(ms: number): number;
  /** the instant of a local wall time; for a wall time skipped or repeated by DST, the earlier offset wins */
  instantOf(year: number, month: number, day: number, hour?: number, minute?: number, second?: number, ms?: number): number;
  /** the first instant of a local day number */
  startOfDay(day: number): number;
}

const cache = new Map<string, TimeZone>();

export function timeZone(name: string): TimeZone {
  const hit = cache.get(name);
  if (hit) return hit;
  // Throws RangeError for an unknown zone: config validation checks that first.
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsets = new Map<number, number>();
  const intlOffset = (hour: number): number => {
    const t = hour * HOUR_MS;
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - t;
  };
  // a direct-mapped front for the map (slot = hour mod 2¹⁶, with the hour as its tag): metrics
  // look up an offset per row, and most rows fall in a few tens of thousands of hours
  const slotHour = new Float64Array(1 << 16).fill(NaN);
  const slotOff = new Float64Array(1 << 16);
  const offsetAt = (ms: number): number => {
    const hour = Math.floor(ms / HOUR_MS);
    const slot = hour & 0xffff;
    if (slotHour[slot] === hour) return slotOff[slot]!;
    let off = offsets.get(hour);
    if (off === undefined) {
      // Intl once or three times per UTC day instead of once per hour: when the offset is the
      // same at 00:00, 12:00 and 23:00 UTC (no transition that day), every hour of the day has it
      const h0 = Math.floor(hour / 24) * 24;
      const a = intlOffset(h0);
      if (a === intlOffset(h0 + 12) && a === intlOffset(h0 + 23)) {
        for (let k = 0; k < 24; k++) offsets.set(h0 + k, a);
        off = a;
      } else {
        off = intlOffset(hour);
        offsets.set(hour, off);
      }
    }
    slotHour[slot] = hour;
    slotOff[slot] = off;
    return off;
  };
  const tz: TimeZone = {
    name,
    offsetAt,
    dayOf: (ms) => Math.floor((ms + offsetAt(ms)) / DAY_MS),
    instantOf(year, month, day, hour = 0, minute = 0, second = 0, milli = 0) {
      const wall = Date.UTC(year, month - 1, day, hour, minute, second, milli);
      // Offsets in force half a day either side cover any transition; a wall time that exists
      // twice takes the earlier instant, one skipped by a DST gap is read with the offset
      // before the gap (02:30 on a spring-forward day becomes 03:30).
      const before = offsetAt(wall - 12 * HOUR_MS);
      const after = offsetAt(wall + 12 * HOUR_MS);
      const a = wall - before;
      const b = wall - after;
      const aOk = a + offsetAt(a) === wall;
      const bOk = b + offsetAt(b) === wall;
      if (aOk && bOk) return Math.min(a, b);
      if (aOk) return a;
      if (bOk) return b;
      return a;
    },
    startOfDay(day) {
      const [y, m, d] = civil(day);
      return tz.instantOf(y, m, d);
    },
  };
  cache.set(name, tz);
  return tz;
}

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** [year, month 1–12, day 1–31] of a day number. */
export function civil(day: number): [number, number, number] {
  const d = new Date(day * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** Day number of a calendar date (no time zone involved). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export const isoDay = (day: number): string => {
  const [y, m, d] = civil(day);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

export function parseIsoDay(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayNumber(y, mo, d);
  const [cy, cm, cd] = civil(n);
  return cy === y && cm === mo && cd === d ? n : null;
}
