import { describe, expect, it } from 'vitest';
import { computeAllMetrics } from '../../src/metrics/compute-all-metrics.ts';
import { syntheticDataset } from '../../src/bench/dataset.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { nodeEffects } from '../../src/lib/node-effects.ts';
import { ORDER_LINE_COLUMNS } from '../../src/model/tables.ts';
import { config } from './helpers.ts';

/*
 * The build keeps only ORDER_LINE_COLUMNS of orders.csv (ingest's `keep`). These tests fail when
 * a metric starts reading another order-line column: add it to the list then.
 */
describe('the metrics read only ORDER_LINE_COLUMNS of the order lines', () => {
  it('no other column is touched (a guard on the column object)', () => {
    const ds = syntheticDataset({ lines: 3000, seed: 7 });
    const allowed = new Set<string | symbol>(ORDER_LINE_COLUMNS);
    const touched = new Set<string | symbol>();
    ds.orders.columns = new Proxy(ds.orders.columns, {
      get(target, key, receiver) {
        if (!allowed.has(key)) touched.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const m = computeAllMetrics(ds, config());
    expect(m.kpis.length).toBeGreaterThan(100);
    expect([...touched]).toEqual([]);
  });

  it('the sample company gives the same metrics read with and without `keep`', async () => {
    const fs = nodeEffects().fs;
    const cfg = await loadConfig('data', fs);
    if (!cfg.ok) throw new Error(cfg.error.message.en);
    const all = await ingest({ dataDir: 'data', config: cfg.config, fs });
    const kept = await ingest({ dataDir: 'data', config: cfg.config, fs, keep: { orders: ORDER_LINE_COLUMNS } });
    if (!all.ok || !kept.ok) throw new Error('ingest');
    expect(Object.keys(kept.dataset.orders.columns).sort()).toEqual([...ORDER_LINE_COLUMNS].sort());
    expect(Object.keys(all.dataset.orders.columns).length).toBeGreaterThan(ORDER_LINE_COLUMNS.length);
    expect(kept.ledger).toEqual(all.ledger);
    expect(kept.rejects).toEqual(all.rejects);
    expect(computeAllMetrics(kept.dataset, cfg.config)).toEqual(computeAllMetrics(all.dataset, cfg.config));
  }, 60_000);
});
