import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { isoDate } from '../../src/i18n/format.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { DateParser } from '../../src/ingest/parse-date.ts';
import { isoDay, timeZone } from '../../src/lib/time-zone.ts';
import { computeAllMetrics } from '../../src/metrics/compute-all-metrics.ts';
import { memFs } from '../ingest/mem-fs.ts';

/**
 * One calendar for ingest and metrics, with one policy for wall times a DST change makes
 * ambiguous: a time in a gap moves forward by the gap, a repeated time takes the earlier instant.
 * Every expected instant below is worked out by hand from the zone's rules (tzdata):
 *
 * - Asia/Shanghai: UTC+8 all year (no DST since 1991).
 * - America/New_York: 2024-03-10 02:00 EST (−5) → 03:00 EDT (−4); 2024-11-03 02:00 EDT → 01:00 EST.
 * - Europe/Berlin: 2024-03-31 02:00 CET (+1) → 03:00 CEST (+2); 2024-10-27 03:00 CEST → 02:00 CET.
 * - America/Santiago: 2024-09-08 00:00 (−4) → 01:00 (−3), the gap at midnight (04:00 UTC);
 *   2024-04-07 00:00 (−3) → 2024-04-06 23:00 (−4), the repeated hour before midnight (03:00 UTC).
 */
const utc = (y: number, m: number, d: number, hh = 0, mi = 0) => Date.UTC(y, m - 1, d, hh, mi);

const cases: { zone: string; wall: string; instant: number; day: string; why: string }[] = [
  { zone: 'Asia/Shanghai', wall: '2024-03-10', instant: utc(2024, 3, 9, 16), day: '2024-03-10', why: 'midnight is 16:00 UTC the day before' },
  { zone: 'Asia/Shanghai', wall: '2024-03-10 02:30:00', instant: utc(2024, 3, 9, 18, 30), day: '2024-03-10', why: 'no gap on New York\'s change day' },
  { zone: 'Asia/Shanghai', wall: '2024-04-01 00:30:00', instant: utc(2024, 3, 31, 16, 30), day: '2024-04-01', why: 'April in Shanghai, March in UTC' },
  { zone: 'America/New_York', wall: '2024-03-10', instant: utc(2024, 3, 10, 5), day: '2024-03-10', why: 'midnight EST (−5), before the change' },
  { zone: 'America/New_York', wall: '2024-03-10 02:30:00', instant: utc(2024, 3, 10, 7, 30), day: '2024-03-10', why: 'gap: 02:30 moves forward to 03:30 EDT' },
  { zone: 'America/New_York', wall: '2024-03-10 03:00:00', instant: utc(2024, 3, 10, 7), day: '2024-03-10', why: 'the first wall time after the gap, EDT' },
  { zone: 'America/New_York', wall: '2024-11-03 01:30:00', instant: utc(2024, 11, 3, 5, 30), day: '2024-11-03', why: 'overlap: the earlier 01:30, EDT (−4)' },
  { zone: 'America/New_York', wall: '2024-11-03 02:30:00', instant: utc(2024, 11, 3, 7, 30), day: '2024-11-03', why: 'after the overlap, EST (−5)' },
  { zone: 'Europe/Berlin', wall: '2024-03-31 02:30:00', instant: utc(2024, 3, 31, 1, 30), day: '2024-03-31', why: 'gap: 02:30 moves forward to 03:30 CEST (+2)' },
  { zone: 'Europe/Berlin', wall: '2024-03-31 23:30:00', instant: utc(2024, 3, 31, 21, 30), day: '2024-03-31', why: 'CEST (+2) after the change' },
  { zone: 'Europe/Berlin', wall: '2024-10-27 02:30:00', instant: utc(2024, 10, 27, 0, 30), day: '2024-10-27', why: 'overlap: the earlier 02:30, CEST (+2)' },
  { zone: 'Europe/Berlin', wall: '2024-10-27', instant: utc(2024, 10, 26, 22), day: '2024-10-27', why: 'midnight CEST (+2), before the change' },
  { zone: 'America/Santiago', wall: '2024-09-08', instant: utc(2024, 9, 8, 4), day: '2024-09-08', why: 'gap at midnight: 00:00 moves forward to 01:00 (−3), the same day' },
  { zone: 'America/Santiago', wall: '2024-09-08 00:30:00', instant: utc(2024, 9, 8, 4, 30), day: '2024-09-08', why: 'gap: 00:30 moves forward to 01:30 (−3)' },
  { zone: 'America/Santiago', wall: '2024-09-07 23:59:00', instant: utc(2024, 9, 8, 3, 59), day: '2024-09-07', why: 'the last minute before the gap, (−4)' },
  { zone: 'America/Santiago', wall: '2024-04-06 23:30:00', instant: utc(2024, 4, 7, 2, 30), day: '2024-04-06', why: 'overlap: the earlier 23:30, (−3)' },
  { zone: 'America/Santiago', wall: '2024-04-07', instant: utc(2024, 4, 7, 4), day: '2024-04-07', why: 'midnight after the overlap, (−4)' },
];

