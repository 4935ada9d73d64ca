import { describe, expect, it } from 'vitest';
import { proposeConfig } from '../../src/mapping/propose.ts';
import { renderProposal } from '../../src/mapping/render-proposal.ts';
import { parseConfig } from '../../src/config/load-config.ts';

const NOW = Date.UTC(2026, 11, 3);
const enc = (s: string) => new TextEncoder().encode(s);
const propose = (files: Record<string, string>) =>
  proposeConfig({ files: Object.entries(files).map(([file, text]) => ({ file, bytes: enc(text) })), now: NOW });

describe('the date order', () => {
  it('is proven by rows whose first number can only be a day, and counted', () => {
    const p = propose({ 'sales.csv': 'Order No,Date,Amount\nA1,25/01/2024,10\nA2,03/02/2024,5\nA3,13/02/2024,7\n' });
    // 25/01 and 13/02 read only day first; 03/02 reads either way
    expect(p.dates['sales.csv']).toMatchObject({ kind: 'proven', order: 'dmy', rows: 2, example: '25/01/2024', either: 1 });
    expect((p.config.files as Record<string, { dateOrder?: string }>).orders!.dateOrder).toBe('dmy');
  });

  it('is a question, and not set, when no value proves it', () => {
    const p = propose({ 'orders.csv': 'order_id,order_date,amount\nA1,01/02/2024,10\nA2,03/04/2024,5\n' });
    expect(p.dates['orders.csv']).toMatchObject({ kind: 'unproven', rows: 2 });
    const files = p.config.files as Record<string, { dateOrder?: string }>;
    expect(files.orders?.dateOrder).toBeUndefined();
    const text = renderProposal(p, 'en', 'data');
    expect(text).toContain('# QUESTION: 2 dates like 03/04/2021 (order_date) read either way');
    // the build stops on it (reading the file with the proposal says so)
    expect(p.used[0]!.check).toMatchObject({ ok: false, error: { code: 'ambiguous_dates' } });
  });

  it('is a question when some rows read only day first and others only month first', () => {
    const p = propose({ 'orders.csv': 'order_id,order_date,amount\nA1,25/01/2024,10\nA2,01/25/2024,5\n' });
    expect(p.dates['orders.csv']).toMatchObject({ kind: 'conflict', dmy: { rows: 1 }, mdy: { rows: 1 } });
  });
});

describe('the currency', () => {
  it('is read from an unambiguous mark in the amounts', () => {
    const p = propose({ 'orders.csv': 'order_id,order_date,amount\nA1,2024-01-02,€10.00\nA2,2024-01-03,€5.50\n' });
    expect(p.currency).toMatchObject({ code: 'EUR', question: false });
    expect(p.config.currency).toBe('EUR');
  });

  it('is proposed with a question for a sign several currencies use', () => {
    const p = propose({ 'orders.csv': 'order_id,order_date,amount\nA1,2024-01-02,"$1,000.00"\n' });
    expect(p.currency).toMatchObject({ code: 'USD', question: true });
    expect(renderProposal(p, 'en', 'data')).toContain('# QUESTION: amounts are marked "$" × 1');
  });

  it('is not set when an unambiguous mark and a sign of other currencies disagree', () => {
    const p = propose({ 'orders.csv': 'order_id,order_date,amount\nA1,2024-01-02,€10.00\nA2,2024-01-03,$5.50\n' });
    expect(p.currency).toMatchObject({ code: null, question: true });
  });

  it('is not set when the files show two currencies', () => {
    const p = propose({ 'orders.csv': 'order_id,order_date,amount,currency\nA1,2024-01-02,10,USD\nA2,2024-01-03,5,EUR\n' });
    expect(p.currency.code).toBeNull();
    expect(p.config.currency).toBeUndefined();
  });
});

