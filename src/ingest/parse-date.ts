import { daysFromCivil, daysInMonth, timeZone, type TimeZone } from '../lib/time-zone.ts';

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
 * - two-digit years: `05/03/24` (with `dateOrder: dmy | mdy`), `24-03-05` (with `dateOrder: ymd`),
 *   `5-Mar-24`. The century comes from a pivot, as in Excel: years below `twoDigitYearPivot`
 *   (default 30) are 20xx, the others 19xx (00–29 → 2000–2029, 30–99 → 1930–1999)
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
  /** a two-digit year below this is 20xx, from it 19xx (default TWO_DIGIT_YEAR_PIVOT) */
  twoDigitYearPivot?: number | undefined;
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

/** Excel's pivot: 00–29 → 2000–2029, 30–99 → 1930–1999 */
export const TWO_DIGIT_YEAR_PIVOT = 30;
/** a date with a two-digit last part: two numbers of 1–2 digits then 2, one separator (`/`, `-`, `.`) throughout */
const SHORT_DATE = /^\D*\d{1,2}([/.-])\d{1,2}\1\d{2}(?!\d)/;

const HOUR = 3_600_000;
const DAY = 86_400_000;

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
  /** local wall times are read in this zone (src/lib/time-zone.ts states the DST gap/overlap policy) */
  readonly zone: TimeZone;
  /** why the last `parse` returned NaN */
  error: DateError = 'invalid_date';
  private readonly minMs: number;
  private readonly maxMs: number;
  // scratch
  private nums: number[] = [0, 0, 0, 0, 0, 0, 0];
  private lens: number[] = [0, 0, 0, 0, 0, 0, 0];

  constructor(opt: DateOptions) {
    this.opt = opt;
    this.zone = timeZone(opt.timezone);
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
        return this.zone.instantOfWall(y < 100 ? Date.UTC(y, mo - 1, d, hh, mi, ss) : daysFromCivil(y, mo, d) * DAY + ((hh * 60 + mi) * 60 + ss) * 1000);
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
      else if (lens[0]! <= 2 && lens[1] === 2) { d = nums[0]!; y = this.century(nums[1]!); }
      else if (lens[0] === 4 && lens[1]! <= 2) { y = nums[0]!; d = nums[1]!; }
      else return NaN;
      mo = monthName;
      t = 2;
    } else {
      if (k < 3) return NaN;
      if (lens[0] === 4) {
        if (lens[1]! > 2 || lens[2]! > 2) return NaN;
        y = nums[0]!; mo = nums[1]!; d = nums[2]!;
      } else if (lens[0]! <= 2 && lens[1]! <= 2 && (lens[2] === 4 || (lens[2] === 2 && SHORT_DATE.test(s)))) {
        const order = this.opt.dateOrder;
        const short = lens[2] === 2;
        if (order === 'dmy') { d = nums[0]!; mo = nums[1]!; y = short ? this.century(nums[2]!) : nums[2]!; }
        else if (order === 'mdy') { mo = nums[0]!; d = nums[1]!; y = short ? this.century(nums[2]!) : nums[2]!; }
        else if (order === 'ymd' && short && lens[0] === 2) { y = this.century(nums[0]!); mo = nums[1]!; d = nums[2]!; }
        else { this.error = 'needs_date_order'; return NaN; }
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
    return offset === null ? this.zone.instantOfWall(wall) : wall - offset;
  }

  /** a two-digit year with its century (see TWO_DIGIT_YEAR_PIVOT) */
  private century(yy: number): number {
    return yy < (this.opt.twoDigitYearPivot ?? TWO_DIGIT_YEAR_PIVOT) ? 2000 + yy : 1900 + yy;
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
      return this.zone.instantOfWall(Date.UTC(y, mo - 1, d, hh, mi, ss));
    } else if (intLen <= 5) {
      // Excel serial day: days since 1899-12-30, local wall time
      const serial = Number(s);
      const wall = Math.round((serial - 25569) * DAY);
      if (wall < this.minMs || wall > this.maxMs) { this.error = 'date_out_of_range'; return NaN; }
      return this.zone.instantOfWall(wall);
    } else return NaN;
    if (ms < this.minMs || ms > this.maxMs) { this.error = 'date_out_of_range'; return NaN; }
    return ms;
  }
}
