import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { memFs } from './mem-fs.ts';

const fixture = (f: string) => new Uint8Array(readFileSync(new URL(`../fixtures/ingest/${f}`, import.meta.url)));
const cfg = (c: ConfigInput = {}) => configSchema.parse(c);
const NOW = Date.UTC(2026, 10, 22);

async function run(files: Record<string, string | Uint8Array>, config: ConfigInput = {}) {
  const data: Record<string, string | Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) data[`data/${k}`] = v;
  return ingest({ dataDir: 'data', config: cfg(config), fs: memFs(data), now: NOW });
}

async function ok(files: Record<string, string | Uint8Array>, config: ConfigInput = {}) {
  const r = await run(files, config);
  if (!r.ok) throw new Error(r.error.message.en);
  for (const l of r.ledger) expect(l.read).toBe(l.accepted + l.excluded + l.rejected + l.duplicates);
  return r;
}

// Shanghai is UTC+8 all year: local midnight of day d is 16:00 UTC the day before
const shDay = (y: number, m: number, d: number, hh = 0, mm = 0) => Date.UTC(y, m - 1, d, hh - 8, mm);

describe('ingest: encodings and layouts', () => {
  it('GBK file with Chinese headers (Excel in a Chinese locale)', async () => {
    const r = await ok({ 'orders.csv': fixture('gbk-orders.csv') });
    const o = r.dataset.orders;
    const l = r.ledger.find((x) => x.name === 'orders')!;
    expect(l).toMatchObject({ encoding: 'gb18030', delimiter: ',', read: 3, accepted: 2, excluded: 1, rejected: 0, duplicates: 0 });
    expect(l.mapping).toEqual({ order_id: '订单编号', customer_id: '客户编号', order_date: '下单时间', amount: '金额', owner_id: '负责人', status: '状态', region: '地区' });
    // DD002 is 已取消 (a default excluded status)
    expect(o.columns.order_id).toEqual(['DD001', 'DD003']);
    expect(o.columns.amount).toEqual([120000, 8850]); // in fen (lib/money.ts)
    expect(o.columns.order_date).toEqual([shDay(2024, 3, 5), shDay(2024, 3, 7, 9, 15)]);
    expect(o.columns.owner_id).toEqual(['张伟', '张伟']);
    expect(o.columns.region).toEqual(['华东', '华东']);
    expect(o.line).toEqual([2, 4]);
    expect(l.coverage).toEqual({ column: 'order_date', min: shDay(2024, 3, 5), max: shDay(2024, 3, 7, 9, 15) });
    expect(r.dataset.customers).toBeNull();
    expect(r.ledger.find((x) => x.name === 'customers')).toMatchObject({ present: false, read: 0 });
  });

  it('UTF-16 LE with BOM, tab-separated (Excel "Unicode text")', async () => {
    const r = await ok(
      { 'orders.csv': 'order_id,customer_id,order_date,amount\nA,KH001,2024-03-05,1\n', 'utf16le-customers.txt': fixture('utf16le-customers.txt') },
      { files: { customers: { path: 'utf16le-customers.txt' } } },
    );
    const c = r.dataset.customers!;
    const l = r.ledger.find((x) => x.name === 'customers')!;
    expect(l).toMatchObject({ file: 'utf16le-customers.txt', encoding: 'utf-16le', delimiter: '\t', read: 2, accepted: 2 });
    expect(c.columns.customer_id).toEqual(['KH001', 'KH002']);
    expect(c.columns.name).toEqual(['上海明达贸易有限公司', '北京远航科技']);
    expect(c.columns.member_level).toEqual(['金卡', '银卡']);
    expect(c.columns.created_at).toEqual([shDay(2023, 1, 15), shDay(2023, 6, 30)]);
    // S01/S02 are owners, staff.csv absent: no orphan check for staff
    expect(l.orphans).toEqual([]);
  });

  it('UTF-8 BOM + CRLF; duplicate keys are rejected naming the line they repeat', async () => {
    const r = await ok({ 'orders.csv': 'order_id,customer_id,order_date,amount\nA,C1,2024-03-05,1\n', 'customers.csv': fixture('utf8bom-crlf-customers.csv') });
    const l = r.ledger.find((x) => x.name === 'customers')!;
    expect(l).toMatchObject({ encoding: 'utf-8-bom', read: 3, accepted: 2, rejected: 0, duplicates: 1 });
    expect(r.dataset.customers!.columns.name).toEqual(['Zhang Wei', 'Li Na']);
    expect(r.dataset.customers!.columns.phone).toEqual(['13812341234', 'not-a-phone']);
    const dup = r.rejects.find((x) => x.reason === 'duplicate_key')!;
    expect(dup).toMatchObject({ file: 'customers.csv', line: 4, column: 'customer_id', raw: 'C2' });
    expect(dup.message.en).toBe('customer_id "C2" repeats the row on line 3');
    expect(dup.cells).toEqual(['C2', 'Li Na again', 'S2', '13900001111', 'li2@example.com']);
  });

  it('semicolons with decimal commas and day-first dates, as configured', async () => {
    const text = 'order_id;customer_id;order_date;amount\nA;C1;05.03.2024;1 234,50\nB;C2;06.03.2024 14:30;12,5\nC;C3;07.03.2024;"1.234,5"\n';
    const r = await ok({ 'orders.csv': text }, { files: { orders: { decimal: ',', dateOrder: 'dmy' } } });
    const o = r.dataset.orders;
    expect(r.ledger[0]!.delimiter).toBe(';');
    expect(o.columns.amount).toEqual([123450, 1250, 123450]); // in fen
    expect(o.columns.order_date).toEqual([shDay(2024, 3, 5), shDay(2024, 3, 6, 14, 30), shDay(2024, 3, 7)]);
  });

  it('quoted fields with embedded newlines keep line numbers right after them', async () => {
    const text = 'order_id,order_date,amount,product\nA,2024-03-05,1,"gift\nbox"\nB,2024-03-06,2,plain\nC,2024-02-30,3,"x\ny\nz"\nD,2024-03-07,4,p\n';
    const r = await ok({ 'orders.csv': text });
    // A on lines 2–3, B on 4, C on 5–7 (rejected: 30 February), D on 8
    expect(r.dataset.orders.line).toEqual([2, 4, 8]);
    expect(r.dataset.orders.columns.product).toEqual(['gift\nbox', 'plain', 'p']);
    expect(r.rejects.map((x) => [x.line, x.reason, x.column, x.raw])).toEqual([[5, 'impossible_date', 'order_date', '2024-02-30']]);
  });

  it('ragged rows are rejected with a reason', async () => {
    const text = 'order_id,order_date,amount\nA,2024-03-05,1\nB,2024-03-05\nC,2024-03-05,3,extra\nD,2024-03-05,4\n';
    const r = await ok({ 'orders.csv': text });
    const l = r.ledger[0]!;
    expect(l).toMatchObject({ read: 4, accepted: 2, rejected: 2 });
    expect(r.rejects.map((x) => [x.line, x.reason, x.message.en])).toEqual([
      [3, 'ragged_row', 'the row has a different number of fields than the header: 2 fields, header 3'],
      [4, 'ragged_row', 'the row has a different number of fields than the header: 4 fields, header 3'],
    ]);
  });

  it('an unterminated quote stops the build instead of swallowing the file', async () => {
    const r = await run({ 'orders.csv': 'order_id,order_date,amount\nA,2024-03-05,"1\nB,2024-03-05,2\nC,2024-03-05,3\n' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ code: 'unterminated_quote', file: 'orders.csv', line: 2 });
    expect(!r.ok && r.error.message.en).toBe('orders.csv: a quote opened on line 2 is never closed, so the last 3 line(s) would be read as one field.');
  });
});