describe('which file is which', () => {
  it('maps synonyms to canonical columns with their reason, lists what is not read, and the text parses back', () => {
    const p = propose({
      '销售明细.csv': '订单编号,客户编号,下单时间,实付金额,备注\nA1,C1,2024-01-02 10:00:00,10,x\nA2,C2,2024-01-03 11:00:00,5,y\n',
      'notes.txt': 'just some words\n',
    });
    const u = p.used[0]!;
    expect(u).toMatchObject({ name: 'orders', file: '销售明细.csv', preset: null, unread: ['备注'] });
    expect(u.columns.map((c) => [c.column, c.header, c.by])).toEqual([
      ['order_id', '订单编号', 'synonym'], ['customer_id', '客户编号', 'synonym'],
      ['order_date', '下单时间', 'synonym'], ['amount', '实付金额', 'synonym'],
    ]);
    expect(p.skipped).toMatchObject([{ file: 'notes.txt', why: { kind: 'unreadable', reason: 'no_header' } }]);
    for (const lang of ['en', 'zh-CN'] as const) {
      const parsed = parseConfig(renderProposal(p, lang, 'data'));
      expect(parsed.ok && parsed.config.files.orders).toMatchObject({ path: '销售明细.csv', columns: { order_id: '订单编号', amount: '实付金额' } });
    }
  });

  it('says why a file is not used when another reads better as the same canonical file', () => {
    const p = propose({
      'a.csv': 'order_id,customer_id,order_date,amount,owner_id\nA1,C1,2024-01-02,10,S1\n',
      'b.csv': 'order_id,order_date,amount\nB1,2024-01-02,10\n',
    });
    expect(p.used.map((u) => u.file)).toEqual(['a.csv']);
    expect(p.skipped).toMatchObject([{ file: 'b.csv', why: { kind: 'taken', name: 'orders', by: 'a.csv' } }]);
  });
});

describe('encodings, as the build detects them', () => {
  it('reads a GBK orders file and a UTF-16 customers file, and names their encodings', async () => {
    const { readFile } = await import('node:fs/promises');
    const p = proposeConfig({
      files: [
        { file: 'gbk-orders.csv', bytes: await readFile('test/fixtures/ingest/gbk-orders.csv') },
        { file: 'utf16le-customers.txt', bytes: await readFile('test/fixtures/ingest/utf16le-customers.txt') },
      ],
      now: NOW,
    });
    const orders = p.used.find((u) => u.name === 'orders')!;
    expect(orders.profile.encoding).toBe('gb18030');
    expect(orders.columns.find((c) => c.column === 'order_id')?.header).toBe('订单编号');
    // ￥350 and 88.5元: 元 names CNY, and ¥ can be CNY
    expect(p.currency).toMatchObject({ code: 'CNY', question: false });
    expect(p.used.find((u) => u.name === 'customers')?.profile.encoding).toBe('utf-16le');
  });
});

describe('the status rule', () => {
  const deals = 'order_id,order_date,amount,status\nD1,2024-01-02,100,Closed Won\nD2,2024-01-03,50,Negotiation\nD3,2024-01-04,20,Closed Lost\nD4,2024-01-05,30,Closed Won\nD5,2024-01-06,5,Negotiation\n';

  it('lists every value with its rows and amount, and proposes the values that read as won when some are uncovered', () => {
    const p = propose({ 'orders.csv': deals });
    // by hand: Closed Won 2 rows 130; Negotiation 2 rows 55; Closed Lost 1 row 20
    expect(p.statuses?.values.map((v) => [v.value, v.rows, v.amount])).toEqual([
      ['Closed Won', 2, 130], ['Negotiation', 2, 55], ['Closed Lost', 1, 20],
    ]);
    expect(p.statuses).toMatchObject({ header: 'status', uncovered: true, include: ['Closed Won'] });
    expect(p.config.orders).toEqual({ includeStatuses: ['Closed Won'] });
    // read with the proposal, the two won deals count and the three others are excluded
    expect(p.used[0]!.check).toMatchObject({ ok: true, ledger: { read: 5, accepted: 2, excluded: 3 } });
    const parsed = parseConfig(renderProposal(p, 'en', 'data'));
    expect(parsed.ok && parsed.config.orders.includeStatuses).toEqual(['Closed Won']);
  });

  it('asks, and sets nothing, when no value reads as a sale: the build stops with the values', () => {
    const p = propose({ 'orders.csv': 'order_id,order_date,amount,status\nA1,2024-01-02,10,A\nA2,2024-01-03,5,B\n' });
    expect(p.statuses).toMatchObject({ uncovered: true, include: null });
    expect(p.config.orders).toBeUndefined();
    expect(p.used[0]!.check).toMatchObject({ ok: false, error: { code: 'uncovered_statuses' } });
    expect(renderProposal(p, 'en', 'data')).toContain('statusRule: none');
  });
});

