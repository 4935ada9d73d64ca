import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { readInputFile } from '../../src/ingest/read-input-file.ts';

/** orders.csv from lines of text, read with `config` */
const read = (lines: string[], config: ConfigInput = {}) =>
  readInputFile({
    name: 'orders', file: 'orders.csv', bytes: new TextEncoder().encode(lines.join('\n') + '\n'),
    config: configSchema.parse(config), now: Date.UTC(2026, 0, 1),
  });

/** the amount column as ingest holds it: integer minor units (fen) */
const amounts = (r: ReturnType<typeof read>) => (r.ok ? (r.table.columns.amount as number[]) : []);

describe('which order rows are sales: the status rule', () => {
  const deals = [
    'order_id,order_date,amount,stage',
    'D1,2024-03-01,100,Closed Won',
    'D2,2024-03-02,250.5,Closed Won',
    'D3,2024-03-03,40,Negotiation',
    'D4,2024-03-04,60,Negotiation',
    'D5,2024-03-05,70,Closed Lost',
    'D6,2024-03-06,5,cancelled',
  ];

  it('a status column with values no rule covers stops, listing every value with its rows and amount and the lines that fix it', () => {
    const r = read(deals);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('uncovered_statuses');
    const m = r.error.message.en;
    // every value, worked out from the lines above: rows and amount
    expect(m).toContain('"Closed Won": 2 rows, amount 350.50 (kept)');
    expect(m).toContain('"Negotiation": 2 rows, amount 100.00 (no rule)');
    expect(m).toContain('"Closed Lost": 1 rows, amount 70.00 (no rule)');
    expect(m).toContain('"cancelled": 1 rows, amount 5.00 (excluded)');
    expect(r.error.message['zh-CN']).toContain('"Negotiation"：2 行，金额 100.00（无规则）');
    // the proposal keeps what reads as won, never "Closed Lost"
    expect(r.error.hint!.en).toContain('orders:\n  includeStatuses: ["Closed Won"]');
    expect(r.error.hint!.en).toContain('orders:\n  statusRule: none');
  });

  it('includeStatuses is an allow-list: only its values count, every other is excluded', () => {
    const r = read(deals, { orders: { includeStatuses: ['closed won'] } });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(amounts(r)).toEqual([10000, 25050]); // fen
    expect(r.ledger.excluded).toBe(4);
    expect(r.ledger.statuses!.values.find((v) => v.value === 'Negotiation')).toEqual({ value: 'Negotiation', rows: 2, amount: 10000, outcome: 'excluded' });
    expect(r.ledger.notes!.some((n) => n.en === 'status "stage": counted Closed Won (2); excluded Negotiation (2), Closed Lost (1), cancelled (1).')).toBe(true);
  });

  it('statusRule: none reads every row, whatever its status', () => {
    const r = read(deals, { orders: { statusRule: 'none' } });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.ledger.accepted).toBe(6);
    expect(r.ledger.excluded).toBe(0);
    expect(r.ledger.statuses).toBeUndefined();
  });

  it('a preset carries its system\'s meaning: Zoho deals count when Closed Won, whatever the open stages are called', () => {
    const zoho = ['Deal Id,Closing Date,Amount,Stage', 'D1,2024-03-01,100,Closed Won', 'D2,2024-03-02,40,Our Own Stage', 'D3,2024-03-03,70,Closed Lost'];
    const r = read(zoho, { files: { orders: { preset: 'zoho' } } });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(amounts(r)).toEqual([10000]);
    expect(r.ledger.excluded).toBe(2);
    // a Zoho invoice status the preset does not know stops (only Cancelled is excluded)
    const inv = ['Invoice Id,Created Time,Grand Total,Invoice Status', 'I1,2024-03-01,10,Delivered', 'I2,2024-03-02,20,Cancelled', 'I3,2024-03-03,30,Disputed'];
    const s = read(inv, { files: { orders: { preset: 'zoho' } } });
    expect(!s.ok && s.error.code).toBe('uncovered_statuses');
    expect(!s.ok && s.error.message.en).toContain('"Disputed": 1 rows, amount 30.00 (no rule)');
  });

  it('built-in words (paid, 已完成 …) and an empty status need no rule; excludeStatuses still excludes', () => {
    const r = read(['order_id,order_date,amount,status', 'A,2024-03-01,10,paid', 'B,2024-03-02,20,', 'C,2024-03-03,30,已完成', 'D,2024-03-04,40,Cancelled']);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(amounts(r)).toEqual([1000, 2000, 3000]);
    expect(r.ledger.excluded).toBe(1);
  });
});