describe('ingest: the ledger', () => {
  it('exact duplicate order lines, excluded statuses (case-insensitive), quantity × unit price', async () => {
    const text = [
      'order_id,customer_id,order_date,quantity,unit_price,status',
      'A,C1,2024-03-05,3,0.1,paid', // amount 0.3 (not 0.30000000000000004)
      'A,C1,2024-03-05,3,0.1,paid', // exact duplicate of line 2
      'A,C1,2024-03-05,2,0.1,paid', // same order, another line: kept
      'B,C2,2024-03-06,1,5,Cancelled', // excluded
      'C,C2,2024-03-06,1,5,VOID', // excluded
      'D,,2024-03-07,-2,4.5,', // refund line, anonymous
      'E,C3,2024-03-07,,4.5,', // neither amount nor quantity × price
    ].join('\n');
    const r = await ok({ 'orders.csv': text });
    const l = r.ledger[0]!;
    expect(l).toMatchObject({ read: 7, accepted: 3, excluded: 2, rejected: 1, duplicates: 1 });
    expect(r.dataset.orders.columns.amount).toEqual([30, 20, -900]); // in fen: 3 × 0.1 is exactly 30
    expect(r.dataset.orders.columns.customer_id).toEqual(['C1', 'C1', null]);
    expect(r.dataset.orders.columns.quantity).toEqual([3, 2, -2]);
    const reasons = Object.fromEntries(l.reasons.map((x) => [x.code, x.count]));
    expect(reasons).toEqual({ exact_duplicate: 1, missing_amount: 1 });
    expect(l.reasons.find((x) => x.code === 'exact_duplicate')!.examples).toEqual([{ line: 3, column: null, raw: '', detail: '2' }]);
    // exact duplicates are counted, not quarantined
    expect(r.rejects.map((x) => x.reason)).toEqual(['missing_amount']);
  });

  it('dropExactDuplicates: false keeps identical lines', async () => {
    const text = 'order_id,order_date,amount\nA,2024-03-05,1\nA,2024-03-05,1\n';
    const r = await ok({ 'orders.csv': text }, { orders: { dropExactDuplicates: false } });
    expect(r.ledger[0]).toMatchObject({ accepted: 2, duplicates: 0 });
  });

  it('orphans are kept and counted', async () => {
    const r = await ok({
      'orders.csv': 'order_id,customer_id,order_date,amount,owner_id\nA,C1,2024-03-05,1,S1\nB,C9,2024-03-05,1,S7\nC,C8,2024-03-05,1,\nD,,2024-03-05,1,S1\n',
      'customers.csv': 'customer_id,name,owner_id\nC1,One,S1\nC2,Two,S9\n',
      'staff.csv': 'staff_id,name,role\nS1,Ann,account-manager\n',
      'tickets.csv': 'ticket_id,customer_id,owner_id,opened_at\nT1,C1,S1,2024-03-05\nT2,C5,S5,2024-03-05\n',
    });
    const of = (n: string) => r.ledger.find((x) => x.name === n)!.orphans;
    // orders: C9 and C8 are not customers (the anonymous row is not an orphan); S7 is not staff
    expect(of('orders')).toEqual([
      { kind: 'unknown_customer', column: 'customer_id', count: 2 },
      { kind: 'unknown_staff', column: 'owner_id', count: 1 },
    ]);
    expect(of('customers')).toEqual([{ kind: 'unknown_staff', column: 'owner_id', count: 1 }]);
    expect(of('tickets')).toEqual([
      { kind: 'unknown_customer', column: 'customer_id', count: 1 },
      { kind: 'unknown_staff', column: 'owner_id', count: 1 },
    ]);
    expect(r.dataset.orders.rows).toBe(4);
    expect(r.dataset.staff!.columns.active).toEqual([true]);
  });

  it('examples in the ledger are masked when they are personal data', async () => {
    const text = 'order_id,order_date,amount\nA,zhang@example.com,1\nB,13812341234x,2\nC,2024-03-05,3\n';
    const r = await ok({ 'orders.csv': text });
    const reason = r.ledger[0]!.reasons.find((x) => x.code === 'invalid_date')!;
    expect(reason.count).toBe(2);
    expect(reason.examples[0]).toEqual({ line: 2, column: 'order_date', raw: 'z***@example.com' });
    // the quarantine keeps the original (local only)
    expect(r.rejects[0]!.raw).toBe('zhang@example.com');
  });

  it('row rules: tickets, interactions, targets; survey dimensions and ranges', async () => {
    const r = await ok({
      'orders.csv': 'order_id,order_date,amount\nA,2024-03-05,1\n',
      'tickets.csv': '工单编号,创建时间,首次响应时间,解决时间,类型,满意度\nT1,2024-03-05 10:00,2024-03-05 11:00,2024-03-06,投诉,5\nT2,2024-03-05 10:00,,2024-03-04,咨询,\nT3,2024-03-05,,,bogus,\nT4,2024-03-05,,,服务请求,6\n',
      'interactions.csv': 'interaction_id,customer_id,owner_id,type,occurred_at,requested_at\nI1,C1,S1,上门拜访,2024-03-05,\nI2,C1,S1,电话,,2024-03-01\nI3,C1,S1,微信,,\n',
      'targets.csv': 'staff_id,team,period,kpi,target\nS1,,2024-Q1,revenue,100000\n,East,2024-3,revenue,5000\n,,2024,revenue,1\nS2,,2024Q5,revenue,1\n',
      'surveys.csv': 'response_id,responded_at,csat,nps,dim_quality,dim_price\nR1,2024-03-05,5,10,4,3\nR2,2024-03-05,6,9,4,3\nR3,2024-03-05,4,,,2\n',
    });
    const t = r.dataset.tickets!;
    expect(t.columns.ticket_id).toEqual(['T1']);
    expect(t.columns.type).toEqual(['complaint']);
    expect(t.columns.first_response_at).toEqual([shDay(2024, 3, 5, 11)]);
    const tr = r.rejects.filter((x) => x.file === 'tickets.csv').map((x) => [x.line, x.reason, x.column]);
    expect(tr).toEqual([[3, 'resolved_before_opened', 'resolved_at'], [4, 'invalid_enum', 'type'], [5, 'invalid_integer', 'satisfaction']]);

    expect(r.dataset.interactions!.columns.type).toEqual(['visit', 'call']);
    expect(r.dataset.interactions!.columns.occurred_at).toEqual([shDay(2024, 3, 5), null]);
    expect(r.rejects.find((x) => x.file === 'interactions.csv')).toMatchObject({ line: 4, reason: 'missing_occurred_and_requested' });

    expect(r.dataset.targets!.columns.period).toEqual(['2024-Q1', '2024-03']);
    expect(r.rejects.filter((x) => x.file === 'targets.csv').map((x) => x.reason)).toEqual(['missing_staff_and_team', 'invalid_period']);

    const s = r.dataset.surveys!;
    expect(r.dataset.surveyDimensions).toEqual(['quality', 'price']);
    expect(s.columns.response_id).toEqual(['R1', 'R3']);
    expect((s.columns as unknown as Record<string, unknown[]>).dim_price).toEqual([3, 2]);
    expect((s.columns as unknown as Record<string, unknown[]>).dim_quality).toEqual([4, null]);
    expect(r.rejects.find((x) => x.file === 'surveys.csv')).toMatchObject({ line: 3, reason: 'invalid_integer', column: 'csat', raw: '6' });
  });
});

