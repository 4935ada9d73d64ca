import { describe, expect, it } from 'vitest';
import { ambiguousDateError, emptyFileError, notATableError, strayQuotesError, unterminatedQuoteError } from '../../src/ingest/file-errors.ts';

describe('the texts of problems that stop reading a file', () => {
  it('not a table: the header as read, the delimiter by name, and the config lines that set one', () => {
    const e = notATableError('orders', 'orders.csv', ['a;b;c'], '\t');
    expect(e.code).toBe('not_a_table');
    expect(e.message.en).toBe('orders.csv is not a table: its first line has 1 column(s) (a;b;c), read with delimiter "tab".');
    expect(e.message['zh-CN']).toContain('分隔符为“tab”');
    expect(e.hint?.en).toContain('files:\n  orders:\n    delimiter: ";"');
    expect(e.hint?.['zh-CN']).toContain('files:\n  orders:\n    delimiter: ";"');
  });

  it('an empty file: optional files may simply be deleted, orders.csv may not', () => {
    expect(emptyFileError('orders', 'orders.csv').hint).toBeNull();
    const e = emptyFileError('tickets', 'tickets.csv');
    expect(e.code).toBe('empty_file');
    expect(e.hint?.en).toBe('Delete the file if you have no tickets data: it is optional.');
    expect(e.hint?.['zh-CN']).toContain('可选');
  });

  it('an unterminated quote names the line it opens on and how many lines it swallows', () => {
    const e = unterminatedQuoteError('orders.csv', { line: 7, lines: 3 });
    expect(e.code).toBe('unterminated_quote');
    expect(e.line).toBe(7);
    expect(e.message.en).toBe('orders.csv: a quote opened on line 7 is never closed, so the last 3 line(s) would be read as one field.');
    expect(e.message['zh-CN']).toContain('第 7 行');
    expect(e.hint?.en).toContain('Check line 7');
  });

  it('an ambiguous date proposes the order a part above 12 proves, else dmy or mdy', () => {
    // 25/03/2024: 25 cannot be a month, so day first
    expect(ambiguousDateError('orders', 'orders.csv', 4, 'order_date', '25/03/2024').hint?.en).toMatch(/dateOrder: dmy$/);
    expect(ambiguousDateError('orders', 'orders.csv', 4, 'order_date', '03/25/2024').hint?.en).toMatch(/dateOrder: mdy$/);
    const e = ambiguousDateError('customers', 'customers.csv', 9, 'created_at', '03/04/2024');
    expect(e.code).toBe('ambiguous_dates');
    expect(e.line).toBe(9);
    expect(e.field).toBe('created_at');
    expect(e.hint?.en).toMatch(/files:\n {2}customers:\n {4}dateOrder: dmy {3}# or mdy$/);
    expect(e.hint?.['zh-CN']).toMatch(/# 或 mdy$/);
    expect(e.message.en).toContain('"03/04/2024" could be day/month/year or month/day/year');
  });

  it('too many stray quotes: the count, the example lines, and the config lines that trust the quotes', () => {
    const e = strayQuotesError('orders', 'orders.csv', 12, 500, [3, 8, 40]);
    expect(e.code).toBe('stray_quotes');
    expect(e.line).toBe(3);
    expect(e.message.en).toBe("orders.csv: 12 of 500 rows are broken by stray quotes (a quote that joins lines into one record; e.g. lines 3, 8, 40): the file's quoting cannot be trusted.");
    expect(e.message['zh-CN']).toContain('500 行中有 12 行');
    expect(e.hint?.en).toMatch(/files:\n {2}orders:\n {4}quotedLineBreaks: trust$/);
    expect(e.hint?.['zh-CN']).toMatch(/quotedLineBreaks: trust$/);
  });
});
