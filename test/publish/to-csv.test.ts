import { csvParseRows } from 'd3-dsv';
import { describe, expect, it, test } from 'vitest';
import { BOM } from '../../src/lib/csv.ts';
import { csvCell, toCsv } from '../../src/publish/to-csv.ts';

describe('toCsv', () => {
  const columns = [{ key: 'name', header: '名称' }, { key: 'amount', header: '金额 (元)' }];

  test('starts with a UTF-8 BOM and ends with a newline', () => {
    const csv = toCsv(columns, [{ name: '华东', amount: 12 }]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}名称,金额 (元)\n华东,12\n`);
  });

  test('text that could run as a formula gets a leading apostrophe', () => {
    for (const s of ['=1+2', '+86 138', '-5', '−5', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(s)).toBe(`'${s}`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  test('numbers stay numbers, also negative ones; empty cells for null', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  test('quotes commas, quotes and newlines, and round-trips', () => {
    const rows = [{ name: 'a,"b"\nc', amount: -3 }, { name: '=HYPERLINK("x")', amount: null }];
    const parsed = csvParseRows(toCsv(columns, rows).slice(1).trimEnd());
    expect(parsed).toEqual([['名称', '金额 (元)'], ['a,"b"\nc', '-3'], [`'=HYPERLINK("x")`, '']]);
  });
});

describe('numbers in CSV downloads', () => {
  it('drop the binary noise of sums and keep real digits', () => {
    const csv = toCsv([{ key: 'v', header: 'v' }], [{ v: 25359.390000000003 }, { v: 4715524.999999999 }, { v: -12.5 }, { v: 0.1 + 0.2 }, { v: 123456789.12 }]);
    // 0.1 + 0.2 = 0.30000000000000004 in binary; 4715524.999999999 is 4715525 to 12 digits
    expect(csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/)).toEqual(['v', '25359.39', '4715525', '-12.5', '0.3', '123456789.12']);
  });
});
