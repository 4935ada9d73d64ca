import { convertMinor, moneyOf, type Money } from '../lib/money.ts';
import { isoDay } from '../lib/time-zone.ts';
import { rateOn, type RateTable } from './rates.ts';

/**
 * orders.csv rows in another currency than the reporting one, converted with the rates file
 * (docs/data.md#rates): a row whose currency column names a currency the rates file has is read
 * in that currency's own minor unit (`of`), then each amount is converted with the rate in force
 * on the row's order date (`convert`), exactly, rounded half to even once. A date with no rate in
 * force is counted (`norate:USD:2024-03-01`, the ledger's currency counts) and stops the build
 * (currency-check.ts). A currency the rates file does not have is not read here: it stays a
 * foreign value of the currency column, which stops the build too.
 */
export class RowCurrency {
  private readonly index: number;
  private readonly reporting: Money;
  private readonly rates: RateTable;
  private readonly dayOf: (instant: number) => number;
  private readonly count: (key: string) => void;
  private lastRaw: string | null = null;
  private last: Money | null = null;

  constructor(o: { index: number; reporting: Money; rates: RateTable; dayOf: (instant: number) => number; count: (key: string) => void }) {
    this.index = o.index;
    this.reporting = o.reporting;
    this.rates = o.rates;
    this.dayOf = o.dayOf;
    this.count = o.count;
  }

  /** the row's currency when it is one to convert, else null (the row is in the reporting currency) */
  of(cells: readonly string[]): Money | null {
    const raw = cells[this.index] ?? '';
    if (raw !== this.lastRaw) {
      this.lastRaw = raw;
      const code = raw.normalize('NFKC').trim().toUpperCase();
      this.last = code !== '' && code !== this.reporting.currency && this.rates.byCurrency.has(code) ? moneyOf(code) : null;
    }
    return this.last;
  }

  /**
   * `minor` units of `from` on the row's order date → minor units of the reporting currency;
   * 'no_rate' (counted) when no rate is in force that day, null past 2^53 minor units.
   */
  convert(minor: number, from: Money, instant: number): number | null | 'no_rate' {
    const day = this.dayOf(instant);
    const rate = rateOn(this.rates, from.currency, day);
    if (!rate) {
      this.count(`norate:${from.currency}:${isoDay(day)}`);
      return 'no_rate';
    }
    return convertMinor(minor, rate, from.digits, this.reporting.digits);
  }
}
