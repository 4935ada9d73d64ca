import { readFileSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { matchHeaders } from '../../src/ingest/headers.ts';
import { inputFiles, type InputName } from '../../src/validate/schemas/index.ts';

/**
 * The preset columns docs/data.md marks as confirmed by a real export: the header rows of the
 * credited real files (test/fixtures/real-exports/) map as the docs say.
 */
const headerOf = (path: string) => csvParseRows(readFileSync(`test/fixtures/real-exports/${path}`, 'utf8').split('\n')[0]!)[0]!;
const columns = (n: InputName) => Object.keys(((inputFiles[n].schema as unknown as z.ZodObject).shape));
const mapping = (path: string, name: InputName, preset: 'zoho' | 'tmall' | 'odoo') => {
  const r = matchHeaders(headerOf(path), name, path, columns(name), [], { preset, columns: {} });
  if (!r.ok) throw new Error(r.error.message.en);
  return r.match.mapping;
};

describe('presets against the headers of real exports', () => {
  it('zoho: invoices, sales orders and deals (module Potentials) as orders', () => {
    expect(mapping('zoho-crm/Invoices.csv', 'orders', 'zoho')).toEqual({
      order_id: 'INVOICEID', customer_id: 'Account Id', order_date: 'Created Time', amount: 'Grand Total', owner_id: 'Invoice Owner Id', status: 'Invoice Status',
    });
    expect(mapping('zoho-crm/Sales_Orders.csv', 'orders', 'zoho')).toEqual({
      order_id: 'SALESORDERID', order_date: 'Created Time', amount: 'Grand Total', owner_id: 'Sales Order Owner', status: 'Status',
    });
    expect(mapping('zoho-crm/Potentials.csv', 'orders', 'zoho')).toEqual({
      order_date: 'Closing Date', amount: 'Amount', owner_id: 'Potential Owner', status: 'Stage', channel: 'Lead Source',
    });
  });

  it('zoho: accounts, users, calls (Call Type is a direction, not read as type), cases, tasks', () => {
    expect(mapping('zoho-crm/Accounts.csv', 'customers', 'zoho')).toEqual({
      customer_id: 'ACCOUNTID', name: 'Account Name', owner_id: 'Account Owner Id', industry: 'Industry', member_level: 'Account Type',
    });
    expect(mapping('zoho-crm/Users.csv', 'staff', 'zoho')).toEqual({ staff_id: 'USER_ID' });
    const calls = mapping('zoho-crm/Calls.csv', 'interactions', 'zoho');
    expect(calls).toEqual({
      interaction_id: 'TASKID', customer_id: 'ACCOUNTID', owner_id: 'Call Owner Id', occurred_at: 'Call Start Time', outcome: 'Call Purpose',
    });
    expect(Object.values(calls)).not.toContain('Call Type');
    expect(mapping('zoho-crm/Cases.csv', 'tickets', 'zoho')).toMatchObject({ owner_id: 'Case Owner', opened_at: 'Created Time', channel: 'Case Origin' });
    expect(mapping('zoho-crm/Tasks.csv', 'tasks', 'zoho')).toMatchObject({ owner_id: 'Task Owner', assigned_at: 'Created Time', due_at: 'Due Date', title: 'Subject' });
  });

  it('tmall and odoo order exports', () => {
    expect(mapping('tmall/tmall_order_report.csv', 'orders', 'tmall')).toEqual({
      order_id: '订单编号', order_date: '订单创建时间', amount: '买家实际支付金额', refund_amount: '退款金额', paid_at: '订单付款时间 ', region: '收货地址 ',
    });
    expect(mapping('odoo/sale.order.csv', 'orders', 'odoo')).toEqual({
      order_id: 'order_line/order_id/name', customer_id: 'order_line/order_partner_id/display_name', order_date: 'order_line/order_id/date_order',
      amount: 'order_line/price_subtotal', status: 'order_line/order_id/state', product: 'order_line/name', category: 'order_line/product_categ_name',
    });
  });
});
