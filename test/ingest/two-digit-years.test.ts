import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { DateParser } from '../../src/ingest/parse-date.ts';
import { readInputFile } from '../../src/ingest/read-input-file.ts';

/*
 * Two-digit years (issue 11 item 4) with Excel's pivot: 00–29 → 2000–2029, 30–99 → 1930–1999,
 * or the file's `twoDigitYearPivot`. Expected instants worked out by hand: Shanghai is UTC+8
 * without DST, so a local midnight is 16:00 UTC the day before.
 */
const at = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d - 1, 16);
const parser = (o: Partial<ConstructorParameters<typeof DateParser>[0]> = {}) =>
  new DateParser({ timezone: 'Asia/Shanghai', minYear: 1900, maxYear: 2100, ...o });

describe('two-digit years', () => {
  it('day or month first with dateOrder: the year gets its century from the pivot (29 → 2029, 30 → 1930)', () => {
    const dmy = parser({ dateOrder: 'dmy' });
    expect(dmy.parse('05/03/24')).toBe(at(2024, 3, 5));
    expect(dmy.parse('5.3.29')).toBe(at(2029, 3, 5));
    expect(dmy.parse('05-03-30')).toBe(at(1930, 3, 5));
    expect(dmy.parse('31/12/99')).toBe(at(1999, 12, 31));
    expect(dmy.parse('01/01/00')).toBe(at(2000, 1, 1));
    expect(parser({ dateOrder: 'mdy' }).parse('3/5/24 9:05')).toBe(at(2024, 3, 5) + (9 * 60 + 5) * 60_000);
  });

  it('year first only with dateOrder: ymd', () => {
    expect(parser({ dateOrder: 'ymd' }).parse('24-03-05')).toBe(at(2024, 3, 5));
    const none = parser();
    expect(none.parse('24-03-05')).toBeNaN();
    expect(none.error).toBe('needs_date_order');
  });

  it('month names: 5-Mar-24 needs no dateOrder', () => {
    expect(parser().parse('5-Mar-24')).toBe(at(2024, 3, 5));
    expect(parser().parse('05-Mar-95 14:30')).toBe(at(1995, 3, 5) + 14.5 * 3_600_000);
  });

  it('a configurable pivot: with 50, 49 → 2049 and 50 → 1950', () => {
    const p = parser({ dateOrder: 'dmy', twoDigitYearPivot: 50 });
    expect(p.parse('01/02/49')).toBe(at(2049, 2, 1));
    expect(p.parse('01/02/50')).toBe(at(1950, 2, 1));
  });

  it('a time alone (14:30:00) is not read as a date with a two-digit year', () => {
    const p = parser({ dateOrder: 'dmy' });
    expect(p.parse('14:30:00')).toBeNaN();
    expect(p.error).toBe('invalid_date');
  });

  it('a file with two-digit years: needs dateOrder like any day/month date, then reads with files.<name>.twoDigitYearPivot', () => {
    const bytes = new TextEncoder().encode('order_id,customer_id,order_date,amount\nA1,C1,05/03/24,10\nA2,C1,31/12/98,20\n');
    const read = (files: object) => readInputFile({ name: 'orders', file: 'orders.csv', bytes, config: configSchema.parse({ files }), now: Date.UTC(2026, 0, 1) });
    const stop = read({});
    expect(!stop.ok && stop.error.code).toBe('ambiguous_dates');
    const r = read({ orders: { dateOrder: 'dmy' } });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.columns.order_date).toEqual([at(2024, 3, 5), at(1998, 12, 31)]);
    // a pivot of 99: 98 → 2098, outside the accepted years (… 2027): rejected, not read as 1998
    const late = read({ orders: { dateOrder: 'dmy', twoDigitYearPivot: 99 } });
    expect(late.ok && late.ledger.reasons.map((x) => [x.code, x.count])).toEqual([['date_out_of_range', 1]]);
  });
});
