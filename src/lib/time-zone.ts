/**
 * The project's one calendar: local calendar days and wall times ↔ instants (epoch ms) in an IANA
 * time zone, for ingest (reading a date cell) and metrics (the day an instant falls on) alike.
 * Fast enough for millions of rows: the zone's UTC offset is looked up through Intl once per UTC
 * hour and cached, and a wall time on a day without an offset change is one array lookup.
 *
 * The policy for wall times a DST change makes ambiguous (Temporal's `disambiguation:
 * 'compatible'`, and what java.time and most databases do):
 * - **gap** (a wall time that never happens, clocks jump forward): it moves forward by the length
 *   of the gap. 02:30 on a New York spring-forward day is 03:30 EDT; 00:00 on a Santiago
 *   spring-forward day (clocks go from 00:00 to 01:00) is 01:00 the same day, so a date-only
 *   value always stays on its own day.
 * - **overlap** (a wall time that happens twice, clocks go back): the earlier instant.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** offsets lie within UTC−12 … UTC+14: the instants of a local day lie inside this window of its wall time */
const MAX_EAST = 14 * HOUR_MS;
const MAX_WEST = 12 * HOUR_MS;
const DAY_SLOTS = 1 << 16;

export interface TimeZone {
  readonly name: string;
  /** offset of local time from UTC in ms at this instant */
  offsetAt(ms: number): number;
  /** local day number (days since 1970-01-01 in local time) of an instant */
  dayOf(ms: number): number;
  /**
   * the instant of a wall time written as if it were UTC (`Date.UTC(y, m − 1, d, h, mi, s)`), by the
   * gap/overlap policy above; one array lookup on a day without an offset change
   */
  instantOfWall(wall: number): number;
  /** the instant of a local wall time (month 1–12), by the gap/overlap policy above */
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
  /** the wall time's instant, resolved by the policy: offsets in force ± half a day cover any change */
  const resolve = (wall: number): number => {
    const before = offsetAt(wall - 12 * HOUR_MS);
    const after = offsetAt(wall + 12 * HOUR_MS);
    const a = wall - before;
    const b = wall - after;
    const aOk = a + offsetAt(a) === wall;
    const bOk = b + offsetAt(b) === wall;
    if (aOk && bOk) return Math.min(a, b); // overlap: the earlier instant
    if (aOk) return a;
    if (bOk) return b;
    return a; // gap: read with the offset before it, i.e. moved forward by the gap's length
  };
  // per local day (days 0 … 2¹⁶ − 1, 1970 to 2149, in an array; others in a map): the day's one
  // offset, or NaN when the offset changes anywhere near the day (then each wall time is resolved)
  const dayArray = new Float64Array(DAY_SLOTS).fill(Infinity);
  const dayMap = new Map<number, number>();
  const dayOffset = (day: number): number => {
    const start = day * DAY_MS;
    const first = offsetAt(start - MAX_EAST);
    return first === offsetAt(start + DAY_MS + MAX_WEST) && first === offsetAt(start + DAY_MS / 2) ? first : NaN;
  };
  const instantOfWall = (wall: number): number => {
    const day = Math.floor(wall / DAY_MS);
    let off: number | undefined;
    if (day >= 0 && day < DAY_SLOTS) {
      off = dayArray[day]!;
      if (off === Infinity) dayArray[day] = off = dayOffset(day);
    } else {
      off = dayMap.get(day);
      if (off === undefined) dayMap.set(day, (off = dayOffset(day)));
    }
    return Number.isNaN(off) ? resolve(wall) : wall - off;
  };
  const tz: TimeZone = {
    name,
    offsetAt,
    dayOf: (ms) => Math.floor((ms + offsetAt(ms)) / DAY_MS),
    instantOfWall,
    instantOf: (year, month, day, hour = 0, minute = 0, second = 0, milli = 0) =>
      instantOfWall(Date.UTC(year, month - 1, day, hour, minute, second, milli)),
    startOfDay(day) {
      return instantOfWall(day * DAY_MS);
    },
  };
  cache.set(name, tz);
  return tz;
}

/** Whether `name` is a time zone this runtime knows (IANA names, UTC): config validation asks this. */
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

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (month 1–12), by arithmetic: the same
 * number as Date.UTC(y, m − 1, d) / DAY for valid dates, without a call into the runtime
 * (H. Hinnant's days_from_civil).
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export const daysInMonth = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

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