describe('what config must give: orderIdentity and constants', () => {
  it('an orders file without an order id: orderIdentity: line, with the reason, and the file reads', () => {
    const p = propose({ 'deals.csv': 'Deal Name,Closing Date,Amount,Stage\nBig,2024-01-02,10,Closed Won\nSmall,2024-01-03,5,Closed Won\n' });
    const u = p.used[0]!;
    expect(u).toMatchObject({ name: 'orders', file: 'deals.csv' });
    expect(u.given).toMatchObject([{ column: 'order_id', setting: 'orderIdentity', value: 'line', question: false }]);
    expect(u.missing).not.toContain('order_id');
    expect(u.check).toMatchObject({ ok: true, ledger: { read: 2, accepted: 2 } });
    const text = renderProposal(p, 'en', 'data');
    expect(text).toContain('    orderIdentity: line   # no order id column: each line is read as one order');
    const parsed = parseConfig(text);
    expect(parsed.ok && parsed.config.files.orders.orderIdentity).toBe('line');
  });

  it("a calls file without a type column: the file's name gives every row's type (constants), read by the column's own synonyms", () => {
    // `Call Type` is a direction (Outbound/Inbound), not an interaction type
    const calls = 'interaction_id,customer_id,owner_id,occurred_at,Call Type\nK1,C1,S1,2024-01-02 10:00,Outbound\nK2,C2,S1,2024-01-03 10:00,Inbound\n';
    for (const [file, type] of [['Calls.csv', 'call'], ['拜访记录.csv', 'visit'], ['meetings-2024.csv', 'meeting']] as const) {
      const p = propose({ [file]: calls });
      const u = p.used.find((x) => x.name === 'interactions');
      expect(u?.given, file).toMatchObject([{ column: 'type', setting: 'constants', value: type }]);
      expect(u?.check).toMatchObject({ ok: true, ledger: { accepted: 2 } });
      expect((p.config as { files: { interactions: { constants: unknown } } }).files.interactions.constants).toEqual({ type });
    }
    // a name that says nothing: no type to give, the file is not read as interactions
    expect(propose({ 'export.csv': calls }).used.find((x) => x.name === 'interactions')).toBeUndefined();
  });

  it('a users file: the name from first and last name, and the role asked (a role-card id)', () => {
    const users = 'USER_ID,First Name,Last Name,Email\n1001,,Rozario Diego,r@example.com\n1002,Ann,Lee,a@example.com\n';
    const p = proposeConfig({ files: [{ file: 'Users.csv', bytes: enc(users) }], now: NOW, roles: ['account-manager', 'crm-specialist'] });
    const u = p.used.find((x) => x.name === 'staff')!;
    expect(u.columns.find((c) => c.column === 'name')).toMatchObject({ header: 'First Name + Last Name', by: 'parts' });
    expect(u.unread).toEqual(['Email']);
    expect(u.given).toMatchObject([{ column: 'role', setting: 'constants', value: 'account-manager', question: true }]);
    const text = renderProposal(p, 'en', 'data');
    expect(text).toContain('      role: account-manager   # QUESTION: no role column: is every person of this file "account-manager"?');
    expect(text).toContain('role cards found: account-manager, crm-specialist');
    const parsed = parseConfig(text);
    // the joined name is the reader's own rule: no columns setting for it
    expect(parsed.ok && parsed.config.files.staff).toMatchObject({ path: 'Users.csv', constants: { role: 'account-manager' }, columns: { staff_id: 'USER_ID' } });
    expect(parsed.ok && parsed.config.files.staff.columns.name).toBeUndefined();
    expect(u.check).toMatchObject({ ok: true, ledger: { accepted: 2 } });
  });

  it('a file not used says the settings it would need besides its path', () => {
    const p = propose({
      'invoices.csv': 'order_id,customer_id,order_date,amount,owner_id\nA1,C1,2024-01-02,10,S1\n',
      'deals.csv': 'Deal Name,Closing Date,Amount\nBig,2024-01-02,10\n',
    });
    expect(p.used.map((u) => u.file)).toEqual(['invoices.csv']);
    expect(renderProposal(p, 'en', 'data')).toContain('To use this one instead, set files.orders.path: deals.csv, orderIdentity: line');
  });
});