describe('the calendar: wall time → instant → local day (lib/time-zone.ts)', () => {
  it.each(cases)('$zone $wall → $day ($why)', ({ zone, wall, instant, day }) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?/.exec(wall)!;
    const tz = timeZone(zone);
    const got = tz.instantOf(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
    expect(got).toBe(instant);
    expect(isoDay(tz.dayOf(got))).toBe(day);
    // the display date of an instant: the same calendar, no locale's date format
    expect(isoDate(got, zone)).toBe(day);
  });

  it('the first instant of a day is on that day, also when midnight does not exist', () => {
    const santiago = timeZone('America/Santiago');
    const sep8 = Math.floor(utc(2024, 9, 8) / 86_400_000);
    expect(santiago.startOfDay(sep8)).toBe(utc(2024, 9, 8, 4));
    expect(santiago.dayOf(santiago.startOfDay(sep8))).toBe(sep8);
    expect(santiago.dayOf(santiago.startOfDay(sep8) - 1)).toBe(sep8 - 1);
  });
});

describe('ingest reads dates with the same calendar (DateParser)', () => {
  it.each(cases)('$zone $wall', ({ zone, wall, instant }) => {
    const p = new DateParser({ timezone: zone, minYear: 1970, maxYear: 2030 });
    expect(p.parse(wall)).toBe(instant);
    // other spellings of the same wall time take the same path
    expect(p.parse(wall.replaceAll('-', '/'))).toBe(instant);
  });
});

describe('through ingest and metrics: each order counts on its own local day', () => {
  const run = async (zone: string, dates: string[]) => {
    const csv = ['order_id,customer_id,order_date,amount', ...dates.map((d, i) => `O${i},C${i},${d},10`)].join('\n') + '\n';
    const config = configSchema.parse({ timezone: zone, asOf: '2024-12-31' } satisfies ConfigInput);
    const r = await ingest({ dataDir: 'data', config, fs: memFs({ 'data/orders.csv': csv }), now: utc(2025, 1, 1) });
    if (!r.ok) throw new Error(r.error.message.en);
    const m = computeAllMetrics(r.dataset, config);
    const first = new Map(m.customers.map((c) => [c.customer_id, c.first_purchase]));
    return { days: dates.map((_, i) => first.get(`C${i}`)), m };
  };

  for (const zone of ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'America/Santiago']) {
    it(zone, async () => {
      const mine = cases.filter((c) => c.zone === zone);
      const { days } = await run(zone, mine.map((c) => c.wall));
      expect(days).toEqual(mine.map((c) => c.day));
    });
  }

  it('America/Santiago: the date-only order of 2024-09-08 is September revenue of that day, not of the day before', async () => {
    const { m } = await run('America/Santiago', ['2024-09-08', '2024-08-31 23:30:00', '2024-09-30 23:59:00']);
    const revenue = (period: string) => m.kpis.find((k) => k.kpi === 'revenue' && k.entity_type === 'company' && k.grain === 'month' && k.period === period)?.value;
    // 2024-08-31 23:30 (−4) is August; 2024-09-08 and 2024-09-30 23:59 (−3) are September
    expect(revenue('2024-08')).toBe(10);
    expect(revenue('2024-09')).toBe(20);
  });
});