describe('what a sale is worth: paid amount, refunds, unpaid rows', () => {
  it('where a file has a list and a paid amount, the paid one is read, and the ledger says which', () => {
    const r = read(['订单编号,总金额,买家实际支付金额,订单创建时间', '1,100,80,2024-03-01', '2,50,50,2024-03-02']);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.ledger.mapping.amount).toBe('买家实际支付金额');
    expect(amounts(r)).toEqual([8000, 5000]);
    expect(r.ledger.notes).toContainEqual({
      en: 'amount: read from "买家实际支付金额" (paid/net); "总金额" (a list/gross amount) is not read.',
      'zh-CN': '金额：取自“买家实际支付金额”（实付/净额）；“总金额”（标价/总额）不计。',
    });
  });

  it('a refund column is deducted from its order\'s amount', () => {
    const r = read(['order_id,order_date,amount,Refunded Amount', 'A,2024-03-01,100,30', 'B,2024-03-02,50,', 'C,2024-03-03,20,20']);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(amounts(r)).toEqual([7000, 5000, 0]);
    expect(r.table.columns).not.toHaveProperty('refund_amount', undefined);
    expect(r.ledger.notes!.at(-1)!.en).toBe('refunds: "Refunded Amount" deducted from "amount" (2 rows, 50.00).');
  });

  it('a paid amount already net of the refund (list = paid + refund on every refunded row) is not deducted twice', () => {
    const r = read(['订单编号,总金额,买家实际支付金额,订单创建时间,退款金额', '1,100,60,2024-03-01,40', '2,50,0,2024-03-02,50', '3,30,30,2024-03-03,0']);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(amounts(r)).toEqual([6000, 0, 3000]);
    expect(r.ledger.notes!.at(-1)!.en).toContain('is already net of "退款金额"');
    // rows that disagree stop, with the counts and both settings
    const mixed = read(['订单编号,总金额,买家实际支付金额,订单创建时间,退款金额', '1,100,60,2024-03-01,40', '2,50,50,2024-03-02,10']);
    expect(!mixed.ok && mixed.error.code).toBe('unclear_refunds');
    expect(!mixed.ok && mixed.error.message.en).toContain('of 2 refunded rows, 1 show 总金额 = 买家实际支付金额 + 退款金额 (net), 1 show 买家实际支付金额 = 总金额 (not net)');
    expect(!mixed.ok && mixed.error.hint!.en).toContain('refunds: deduct');
    const settled = read(['订单编号,总金额,买家实际支付金额,订单创建时间,退款金额', '1,100,60,2024-03-01,40', '2,50,50,2024-03-02,10'], { orders: { refunds: 'deduct' } });
    expect(amounts(settled)).toEqual([2000, 4000]);
  });

  it('rows with an empty payment time are unpaid: excluded, with their count and amount in the notes', () => {
    const r = read(['订单编号,订单创建时间,实付金额,订单付款时间', '1,2024-03-01,10,2024-03-01 10:00', '2,2024-03-02,25,', '3,2024-03-03,30,2024-03-03 09:00']);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(amounts(r)).toEqual([1000, 3000]);
    expect(r.ledger.excluded).toBe(1);
    expect(r.ledger.notes).toContainEqual({ en: '1 rows without "订单付款时间" (not paid) are excluded (amount 25.00).', 'zh-CN': '1 行没有“订单付款时间”（未付款），已排除（金额 25.00）。' });
  });

  it('refunds are netted in integer minor units: no binary residue, totals to the cent, the currency\'s own decimals', () => {
    // 100 − 33.3 is 66.69999999999999 in binary doubles; 10000 − 3330 fen is 6670 exactly
    const r = read(['order_id,order_date,amount,Refunded Amount', 'A,2024-03-01,0.3,0.1', 'B,2024-03-02,100,33.3', 'C,2024-03-03,0.1,0.1', 'D,2024-03-04,1234567.89,0.2']);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(amounts(r)).toEqual([20, 6670, 0, 123456769]);
    // 0.1 + 33.3 + 0.1 + 0.2 = 33.70, grouped by thousands as text, never through a double
    expect(r.ledger.notes!.at(-1)!.en).toBe('refunds: "Refunded Amount" deducted from "amount" (4 rows, 33.70).');
    // a yen company: no minor unit, so amounts are whole yen and the note shows none
    const yen = read(['order_id,order_date,amount,Refunded Amount', 'A,2024-03-01,"12,000",2500', 'B,2024-03-02,800,'], { currency: 'JPY' });
    if (!yen.ok) throw new Error(yen.error.message.en);
    expect(amounts(yen)).toEqual([9500, 800]);
    expect(yen.ledger.notes!.at(-1)!.en).toBe('refunds: "Refunded Amount" deducted from "amount" (1 rows, 2,500).');
    // a yen refund with decimals is refused, not rounded
    const cents = read(['order_id,order_date,amount,Refunded Amount', 'A,2024-03-01,1000,2.5'], { currency: 'JPY' });
    expect(cents.ok && cents.rejects.map((x) => [x.reason, x.column])).toEqual([['too_many_decimals', 'refund_amount']]);
  });

  it('status amounts are exact sums in minor units, listed with the currency\'s decimals when the build stops', () => {
    const r = read(['order_id,order_date,amount,stage', 'A,2024-03-01,0.1,Open', 'B,2024-03-02,0.2,Open', 'C,2024-03-03,1000000.07,Open', 'D,2024-03-04,5,paid']);
    expect(!r.ok && r.error.code).toBe('uncovered_statuses');
    // 0.1 + 0.2 + 1,000,000.07 = 1,000,000.37 (as doubles: 1000000.3699999999)
    expect(!r.ok && r.error.message.en).toContain('"Open": 3 rows, amount 1,000,000.37 (no rule)');
  });
});

