import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { readInputFile } from '../../src/ingest/read-input-file.ts';
import type { InputName } from '../../src/validate/schemas/index.ts';

/*
 * Columns given by config (issue 11 item 4): constants (every staff row's role, every
 * interaction's type) and the order identity of an export without an order id.
 */
const NOW = Date.UTC(2026, 0, 1);
const read = <N extends InputName>(name: N, text: string, files: ConfigInput['files']) =>
  readInputFile({ name, file: `${name}.csv`, bytes: new TextEncoder().encode(text), config: configSchema.parse({ files }), now: NOW });

describe('constants', () => {
  it('every staff row gets the role from config (the file has no role column)', () => {
    const r = read('staff', 'staff_id,name,team\nS1,王芳,华东\nS2,李雷,华北\n', { staff: { constants: { role: '客户经理' } } });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.columns.role).toEqual(['客户经理', '客户经理']);
    expect(r.ledger.mapping.role).toBe('= "客户经理" (constants)');
  });

  it('a constant for an unknown column stops, naming the allowed columns', () => {
    const r = read('staff', 'staff_id,name,role\nS1,王芳,客户经理\n', { staff: { constants: { rank: 'x' } } });
    expect(!r.ok && r.error).toMatchObject({ code: 'config_invalid', field: 'files.staff.constants' });
  });
});

describe('order identity', () => {
  const text = [
    '客户编号,下单时间,金额,商品',
    'C1,2024-03-05 10:00,10,a', // order C1 | 2024-03-05 10:00
    'C1,2024-03-05 10:00,5,b', //  the same order, a second line
    'C2,2024-03-05 11:00,7,a',
    'C1,2024-03-06 09:00,3,a',
  ].join('\n') + '\n';

  it('an id built from named columns: lines with the same values are one order', () => {
    const r = read('orders', text, { orders: { orderIdentity: ['客户编号', 'order_date'] } });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.columns.order_id).toEqual(['C1 | 2024-03-05 10:00', 'C1 | 2024-03-05 10:00', 'C2 | 2024-03-05 11:00', 'C1 | 2024-03-06 09:00']);
    expect(r.ledger.mapping.order_id).toBe('= 客户编号 + 下单时间 (orderIdentity)');
  });

  it('one order per line: the id is the line number', () => {
    const r = read('orders', text, { orders: { orderIdentity: 'line' } });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.columns.order_id).toEqual(['#2', '#3', '#4', '#5']);
  });

  it('without an order id nor orderIdentity the build stops (missing order_id); an unknown identity column stops too', () => {
    const r = read('orders', text, {});
    expect(!r.ok && r.error).toMatchObject({ code: 'missing_column', field: 'order_id' });
    const bad = read('orders', text, { orders: { orderIdentity: ['客户', '时间'] } });
    expect(!bad.ok && bad.error).toMatchObject({ code: 'config_invalid', field: 'files.orders.orderIdentity' });
    expect(!bad.ok && bad.error.message.en).toContain('"客户"');
  });

  it('exact duplicate lines are still found on the file\'s own cells (the line number is not part of them)', () => {
    const r = read('orders', text + 'C2,2024-03-05 11:00,7,a\n', { orders: { orderIdentity: 'line' } });
    expect(r.ok && r.ledger.duplicates).toBe(1);
  });
});
