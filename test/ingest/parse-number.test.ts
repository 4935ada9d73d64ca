import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/ingest/parse-number.ts';

const dot = { decimal: '.' as const, wan: false, percent: false };

describe('parseNumber', () => {
  it.each([
    ['1234.5', 1234.5],
    ['-12', -12],
    ['1,234.50', 1234.5],
    ['1,234,567', 1234567],
    ['¥1,200', 1200],
    ['￥350', 350],
    ['$ 99.90', 99.9],
    ['88.5元', 88.5],
    ['CNY 10', 10],
    ['(12.00)', -12],
    ['１２３．５', 123.5],
    [' 7 ', 7],
    ['-¥5', -5],
    ['1e3', 1000],
  ])('%s → %d', (raw, want) => expect(parseNumber(raw, dot)).toBe(want));

  it('empty is null', () => expect(parseNumber('', dot)).toBeNull());

  it.each(['1,2,3', 'NaN', 'Infinity', '-Infinity', '--5', '1e309', '12%', '3万', 'abc', '1.2.3', '-', '(-5)'])(
    'refuses %s',
    (raw) => expect(parseNumber(raw, dot)).toBeNaN(),
  );

  it('decimal comma only when configured', () => {
    const comma = { decimal: ',' as const, wan: false, percent: false };
    expect(parseNumber('1 234,50', comma)).toBe(1234.5);
    expect(parseNumber('1.234,50', comma)).toBe(1234.5);
    expect(parseNumber('12,5', comma)).toBe(12.5);
    expect(parseNumber('1 234,50', dot)).toBeNaN();
  });

  it('percent columns and 万', () => {
    expect(parseNumber('12%', { ...dot, percent: true })).toBe(0.12);
    expect(parseNumber('3.5万', { ...dot, wan: true })).toBe(35000);
    expect(parseNumber('1.2亿', { ...dot, wan: true })).toBe(120000000);
  });
});
