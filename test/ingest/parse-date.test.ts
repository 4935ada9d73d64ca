import { describe, expect, it } from 'vitest';
import { DateParser } from '../../src/ingest/parse-date.ts';

const sh = (o: Partial<ConstructorParameters<typeof DateParser>[0]> = {}) =>
  new DateParser({ timezone: 'Asia/Shanghai', minYear: 1970, maxYear: 2027, ...o });

// 2024-03-05 00:00 in Shanghai (UTC+8, no DST) is 2024-03-04 16:00 UTC
const mar5 = Date.UTC(2024, 2, 4, 16, 0);

describe('DateParser', () => {
  it.each([
    ['2024-03-05', mar5],
    ['2024/3/5', mar5],
    ['2024年3月5日', mar5],
    ['２０２４年３月５日', mar5],
    ['2024.03.05', mar5],
    ['20240305', mar5],
    [' 2024-03-05 ', mar5],
    ['2024-03-05 14:30', Date.UTC(2024, 2, 5, 6, 30)],
    ['2024-03-05 14:30:15', Date.UTC(2024, 2, 5, 6, 30, 15)],
    ['2024-03-05T14:30:00', Date.UTC(2024, 2, 5, 6, 30)],
    ['2024-03-05T14:30:00+08:00', Date.UTC(2024, 2, 5, 6, 30)],
    ['2024-03-05 14:30-05:00', Date.UTC(2024, 2, 5, 19, 30)],
    ['2024-03-05T06:30:00.250Z', Date.UTC(2024, 2, 5, 6, 30, 0, 250)],
    ['2024年3月5日 下午2:30', Date.UTC(2024, 2, 5, 6, 30)],
    ['Mar 5, 2024 02:30 PM', Date.UTC(2024, 2, 5, 6, 30)],
    ['05-Mar-2024', mar5],
    // Excel serial: 45356 days after 1899-12-30 = 2024-03-05, local midnight
    ['45356', mar5],
    ['45356.5', mar5 + 12 * 3600_000],
    // epoch milliseconds (纷享销客) and seconds are instants, no zone
    ['1709596800000', Date.UTC(2024, 2, 5)],
    ['1709596800', Date.UTC(2024, 2, 5)],
  ])('%s', (raw, want) => {
    expect(sh().parse(raw)).toBe(want);
  });

  it('empty is null', () => expect(sh().parse('  ')).toBeNull());

  it('day-first and month-first only when configured', () => {
    const p = sh();
    expect(p.parse('05/03/2024')).toBeNaN();
    expect(p.error).toBe('needs_date_order');
    expect(sh({ dateOrder: 'dmy' }).parse('05/03/2024')).toBe(mar5);
    // month first: 3 May 2024 00:00 Shanghai
    expect(sh({ dateOrder: 'mdy' }).parse('05/03/2024')).toBe(Date.UTC(2024, 4, 2, 16));
    expect(sh({ dateOrder: 'dmy' }).parse('05.03.2024')).toBe(mar5);
  });

  it('the Online Retail original: M/D/YYYY H:MM in London (GMT in December)', () => {
    const p = new DateParser({ timezone: 'Europe/London', minYear: 1970, maxYear: 2027, dateOrder: 'mdy' });
    expect(p.parse('12/1/2010 8:26')).toBe(Date.UTC(2010, 11, 1, 8, 26));
    // 6/5/2011 12:00 is BST (UTC+1)
    expect(p.parse('6/5/2011 12:00')).toBe(Date.UTC(2011, 5, 5, 11, 0));
  });

  it('follows DST in the configured zone', () => {
    const p = new DateParser({ timezone: 'America/New_York', minYear: 1970, maxYear: 2027 });
    expect(p.parse('2024-01-15 12:00')).toBe(Date.UTC(2024, 0, 15, 17)); // EST −5
    expect(p.parse('2024-07-01 12:00')).toBe(Date.UTC(2024, 6, 1, 16)); // EDT −4
    expect(p.parse('2024-03-10 01:30')).toBe(Date.UTC(2024, 2, 10, 6, 30)); // before the change
    expect(p.parse('2024-03-10 03:30')).toBe(Date.UTC(2024, 2, 10, 7, 30)); // after the change
    expect(p.parse('2024-11-03 00:30')).toBe(Date.UTC(2024, 10, 3, 4, 30)); // still EDT
    expect(p.parse('2024-11-03 03:00')).toBe(Date.UTC(2024, 10, 3, 8, 0)); // back to EST
    expect(p.parse('2024-11-04 12:00')).toBe(Date.UTC(2024, 10, 4, 17, 0));
  });

  it.each([
    ['2024-02-30', 'impossible_date'],
    ['2023-02-29', 'impossible_date'],
    ['2024-13-01', 'impossible_date'],
    ['2024-03-05 25:00', 'impossible_date'],
    ['1900-01-01', 'date_out_of_range'],
    ['2031-01-01', 'date_out_of_range'],
    ['not a date', 'invalid_date'],
    ['2024-03', 'invalid_date'],
    ['12345678901', 'invalid_date'],
  ])('refuses %s (%s)', (raw, code) => {
    const p = sh();
    expect(p.parse(raw)).toBeNaN();
    expect(p.error).toBe(code);
  });

  it('accepts 29 February in a leap year', () => {
    expect(sh().parse('2024-02-29')).toBe(Date.UTC(2024, 1, 28, 16));
  });
});
