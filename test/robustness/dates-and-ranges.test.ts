import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quietPipeline } from '../build/quiet-pipeline.ts';
import { readBundle } from '../../src/site-data/load.ts';

/*
 * Issue 17.4 (one future-dated line moved asOf and the whole site) and 17.5 (1e308 accepted as an
 * amount). Rows dated after the build's own date (an injected clock) and numbers outside the
 * documented range are rejected, each counted with its reason; the figures stay those of the
 * other rows, worked out here by hand.
 */
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function build(files: Record<string, string>, now: number) {
  const dir = await mkdtemp(join(tmpdir(), 'dates-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const r = await quietPipeline(dir, { now });
  if (!r.ok) throw new Error(r.error.message.en);
  return { r, bundle: readBundle(join(dir, 'bundle')) };
}
const reasons = (b: ReturnType<typeof readBundle>, file: string) =>
  b.ledger.find((f) => f.file === file)!.reasons.map((x) => [x.code, x.column, x.count, x.examples.map((e) => e.line)]);
const revenue = (b: ReturnType<typeof readBundle>, period: string) =>
  b.kpis.find((k) => k.kpi === 'revenue' && k.entity_type === 'company' && k.period === period)?.value;

const NOW = Date.UTC(2024, 11, 31, 12); // the build runs on 2024-12-31

describe('a line dated after the build\'s own date', () => {
  it('is rejected with its reason and line; asOf and the figures come from the other rows', async () => {
    const { r, bundle } = await build({
      'orders.csv': [
        'order_id,customer_id,order_date,amount',
        'A1,C1,2024-10-05,100',
        'A2,C2,2024-11-20,250',
        'A3,C3,2025-12-01,1773', // a year ahead
        'A4,C1,2025-01-01,5', // tomorrow: within a day's tolerance (time zones, clock skew)
      ].join('\n') + '\n',
      'tasks.csv': 'task_id,owner_id,assigned_at,due_at\nT1,S1,2024-12-01,2025-03-01\n', // a due date may be ahead
    }, NOW);
    expect(r.ok && r.asOf).toBe('2025-01-01');
    expect(reasons(bundle, 'orders.csv')).toEqual([['future_date', 'order_date', 1, [4]]]);
    expect(bundle.ledger.find((f) => f.file === 'tasks.csv')!.rejected).toBe(0);
    // 2024-Q4: 100 + 250; nothing published for 2025-Q4
    expect(revenue(bundle, '2024-Q4')).toBe(350);
    expect(bundle.manifest.periods.quarter.map((p) => p.id)).not.toContain('2025-Q4');
  });
});

describe('numbers outside the documented range', () => {
  it('1e308 and -1e13 are refused with number_out_of_range; the quarter is the sum of the rest', async () => {
    const { bundle } = await build({
      'orders.csv': [
        'order_id,customer_id,order_date,amount',
        'A1,C1,2024-10-05,100',
        'A2,C2,2024-10-06,1e308',
        'A3,C3,2024-10-07,1e308',
        'A4,C3,2024-10-08,-1e13',
        'A5,C2,2024-11-20,999999999999', // just inside ±10¹²
      ].join('\n') + '\n',
    }, NOW);
    expect(reasons(bundle, 'orders.csv')).toEqual([['number_out_of_range', 'amount', 3, [3, 4, 5]]]);
    expect(revenue(bundle, '2024-Q4')).toBe(100 + 999999999999);
  });
});