describe('Salesforce users as staff', () => {
  it('the name from FirstName and LastName, the empty reference 000000000000000AAA as no manager, the role not from UserRoleId', () => {
    const text = [
      'Id,FirstName,LastName,UserRoleId,UserRole.Name,ManagerId,IsActive',
      '0055g00000AAAAAAA1,Ann,Lee,00E5g000000AAAA,account_manager,000000000000000AAA,true',
      '0055g00000AAAAAAA2,三,张,00E5g000000BBBB,account_manager,0055g00000AAAAAAA1,true',
      '0055g00000AAAAAAA3,,Rozario Diego,00E5g000000BBBB,service_manager,0055g00000AAAAAAA1,false',
    ].join('\n');
    const r = readInputFile({
      name: 'staff', file: 'staff.csv', bytes: new TextEncoder().encode(text),
      config: configSchema.parse({ files: { staff: { preset: 'salesforce' } } }), now: Date.UTC(2026, 0, 1),
    });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.columns.name).toEqual(['Ann Lee', '张三', 'Rozario Diego']);
    expect(r.table.columns.role).toEqual(['account_manager', 'account_manager', 'service_manager']);
    expect(r.table.columns.manager_id).toEqual([null, '0055g00000AAAAAAA1', '0055g00000AAAAAAA1']);
    expect(r.ledger.mapping).toMatchObject({ name: 'FirstName + LastName', role: 'UserRole.Name' });
  });
});

describe('line-item exports with order fields on the first line only', () => {
  it('Odoo top-level export (preset odoo): a line with an empty order id continues the order above, its total counted once', () => {
    const r = read([
      'name,partner_id,date_order,amount_total,state,order_line/product_id,order_line/price_subtotal',
      'S00001,Acme,2024-03-01 10:00:00,300,sale,Desk,200',
      ',,,,,Chair,100',
      'S00002,Beta,2024-03-02 10:00:00,50,cancel,Lamp,50',
      ',,,,,Bulb,0',
      'S00003,Acme,2024-03-03 10:00:00,80,done,Pen,80',
    ], { files: { orders: { preset: 'odoo' } } });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.columns.order_id).toEqual(['S00001', 'S00001', 'S00003']);
    expect(r.table.columns.customer_id).toEqual(['Acme', 'Acme', 'Acme']);
    expect(amounts(r)).toEqual([30000, 0, 8000]);
    // the cancelled order's two lines: its status is on its first line only
    expect(r.ledger.excluded).toBe(2);
    expect(r.ledger.notes!.map((n) => n.en)).toContain('2 lines continue the order above (its totals and status are on its first line): read with amount 0 and the first line\'s order fields.');
  });

  it('without such a preset an empty order id is still a missing value, and a line whose own amount is set is its own line', () => {
    const r = read(['order_id,order_date,amount', 'A,2024-03-01,10', ',2024-03-01,', 'A,2024-03-01,5', 'A,2024-03-01,']);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.rejects.map((x) => [x.line, x.reason, x.column])).toEqual([[3, 'missing_value', 'order_id']]);
    // line 5 continues A (its first line has an amount): amount 0, not rejected
    expect(amounts(r)).toEqual([1000, 500, 0]);
  });
});

describe('status values written as a path of states (Odoo "Sale Order/Done")', () => {
  const lines = (states: string[]) => ['order_id,order_date,amount,state', ...states.map((s, i) => `S${i},2024-03-0${i + 1},${(i + 1) * 10},${s}`)];

  it('each segment classified by the same rules: all known and agreeing → that outcome', () => {
    // Sale Order (kept by the odoo preset) / Done (kept): kept; Quotation/Cancelled: both excluded
    const r = read(lines(['Sale Order', 'Sale Order/Done', 'Quotation / Cancelled', '已付款 > 已发货']), { files: { orders: { preset: 'odoo' } } });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.table.columns.order_id).toEqual(['S0', 'S1', 'S3']);
    expect(amounts(r)).toEqual([1000, 2000, 4000]); // fen
    expect(r.ledger.excluded).toBe(1);
  });

  it('a segment unknown, or segments that disagree: still unknown, and the build stops with the value', () => {
    for (const odd of ['Sale Order/Mystery', 'Sale Order/Cancelled']) {
      const r = read(lines(['Sale Order', odd]), { files: { orders: { preset: 'odoo' } } });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('uncovered_statuses');
      expect(r.error.message.en).toContain(`"${odd}": 1 rows, amount 20.00 (no rule)`);
    }
  });
});

describe('an orders file without an order id', () => {
  it('the stop advises orderIdentity: line first, a header second', () => {
    const r = read(['Potential Name,Closing Date,Amount,LEADID', 'Big deal,2024-03-01,10,']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('missing_column');
    expect(r.error.hint!.en).toMatch(/^If each line is one order \(one deal, one invoice\), say so in data\/config\.yaml:\nfiles:\n {2}orders:\n {4}orderIdentity: line\n/);
    expect(r.error.hint!['zh-CN']).toContain('orderIdentity: line');
  });
});
