/**
 * A date cell → epoch milliseconds (a UTC instant). Local wall times (no offset in the text) are
 * read in `timezone`. Understood, with `-`, `/`, `.` or 年月日 between parts, `T` or a space
 * before the time, optional seconds and fractions, `Z` or `±hh:mm` offsets, AM/PM (上午/下午):
 *
 * - year first: `2024-03-05`, `2024/3/5 14:30`, `2024年3月5日`, `2024.03.05`, `2024-03-05T14:30:00+08:00`
 * - day or month first (`05/03/2024`, `3/5/2024 9:05` like the Online Retail original) only with
 *   `dateOrder: dmy | mdy`: without it the parser reports `needs_date_order` and ingest stops
 *   with a message naming the setting (we never guess)
 * - month names: `Mar 5, 2024`, `5 Mar 2024`, `05-Mar-2024 14:30`
 * - digits only: 13 digits = epoch ms (纷享销客), 10 = epoch seconds, 8 = `YYYYMMDD`,
 *   14 = `YYYYMMDDHHMMSS`, up to 5 digits with an optional fraction = an Excel serial day (local)
 *
 * Refused: impossible dates (`2024-02-30`, `25:00`) as `impossible_date`; years outside
 * [minYear, maxYear] as `date_out_of_range` (ingest uses 1970 … asOf year + 1, or the current
 * year + 1 without asOf: older dates are typos or placeholders like 1900-01-01, later ones typos).
 */
export type DateError = 'invalid_date' | 'impossible_date' | 'date_out_of_range' | 'needs_date_order';

export interface DateOptions {
  dateOrder?: 'ymd' | 'dmy' | 'mdy' | undefined;
  timezone: string;
  minYear: number;
  maxYear: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};
const WEEKDAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday']);

const HOUR = 3_600_000;
const DAY = 86_400_000;
const DAY_SLOTS = 1 << 16;

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

const zones = new Map<string, ZoneClock>();

/** Converts local wall-clock times in one IANA zone to instants, caching the offset per local day. */
export class ZoneClock {
  readonly timezone: string;
  private readonly fmt: Intl.DateTimeFormat | null;
  /** local day → offset (NaN: the offset changes that day) */
  private readonly days = new Map<number, number>();
  /** local hour → offset, for days with a change */
  private readonly hours = new Map<number, number>();
  /** the last day offset found: the first guess for the next day */
  private last = NaN;
  /**
   * the same per-day offsets for local days 0 … DAY_SLOTS − 1 (1970 to 2149), in an array:
   * no map lookup per cell (a date column looks up one offset per row). Infinity = not yet known.
   */
  private readonly dayArray = new Float64Array(DAY_SLOTS).fill(Infinity);
  constructor(timezone: string) {
    this.timezone = timezone;
    this.fmt = timezone === 'UTC' || timezone === 'Etc/UTC'
      ? null
      : new Intl.DateTimeFormat('en-US', {
          timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
          hour: 'numeric', minute: 'numeric', second: 'numeric',
        });
  }
  /** offset (local − UTC, ms) in effect at an instant */
  offsetAt(utc: number): number {
    if (!this.fmt) return 0;
    const p: Record<string, number> = {};
    for (const x of this.fmt.formatToParts(utc)) if (x.type !== 'literal') p[x.type] = Number(x.value);
    const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    return local - Math.floor(utc / 1000) * 1000;
  }
  /**
   * wall-clock time written as if UTC → the instant. Offsets are cached per local day when the
   * day has one offset (the usual case), else per local hour (days with a DST change).
   * A time in a DST gap (which does not exist) lands one hour earlier.
   */
  toInstant(wall: number): number {
    if (!this.fmt) return wall;
    const day = Math.floor(wall / DAY);
    let off: number | undefined;
    if (day >= 0 && day < DAY_SLOTS) {
      off = this.dayArray[day]!;
      if (off === Infinity) this.dayArray[day] = off = this.dayOffset(day * DAY);
    } else {
      off = this.days.get(day);
      if (off === undefined) {
        off = this.dayOffset(day * DAY);
        this.days.set(day, off);
      }
    }
    if (Number.isNaN(off)) {
      const hour = Math.floor(wall / HOUR);
      let o = this.hours.get(hour);
      if (o === undefined) { o = this.hourOffset(hour * HOUR); this.hours.set(hour, o); }
      off = o;
    }
    return wall - off;
  }