describe('ingest: CRM presets', () => {
  it('Zoho CRM deals export', async () => {
    const text = 'Record Id,Deal Name,Account Name,Deal Owner,Amount,Closing Date,Stage,Lead Source\n'
      + 'zcrm_4876876000000123001,Big deal,Acme Ltd,Wang Fang,"12,500.00",2024-03-05,Closed Won,Web\n'
      + 'zcrm_4876876000000123002,Lost deal,Beta Co,Wang Fang,800.00,2024-03-06,Closed Lost,Trade Show\n';
    const r = await ok({ 'orders.csv': text }, { files: { orders: { preset: 'zoho' } }, orders: { excludeStatuses: ['closed lost'] } });
    const o = r.dataset.orders.columns;
    expect(r.ledger[0]).toMatchObject({ read: 2, accepted: 1, excluded: 1 });
    expect(o.order_id).toEqual(['zcrm_4876876000000123001']);
    expect(o.customer_id).toEqual(['Acme Ltd']);
    expect(o.owner_id).toEqual(['Wang Fang']);
    expect(o.amount).toEqual([1250000]); // fen
    expect(o.channel).toEqual(['Web']);
    expect(o.order_date).toEqual([shDay(2024, 3, 5)]);
  });

  it('Zoho CRM export with owner and account ids next to their names: the ids are read (they join staff and customers)', async () => {
    const text = 'Record Id,Deal Name,Account Name,Account Name.id,Deal Owner,Deal Owner.id,Amount,Closing Date,Stage\n'
      + 'zcrm_4876876000000123001,Big deal,Acme Ltd,zcrm_4876876000000077001,Wang Fang,zcrm_4876876000000055001,100,2024-03-05,Closed Won\n';
    const r = await ok({ 'orders.csv': text }, { files: { orders: { preset: 'zoho' } } });
    const o = r.dataset.orders.columns;
    expect(o.customer_id).toEqual(['zcrm_4876876000000077001']);
    expect(o.owner_id).toEqual(['zcrm_4876876000000055001']);
    expect(r.ledger[0]!.mapping).toMatchObject({ owner_id: 'Deal Owner.id', customer_id: 'Account Name.id' });
  });

  it('Salesforce Data Loader export (API names, ISO UTC instants) for orders and cases', async () => {
    const r = await ok({
      'orders.csv': 'Id,AccountId,OwnerId,Amount,CloseDate,StageName\n0065g00000AbCdEAAV,0015g00000XyZ12AAB,0055g00000Q1w2EAAR,4200,2024-03-05,Closed Won\n',
      'tickets.csv': 'Id,CaseNumber,AccountId,OwnerId,CreatedDate,ClosedDate,Type,Origin,Priority\n'
        + '5005g00000A1,00001026,0015g00000XyZ12AAB,0055g00000Q1w2EAAR,2024-03-05T06:30:00.000Z,2024-03-06T01:00:00.000Z,Complaint,Phone,High\n',
    }, { files: { orders: { preset: 'salesforce' }, tickets: { preset: 'salesforce' } } });
    expect(r.dataset.orders.columns.customer_id).toEqual(['0015g00000XyZ12AAB']);
    expect(r.dataset.orders.columns.status).toEqual(['Closed Won']);
    const t = r.dataset.tickets!.columns;
    expect(t.ticket_id).toEqual(['00001026']);
    expect(t.opened_at).toEqual([Date.UTC(2024, 2, 5, 6, 30)]);
    expect(t.resolved_at).toEqual([Date.UTC(2024, 2, 6, 1)]);
    expect(t.channel).toEqual(['Phone']);
    expect(t.type).toEqual(['complaint']);
  });

  it('HubSpot deals export', async () => {
    const text = 'Record ID,Deal Name,Deal Stage,Close Date,Amount,Deal owner,Associated Company IDs\n'
      + '15874390212,Renewal,closedwon,2024-03-05 14:30,9800,Chen Jie,8751234567\n';
    const r = await ok({ 'orders.csv': text }, { files: { orders: { preset: 'hubspot' } } });
    const o = r.dataset.orders.columns;
    expect(o.order_id).toEqual(['15874390212']);
    expect(o.customer_id).toEqual(['8751234567']);
    expect(o.owner_id).toEqual(['Chen Jie']);
    expect(o.status).toEqual(['closedwon']);
    expect(o.order_date).toEqual([shDay(2024, 3, 5, 14, 30)]);
  });

  it('纷享销客 export with API names and epoch-millisecond dates', async () => {
    const text = '_id,name,account_id,order_time,order_amount,owner,life_status\n'
      + '65e6a1b2c3d4e5f601234567,SO20240305-001,65e0aaaabbbbccccdddd0001,1709596800000,5600.00,1000,normal\n'
      + '65e6a1b2c3d4e5f601234568,SO20240305-002,65e0aaaabbbbccccdddd0002,1709600400000,100.00,1001,作废\n';
    const r = await ok({ 'orders.csv': text }, { files: { orders: { preset: 'fxiaoke' } } });
    const o = r.dataset.orders.columns;
    expect(r.ledger[0]).toMatchObject({ read: 2, accepted: 1, excluded: 1 });
    expect(o.order_id).toEqual(['65e6a1b2c3d4e5f601234567']);
    expect(o.customer_id).toEqual(['65e0aaaabbbbccccdddd0001']);
    expect(o.owner_id).toEqual(['1000']);
    expect(o.order_date).toEqual([Date.UTC(2024, 2, 5)]);
    expect(o.amount).toEqual([560000]); // fen
  });
});

