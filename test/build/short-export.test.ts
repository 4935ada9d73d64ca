import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quietPipeline } from './quiet-pipeline.ts';
import { readBundle } from '../../src/site-data/load.ts';
import { defaultPeriod } from '../../src/site-data/periods.ts';
import { company, kpiRow } from '../../src/site-data/kpi-index.ts';

/*
 * Short exports still show a site (issue 11 item 6), and missing data is said in words (item 8):
 * a one-month export's home page shows its month; orders without a customer column give
 * "needs a customer column" for buyers, not 0. Figures added up by hand.
 */
const run = (dir: string) => quietPipeline(dir);

describe('short exports', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  const project = async (orders: string) => {
    const dir = await mkdtemp(join(tmpdir(), 'short-'));
    dirs.push(dir);
    await writeFile(join(dir, 'orders.csv'), orders);
    const r = await run(dir);
    if (!r.ok) throw new Error(r.error.message.en);
    return readBundle(join(dir, 'bundle'));
  };

  it('a one-month export (March 2024, through the 31st) shows March on the home page, with its revenue', async () => {
    const b = await project('order_id,customer_id,order_date,amount\nA1,C1,2024-03-02,100\nA2,C2,2024-03-15,250.5\nA3,C1,2024-03-31,49.5\n');
    // 2024-Q1 is complete by the calendar, but the data covers only its last month
    expect(b.manifest.lastCompleteQuarter).toBe('2024-Q1');
    const p = defaultPeriod(b.manifest);
    expect(p?.id).toBe('2024-03');
    expect(kpiRow(b, company, '2024-03', 'revenue')?.value).toBe(400);
    expect(kpiRow(b, company, '2024-03', 'buyers')?.value).toBe(2);
  });

  it('an export shorter than a month shows its month so far, marked incomplete', async () => {
    const b = await project('order_id,customer_id,order_date,amount\nA1,C1,2024-03-02,100\nA2,C2,2024-03-15,20\n');
    const p = defaultPeriod(b.manifest);
    expect(p).toMatchObject({ id: '2024-03', complete: false });
  });

  it('orders without a customer column: buyers and the other customer figures say they need one, revenue is still there', async () => {
    const b = await project('order_id,order_date,amount\nA1,2024-03-02,100\nA2,2024-03-15,20\nA3,2024-03-31,5\n');
    expect(kpiRow(b, company, '2024-03', 'revenue')?.value).toBe(125);
    for (const kpi of ['buyers', 'new_customers', 'repeat_rate', 'retention_rate']) {
      expect(kpiRow(b, company, '2024-03', kpi)).toMatchObject({ value: null, reason: 'needs_customer_column' });
    }
  });
});