  /** the offset of a whole local day, or NaN when it changes during the day (DST) */
  private dayOffset(dayWall: number): number {
    let g = Number.isNaN(this.last) ? this.offsetAt(dayWall) : this.last;
    for (let k = 0; k < 2; k++) {
      const a = this.offsetAt(dayWall - g);
      const b = this.offsetAt(dayWall + DAY - 1 - g);
      if (a !== b) return NaN;
      if (a === g) { this.last = a; return a; }
      g = a;
    }
    return NaN;
  }

  /** one clock per time zone, shared by every file (the offset cache fills once) */
  static for(timezone: string): ZoneClock {
    let z = zones.get(timezone);
    if (!z) zones.set(timezone, (z = new ZoneClock(timezone)));
    return z;
  }

  private hourOffset(wall: number): number {
    const o1 = this.offsetAt(wall);
    const o2 = this.offsetAt(wall - o1);
    if (o1 === o2) return o1;
    // the offset changes between the guesses: the one that reproduces itself is right
    const o3 = this.offsetAt(wall - o2);
    return o3 === o2 ? o2 : Math.max(o1, o2);
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** two / four ASCII digits at `i` as a number, or -1 */
function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48, b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
function d4(s: string, i: number): number {
  const a = d2(s, i), b = d2(s, i + 2);
  return a >= 0 && b >= 0 ? a * 100 + b : -1;
}

export class DateParser {
  readonly opt: DateOptions;
  readonly zone: ZoneClock;
  /** why the last `parse` returned NaN */
  error: DateError = 'invalid_date';
  private readonly minMs: number;
  private readonly maxMs: number;
  // scratch
  private nums: number[] = [0, 0, 0, 0, 0, 0, 0];
  private lens: number[] = [0, 0, 0, 0, 0, 0, 0];

  constructor(opt: DateOptions) {
    this.opt = opt;
    this.zone = ZoneClock.for(opt.timezone);
    this.minMs = Date.UTC(opt.minYear, 0, 1) - 14 * HOUR;
    this.maxMs = Date.UTC(opt.maxYear + 1, 0, 1) + 14 * HOUR;
  }

  /** epoch ms, `null` for an empty cell, `NaN` when refused (see `error`) */
  parse(raw: string): number | null {
    // fast path: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` (the most common export forms), by position
    const len = raw.length;
    if ((len === 10 || len === 19) && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45) {
      const y = d4(raw, 0), mo = d2(raw, 5), d = d2(raw, 8);
      let hh = 0, mi = 0, ss = 0, ok = y >= 0 && mo >= 0 && d >= 0;
      if (ok && len === 19) {
        const t = raw.charCodeAt(10);
        ok = (t === 32 || t === 84) && raw.charCodeAt(13) === 58 && raw.charCodeAt(16) === 58;
        hh = d2(raw, 11); mi = d2(raw, 14); ss = d2(raw, 17);
        ok = ok && hh >= 0 && mi >= 0 && ss >= 0;
      }
      if (ok) {
        this.error = 'invalid_date';
        if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || hh > 23 || mi > 59 || ss > 59) {
          this.error = 'impossible_date';
          return NaN;
        }
        if (y < this.opt.minYear || y > this.opt.maxYear) { this.error = 'date_out_of_range'; return NaN; }
        // (Date.UTC reads years 0–99 as 1900–1999: keep its answer there)
        return this.zone.toInstant(y < 100 ? Date.UTC(y, mo - 1, d, hh, mi, ss) : daysFromCivil(y, mo, d) * DAY + ((hh * 60 + mi) * 60 + ss) * 1000);
      }
    }
    let s = raw;
    let ascii = true;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 126) { ascii = false; break; }
    if (!ascii) {
      s = s.normalize('NFKC').replace(/[年月]/g, '-').replace(/日/g, ' ').replace(/[时點点]/g, ':')
        .replace(/分/g, ':').replace(/秒/g, '').replace(/上午/g, ' am ').replace(/下午/g, ' pm ')
        .replace(/星期./g, ' ');
    }
    s = s.trim();
    if (s.length === 0) return null;
    this.error = 'invalid_date';
    const n = s.length;

    // digits only (with an optional fraction): epoch, compact or Excel serial
    let dot = -1;
    let allDigits = true;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (isDigit(c)) continue;
      if (c === 46 && dot < 0 && i > 0) { dot = i; continue; }
      allDigits = false;
      break;
    }
    if (allDigits) return this.digitsOnly(s, dot);

