import { describe, expect, it } from 'vitest';
import { matchHeaders, normalizeHeader } from '../../src/ingest/headers.ts';

const orderCols = ['order_id', 'customer_id', 'order_date', 'amount', 'quantity', 'unit_price', 'owner_id', 'status', 'channel', 'product', 'category', 'region'];
const req = ['order_id', 'order_date'];

describe('normalizeHeader', () => {
  it('ignores case, spaces, _ and -, and full-width forms', () => {
    expect(normalizeHeader(' Customer ID ')).toBe('customerid');
    expect(normalizeHeader('customer_id')).toBe('customerid');
    expect(normalizeHeader('ＣＵＳＴＯＭＥＲ　ＩＤ')).toBe('customerid');
    expect(normalizeHeader('客户编号')).toBe('客户编号');
  });
});

describe('matchHeaders', () => {
  it('maps Chinese and English synonyms', () => {
    const r = matchHeaders(['订单编号', '客户ID', '订单日期', '订单金额', '销售代表', 'Qty'], 'orders', 'orders.csv', orderCols, req, { columns: {} });
    expect(r.ok && r.match.mapping).toEqual({
      order_id: '订单编号', customer_id: '客户ID', order_date: '订单日期', amount: '订单金额', owner_id: '销售代表', quantity: 'Qty',
    });
  });

  it('an explicit column setting wins over synonyms', () => {
    const r = matchHeaders(['id', 'Date', 'Bestelldatum', 'Betrag'], 'orders', 'orders.csv', orderCols, req, {
      columns: { order_id: 'id', order_date: 'Bestelldatum', amount: 'Betrag' },
    });
    expect(r.ok && r.match.mapping).toEqual({ order_id: 'id', order_date: 'Bestelldatum', amount: 'Betrag' });
  });

  it('a canonical header is not taken by another column\'s synonym', () => {
    // "Date" is a synonym of order_date, but the file also has order_date itself
    const r = matchHeaders(['order_id', 'Date', 'order_date'], 'orders', 'orders.csv', orderCols, req, { columns: {} });
    expect(r.ok && r.match.mapping.order_date).toBe('order_date');
  });

  it('a missing required column names the headers found, the closest and the config line', () => {
    const r = matchHeaders(['order_id', 'Bestelldatum', 'Betrag', 'Order Dat'], 'orders', 'orders.csv', orderCols, req, { columns: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('missing_column');
    expect(r.error.file).toBe('orders.csv');
    expect(r.error.field).toBe('order_date');
    expect(r.error.message.en).toBe(
      'orders.csv: the required column order_date was not found. Headers found: order_id, Bestelldatum, Betrag, Order Dat. Closest: "Order Dat".',
    );
    expect(r.error.hint!.en).toContain('files:\n  orders:\n    columns: { order_date: "Order Dat" }');
  });

  it('an unknown column setting suggests the closest canonical column', () => {
    const r = matchHeaders(['a', 'b'], 'orders', 'orders.csv', orderCols, req, { columns: { order_dat: 'b' } });
    expect(!r.ok && r.error.message.en).toContain('"order_dat" is not a column of orders.csv (did you mean order_date?)');
  });

  it('a column setting naming an absent header says so', () => {
    const r = matchHeaders(['InvoiceNo', 'InvoiceDate'], 'orders', 'orders.csv', orderCols, req, { columns: { order_date: 'Invoice Dat' } });
    expect(!r.ok && r.error.code).toBe('mapped_header_not_found');
    expect(!r.ok && r.error.message.en).toContain('Closest: "InvoiceDate"');
  });

  it('presets map CRM column names', () => {
    const r = matchHeaders(['Id', 'AccountId', 'CloseDate', 'Amount', 'OwnerId', 'StageName'], 'orders', 'orders.csv', orderCols, req, { preset: 'salesforce', columns: {} });
    expect(r.ok && r.match.mapping).toEqual({
      order_id: 'Id', customer_id: 'AccountId', order_date: 'CloseDate', amount: 'Amount', owner_id: 'OwnerId', status: 'StageName',
    });
  });
});

describe('synonyms', () => {
  it('every canonical column of every file has Chinese or English labels', async () => {
    const { synonyms } = await import('../../src/ingest/synonyms.ts');
    const { inputFiles, inputNames } = await import('../../src/validate/schemas/index.ts');
    for (const n of inputNames) {
      const shape = (inputFiles[n].schema as unknown as { shape: Record<string, unknown> }).shape;
      for (const c of Object.keys(shape)) expect(synonyms[n][c]?.length ?? 0, `${n}.${c}`).toBeGreaterThan(0);
    }
  });
});