describe('ingest: files that cannot be used', () => {
  it('ambiguous day/month dates without dateOrder stop the build naming the setting', async () => {
    const r = await run({ 'orders.csv': 'order_id,order_date,amount\nA,2024-03-05,1\nB,05/03/2024,2\n' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'ambiguous_dates', file: 'orders.csv', line: 3, field: 'order_date' });
    expect(r.error.message.en).toBe(
      'orders.csv, line 3, order_date: "05/03/2024" could be day/month/year or month/day/year, and files.orders.dateOrder is not set. Dates are never guessed.',
    );
    expect(r.error.hint!.en).toContain('files.orders.dateOrder: dmy');
    expect(r.error.hint!.en).toContain('files:\n  orders:\n    dateOrder: dmy');
  });

  it('a day above 12 suggests the right order', async () => {
    const r = await run({ 'orders.csv': 'order_id,order_date,amount\nB,12/25/2024,2\n' });
    expect(!r.ok && r.error.hint!.en).toContain('dateOrder: mdy');
  });

  it('a missing required column names the headers, the closest one and the config line', async () => {
    const r = await run({ 'orders.csv': 'Auftrag,Kunde,Bestelldatum,Betrag\nA,C1,2024-03-05,1\n' }, { files: { orders: { columns: { order_id: 'Auftrag', amount: 'Betrag' } } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('missing_column');
    expect(r.error.message.en).toBe('orders.csv: the required column order_date was not found. Headers found: Auftrag, Kunde, Bestelldatum, Betrag.');
    expect(r.error.hint!.en).toBe('Say which header holds order_date in data/config.yaml:\nfiles:\n  orders:\n    columns: { order_date: "<the header in your file>" }');
  });

  it('a near-miss header is named as the closest match', async () => {
    const r = await run({ 'orders.csv': 'order_id,order_dat,amount\nA,2024-03-05,1\n' });
    expect(!r.ok && r.error.message.en).toBe('orders.csv: the required column order_date was not found. Headers found: order_id, order_dat, amount. Closest: "order_dat".');
    expect(!r.ok && r.error.hint!.en).toContain('columns: { order_date: "order_dat" }');
  });

  it('orders without amount nor quantity × unit price', async () => {
    const r = await run({ 'orders.csv': 'order_id,order_date,Quantity\nA,2024-03-05,1\n' });
    expect(!r.ok && r.error.message.en).toContain('the required column amount was not found (nor quantity and unit_price to compute it)');
  });

  it('missing orders.csv, empty files, binary files, bad encodings', async () => {
    const missing = await run({});
    expect(!missing.ok && missing.error.code).toBe('missing_file');
    const empty = await run({ 'orders.csv': '' });
    expect(!empty.ok && empty.error.code).toBe('empty_file');
    const bin = await run({ 'orders.csv': new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]) });
    expect(!bin.ok && bin.error.code).toBe('not_a_table');
    const gbkAsUtf8 = await run({ 'orders.csv': fixture('gbk-orders.csv') }, { files: { orders: { encoding: 'utf-8' } } });
    expect(!gbkAsUtf8.ok && gbkAsUtf8.error).toMatchObject({ code: 'undecodable', line: 1 });
    expect(!gbkAsUtf8.ok && gbkAsUtf8.error.hint!.en).toContain('encoding: gb18030');
    const oneColumn = await run({ 'orders.csv': '<html>\n<body>\n' });
    expect(!oneColumn.ok && oneColumn.error.code).toBe('not_a_table');
  });
});