    const nums = this.nums;
    const lens = this.lens;
    let k = 0;
    let monthName = 0;
    let ampm = 0; // 1 am, 2 pm
    let offset: number | null = null;
    let fracMs = 0;
    let tSeen = false;
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isDigit(c)) {
        let v = 0;
        const j0 = i;
        while (i < n && isDigit(s.charCodeAt(i))) { v = v * 10 + s.charCodeAt(i) - 48; i++; }
        if (k >= 7) return NaN;
        nums[k] = v;
        lens[k] = i - j0;
        k++;
        continue;
      }
      if (c === 46 && k >= 6 - (monthName ? 1 : 0) && i + 1 < n && isDigit(s.charCodeAt(i + 1))) {
        // fraction of a second
        i++;
        const j0 = i;
        let v = 0;
        while (i < n && isDigit(s.charCodeAt(i))) { if (i - j0 < 3) v = v * 10 + s.charCodeAt(i) - 48; i++; }
        const d = Math.min(3, i - j0);
        fracMs = d === 1 ? v * 100 : d === 2 ? v * 10 : v;
        continue;
      }
      if ((c === 43 || c === 45) && k >= 5 - (monthName ? 1 : 0)) {
        // ±hh[:mm] / ±hhmm after the time
        const sign = c === 45 ? -1 : 1;
        i++;
        const j0 = i;
        let v = 0;
        while (i < n && isDigit(s.charCodeAt(i))) { v = v * 10 + s.charCodeAt(i) - 48; i++; }
        const len = i - j0;
        let hh: number;
        let mm = 0;
        if (len === 4) { hh = Math.floor(v / 100); mm = v % 100; }
        else if (len === 1 || len === 2) {
          hh = v;
          if (s.charCodeAt(i) === 58) {
            i++;
            const j1 = i;
            while (i < n && isDigit(s.charCodeAt(i))) { mm = mm * 10 + s.charCodeAt(i) - 48; i++; }
            if (i - j1 !== 2) return NaN;
          }
        } else return NaN;
        if (hh > 14 || mm > 59) return NaN;
        offset = sign * (hh * HOUR + mm * 60_000);
        continue;
      }
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        const j0 = i;
        while (i < n && ((s.charCodeAt(i) | 32) >= 97 && (s.charCodeAt(i) | 32) <= 122)) i++;
        const w = s.slice(j0, i).toLowerCase();
        if (w === 't' && k === 3) { tSeen = true; continue; }
        if (w === 'z' || w === 'utc' || w === 'gmt') { offset = 0; continue; }
        if (w === 'am' || w === 'a') { ampm = 1; continue; }
        if (w === 'pm' || w === 'p') { ampm = 2; continue; }
        const m = MONTHS[w];
        if (m && !monthName) { monthName = m; continue; }
        if (WEEKDAYS.has(w)) continue;
        return NaN;
      }
      // separators
      if (c === 45 || c === 47 || c === 46 || c === 32 || c === 58 || c === 44 || c === 9) { i++; continue; }
      return NaN;
    }
    void tSeen;

    let y: number, mo: number, d: number, t: number;
    if (monthName) {
      // `Mar 5, 2024 …` or `5 Mar 2024 …` / `05-Mar-2024 …`: a day (1–2 digits) and a 4-digit year
      if (k < 2) return NaN;
      if (lens[0]! <= 2 && lens[1] === 4) { d = nums[0]!; y = nums[1]!; }
      else if (lens[0] === 4 && lens[1]! <= 2) { y = nums[0]!; d = nums[1]!; }
      else return NaN;
      mo = monthName;
      t = 2;
    } else {
      if (k < 3) return NaN;
      if (lens[0] === 4) {
        if (lens[1]! > 2 || lens[2]! > 2) return NaN;
        y = nums[0]!; mo = nums[1]!; d = nums[2]!;
      } else if (lens[0]! <= 2 && lens[1]! <= 2 && lens[2] === 4) {
        const order = this.opt.dateOrder;
        if (order === 'dmy') { d = nums[0]!; mo = nums[1]!; }
        else if (order === 'mdy') { mo = nums[0]!; d = nums[1]!; }
        else { this.error = 'needs_date_order'; return NaN; }
        y = nums[2]!;
      } else return NaN;
      t = 3;
    }
    let hh = 0, mi = 0, ss = 0;
    const timeParts = k - t;
    if (timeParts === 1 || timeParts > 3) return NaN;
    if (timeParts >= 2) {
      hh = nums[t]!; mi = nums[t + 1]!;
      if (lens[t]! > 2 || lens[t + 1] !== 2) return NaN;
      if (timeParts === 3) { ss = nums[t + 2]!; if (lens[t + 2] !== 2) return NaN; }
    } else if (ampm) return NaN;
    if (ampm) {
      if (hh < 1 || hh > 12) { this.error = 'impossible_date'; return NaN; }
      if (ampm === 1 && hh === 12) hh = 0;
      else if (ampm === 2 && hh !== 12) hh += 12;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || hh > 23 || mi > 59 || ss > 59) {
      this.error = 'impossible_date';
      return NaN;
    }
    if (y < this.opt.minYear || y > this.opt.maxYear) { this.error = 'date_out_of_range'; return NaN; }
    const wall = Date.UTC(y, mo - 1, d, hh, mi, ss, fracMs);
    return offset === null ? this.zone.toInstant(wall) : wall - offset;
  }

  private digitsOnly(s: string, dot: number): number {
    const intLen = dot < 0 ? s.length : dot;
    let ms: number;
    if (dot < 0 && intLen === 13) ms = Number(s);
    else if (dot < 0 && intLen === 10) ms = Number(s) * 1000;
    else if (dot < 0 && (intLen === 8 || intLen === 14)) {
      const y = Number(s.slice(0, 4)), mo = Number(s.slice(4, 6)), d = Number(s.slice(6, 8));
      const hh = intLen === 14 ? Number(s.slice(8, 10)) : 0;
      const mi = intLen === 14 ? Number(s.slice(10, 12)) : 0;
      const ss = intLen === 14 ? Number(s.slice(12, 14)) : 0;
      if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || hh > 23 || mi > 59 || ss > 59) {
        this.error = 'impossible_date';
        return NaN;
      }
      if (y < this.opt.minYear || y > this.opt.maxYear) { this.error = 'date_out_of_range'; return NaN; }
      return this.zone.toInstant(Date.UTC(y, mo - 1, d, hh, mi, ss));
    } else if (intLen <= 5) {
      // Excel serial day: days since 1899-12-30, local wall time
      const serial = Number(s);
      const wall = Math.round((serial - 25569) * DAY);
      if (wall < this.minMs || wall > this.maxMs) { this.error = 'date_out_of_range'; return NaN; }
      return this.zone.toInstant(wall);
    } else return NaN;
    if (ms < this.minMs || ms > this.maxMs) { this.error = 'date_out_of_range'; return NaN; }
    return ms;
  }
}
