import { describe, expect, it } from 'vitest';
import { decimalToMinor, divideHalfEven, minorText, moneyOf, productToMinor, roundHalfEven, toMajor } from '../../src/lib/money.ts';

describe('money: ISO 4217 minor units', () => {
  it('CNY, USD, EUR have 2 decimals; JPY and KRW none; IDR 2 as ISO 4217 says (Intl/CLDR says 0); KWD 3', () => {
    expect(['CNY', 'USD', 'EUR', 'JPY', 'KRW', 'IDR', 'KWD'].map((c) => moneyOf(c)?.digits)).toEqual([2, 2, 2, 0, 0, 2, 3]);
    expect(moneyOf('JPY')).toEqual({ currency: 'JPY', digits: 0, scale: 1 });
  });
  it('refuses what is not a code: lower case, unknown, too long', () => {
    for (const c of ['cny', 'ABC', 'RMB', 'CNYY', '', '元']) expect(moneyOf(c)).toBeNull();
  });
});

describe('money: decimal text → minor units, digit by digit', () => {
  it('reads amounts exactly, trailing zeros beyond the minor unit included', () => {
    expect(decimalToMinor('1234.56', 2)).toBe(123456);
    expect(decimalToMinor('0.1', 2)).toBe(10);
    expect(decimalToMinor('-0.05', 2)).toBe(-5);
    expect(decimalToMinor('.5', 2)).toBe(50);
    expect(decimalToMinor('12.300', 2)).toBe(1230);
    expect(decimalToMinor('7', 0)).toBe(7);
    expect(decimalToMinor('1e3', 2)).toBe(100000);
    expect(decimalToMinor('1.5e-1', 2)).toBe(15);
    expect(decimalToMinor('-0', 2)).toBe(0);
    expect(Object.is(decimalToMinor('-0.00', 2), 0)).toBe(true);
    // 15+ significant digits go through BigInt, still exact
    expect(decimalToMinor('90071992547409.91', 2)).toBe(9007199254740991);
  });
  it('refuses more decimals than the currency has, and amounts past 2^53 minor units', () => {
    expect(decimalToMinor('1.005', 2)).toBe('too_precise');
    expect(decimalToMinor('12.5', 0)).toBe('too_precise');
    expect(decimalToMinor('1e-5', 2)).toBe('too_precise');
    expect(decimalToMinor('90071992547409.92', 2)).toBe('too_large');
    expect(decimalToMinor('1e200', 2)).toBe('too_large');
    for (const s of ['', '-', '.', '1.2.3', '1e', 'abc', '1,000']) expect(decimalToMinor(s, 2)).toBe('invalid');
  });
  it('0.1 + 0.2 in minor units is 30, where doubles give 0.30000000000000004', () => {
    const a = decimalToMinor('0.1', 2) as number;
    const b = decimalToMinor('0.2', 2) as number;
    expect(toMajor(a + b, moneyOf('CNY')!)).toBe(0.3);
    expect(String(toMajor(a + b, moneyOf('CNY')!))).toBe('0.3');
  });
});

describe('money: rounding rules', () => {
  it('quantity × unit price is multiplied exactly and rounded half to even to the minor unit', () => {
    expect(productToMinor(3, 0.1, 2)).toBe(30);
    expect(productToMinor(48, 1.45, 2)).toBe(6960);
    expect(productToMinor(3, 0.665, 2)).toBe(200); // 1.995 → half → even 2.00
    expect(productToMinor(1, 0.125, 2)).toBe(12); // 0.125 → 0.12 (2 is even)
    expect(productToMinor(1, 0.135, 2)).toBe(14); // 0.135 → 0.14
    expect(productToMinor(-1, 0.125, 2)).toBe(-12);
    expect(productToMinor(2.5, 3, 0)).toBe(8); // 7.5 → 8
    expect(productToMinor(1e200, 1e200, 2)).toBeNull();
  });
  it('averages of integers round half to even from the integer remainder', () => {
    expect(divideHalfEven(31000, 3)).toBe(10333);
    expect(divideHalfEven(5, 2)).toBe(2);
    expect(divideHalfEven(7, 2)).toBe(4);
    expect(divideHalfEven(-5, 2)).toBe(-2);
    expect(divideHalfEven(-7, 2)).toBe(-4);
    expect(divideHalfEven(2 ** 53 - 1, 1)).toBe(2 ** 53 - 1);
    expect(roundHalfEven(2.5)).toBe(2);
    expect(roundHalfEven(3.5)).toBe(4);
    expect(roundHalfEven(-2.5)).toBe(-2);
    expect(roundHalfEven(2.4999)).toBe(2);
  });
  it('publishes exact decimal text', () => {
    expect(minorText(123456, 2)).toBe('1234.56');
    expect(minorText(-5, 2)).toBe('-0.05');
    expect(minorText(7, 0)).toBe('7');
    expect(minorText(1, 3)).toBe('0.001');
    // toMajor's shortest text is the exact amount, up to 10^15 minor units
    const trimmed = (t: string) => t.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
    for (const m of [1, 10, 99, 100, 123456789, 999999999999999, -123456789012345]) expect(String(toMajor(m, moneyOf('CNY')!))).toBe(trimmed(minorText(m, 2)));
  });
});
