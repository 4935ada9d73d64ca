import { describe, expect, it } from 'vitest';
import { fillLocalized } from '../../src/lib/localized.ts';
import { warningMessage } from '../../src/ingest/warnings.ts';
import { reasonMessage } from '../../src/validate/reasons.ts';

describe('fillLocalized: one rule for every message table', () => {
  it('fills every placeholder in both languages', () => {
    expect(fillLocalized({ en: '{a} and {a}, {b}', 'zh-CN': '{b}与{a}' }, { a: 'x', b: 'y' })).toEqual({ en: 'x and x, y', 'zh-CN': 'y与x' });
  });

  it('inserts values as they are, in one pass', () => {
    // a value holding a placeholder is not filled again; `$&` is not a replacement pattern
    expect(fillLocalized({ en: '{column}: "{raw}"', 'zh-CN': '' }, { column: '{raw}', raw: '$& $1' }).en).toBe('{raw}: "$& $1"');
  });

  it('leaves a placeholder with no value as written', () => {
    expect(fillLocalized({ en: '{column} {other}', 'zh-CN': '' }, { column: 'c' }).en).toBe('c {other}');
  });

  it('serves the rejection reasons and the ledger warnings alike', () => {
    expect(reasonMessage('duplicate_key', 'order_id', 'A1', '7').en).toBe('order_id "A1" repeats the row on line 7');
    expect(reasonMessage('exact_duplicate', null, '', '3')['zh-CN']).toBe('该行与第 3 行完全相同');
    expect(warningMessage('order_id_spans_dates', 'Invoice').en).toMatch(/^one order id covers lines on different days: is Invoice really one order\?/);
  });
});
