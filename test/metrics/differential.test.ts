import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../src/bench/dataset.ts';
import { writeSyntheticCsv } from '../../src/bench/write-csv.ts';
import { computeMetrics, type MetricsResult } from '../../src/metrics/index.ts';
import { config } from './helpers.ts';

/*
 * Differential test: the same seeded synthetic data (≈4,000 order lines, 8 owners in 2 teams,
 * multi-line orders whose earliest line is not always first, refunds, anonymous sales, orphan
 * customers, lines without an owner, cancelled lines) goes to computeMetrics as a Dataset and to
 * DuckDB as CSV files. DuckDB recomputes everything in plain SQL from the order lines; the
 * figures must agree to the cent and the count.
 */
const LINES = 4000;
const cents = (x: unknown): number => Math.round(Number(x) * 100);

for (const SEED of [7, 2026]) describe(`differential (seed ${SEED}): computeMetrics vs DuckDB SQL`, () => {
  let dir = '';
  let con: DuckDBConnection;
  let res: MetricsResult;

  const q = async (sql: string): Promise<Record<string, unknown>[]> => (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'metrics-diff-'));
    writeSyntheticCsv(dir, { lines: LINES, seed: SEED });
    res = computeMetrics(syntheticDataset({ lines: LINES, seed: SEED }), config());
    const db = await DuckDBInstance.create(':memory:');
    con = await db.connect();
    await con.run(`SET threads = 1`);
    const f = (name: string) => `'${join(dir, name)}'`;
    await con.run(`
      CREATE TABLE lines AS
        SELECT row_number() OVER () AS line, *
        FROM read_csv(${f('orders.csv')}, header = true,
          types = {'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'order_date': 'TIMESTAMP', 'amount': 'DECIMAL(18,2)', 'owner_id': 'VARCHAR', 'region': 'VARCHAR'});
      CREATE TABLE customers AS SELECT * FROM read_csv(${f('customers.csv')}, header = true, types = {'customer_id': 'VARCHAR', 'owner_id': 'VARCHAR'});
      CREATE TABLE staff AS SELECT * FROM read_csv(${f('staff.csv')}, header = true);
      -- orders: Σ lines, earliest line's local date, first non-empty line owner else the customer's owner
      CREATE TABLE o AS
        SELECT x.*, coalesce(x.line_owner, c.owner_id) AS owner, c.owner_id AS cust_owner
        FROM (
          SELECT order_id, any_value(customer_id) AS cust, CAST(min(order_date) AS DATE) AS d, sum(amount) AS amount,
                 arg_min(owner_id, line) FILTER (WHERE owner_id IS NOT NULL) AS line_owner
          FROM lines WHERE status <> 'cancelled' GROUP BY order_id
        ) x LEFT JOIN customers c ON c.customer_id = x.cust;
      -- asOf = the latest order_date in the data (of any line, as metricContext reads it)
      CREATE TABLE asof_t AS SELECT CAST(max(order_date) AS DATE) AS ad FROM lines WHERE status <> 'cancelled';
      CREATE TABLE first AS SELECT cust, min(d) AS fd FROM o WHERE amount > 0 AND cust IS NOT NULL GROUP BY cust;
      -- quarters from the first order's quarter to asOf's; the window end is min(quarter end, asOf)
      CREATE TABLE quarters AS
        SELECT CAST(qs AS DATE) AS qs,
               year(qs) || '-Q' || quarter(qs) AS qid,
               year(qs) * 4 + quarter(qs) - 1 AS qi,
               least(CAST(qs + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE), (SELECT ad FROM asof_t)) AS qe
        FROM range((SELECT date_trunc('quarter', min(d)) FROM o), (SELECT ad FROM asof_t) + INTERVAL 1 DAY, INTERVAL 3 MONTH) t(qs);
      CREATE TABLE po AS  -- purchases with quarter index
        SELECT o.*, year(d) * 4 + quarter(d) - 1 AS qi FROM o WHERE amount > 0 AND cust IS NOT NULL;
    `);
  }, 60_000);

  afterAll(async () => {
    con?.closeSync();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** JS KPI values at quarter grain: entity key → period → value */
  function jsQuarter(kpi: string, type: 'company' | 'person'): Map<string, number | null> {
    const m = new Map<string, number | null>();
    for (const r of res.kpis) if (r.grain === 'quarter' && r.kpi === kpi && r.entity_type === type) m.set(`${r.entity_id}|${r.period}`, r.value);
    return m;
  }

  describe('tables', () => {
    it('asOf and the number of orders agree', async () => {
      const [a] = await q(`SELECT CAST(ad AS VARCHAR) AS asof FROM asof_t`);
      expect(res.asOf).toBe(a!.asof);
      expect(res.periods.quarter.map((p) => p.id)).toEqual((await q(`SELECT qid FROM quarters ORDER BY qs`)).map((r) => r.qid));
    });

    for (const type of ['company', 'person'] as const) {
      const ent = (col: string) => (type === 'company' ? `'company'` : col);
      it(`${type} × quarter: revenue (order owner) to the cent`, async () => {
        const rows = await q(`
          SELECT ${ent('owner')} AS e, qid, CAST(sum(amount) AS VARCHAR) AS v
          FROM o JOIN quarters ON year(d) * 4 + quarter(d) - 1 = qi
          ${type === 'person' ? 'WHERE owner IS NOT NULL' : ''} GROUP BY ALL`);
        const js = jsQuarter('revenue', type);
        expect(rows.length).toBeGreaterThan(type === 'company' ? 8 : 50);
        for (const r of rows) expect([r.e, r.qid, cents(js.get(`${r.e}|${r.qid}`))]).toEqual([r.e, r.qid, cents(r.v)]);
        const nonzero = [...js.values()].filter((v) => v !== 0).length;
        expect(nonzero).toBe(rows.filter((r) => Number(r.v) !== 0).length);
      });

      it(`${type} × quarter: buyers and new customers (customer owner)`, async () => {
        const buyers = await q(`
          SELECT ${ent('cust_owner')} AS e, qid, count(DISTINCT cust) AS v
          FROM po JOIN quarters USING (qi) ${type === 'person' ? 'WHERE cust_owner IS NOT NULL' : ''} GROUP BY ALL`);
        const jsB = jsQuarter('buyers', type);
        for (const r of buyers) expect([r.e, r.qid, jsB.get(`${r.e}|${r.qid}`)]).toEqual([r.e, r.qid, Number(r.v)]);
        expect([...jsB.values()].reduce((a, b) => a! + b!, 0)).toBe(buyers.reduce((a, r) => a + Number(r.v), 0));

        const fresh = await q(`
          SELECT ${ent('c.owner_id')} AS e, qid, count(*) AS v
          FROM first f LEFT JOIN customers c ON c.customer_id = f.cust JOIN quarters ON year(fd) * 4 + quarter(fd) - 1 = qi
          ${type === 'person' ? 'WHERE c.owner_id IS NOT NULL' : ''} GROUP BY ALL`);
        const jsN = jsQuarter('new_customers', type);
        for (const r of fresh) expect([r.e, r.qid, jsN.get(`${r.e}|${r.qid}`)]).toEqual([r.e, r.qid, Number(r.v)]);
        expect([...jsN.values()].reduce((a, b) => a! + b!, 0)).toBe(fresh.reduce((a, r) => a + Number(r.v), 0));
      });

      it(`${type} × quarter: retention rate`, async () => {
        const rows = await q(`
          WITH b AS (SELECT DISTINCT ${ent('cust_owner')} AS e, cust, qi FROM po ${type === 'person' ? 'WHERE cust_owner IS NOT NULL' : ''})
          SELECT prev.e, qs.qid, count(*) AS den, count(cur.cust) AS num
          FROM b prev JOIN quarters qs ON qs.qi = prev.qi + 1
          LEFT JOIN b cur ON cur.e = prev.e AND cur.cust = prev.cust AND cur.qi = prev.qi + 1
          GROUP BY ALL`);
        const js = jsQuarter('retention_rate', type);
        for (const r of rows) expect([r.e, r.qid, js.get(`${r.e}|${r.qid}`)]).toEqual([r.e, r.qid, Number(r.num) / Number(r.den)]);
        expect([...js.values()].filter((v) => v !== null).length).toBe(rows.length);
      });

      it(`${type} × quarter: repeat rate over the trailing 12 months`, async () => {
        const rows = await q(`
          WITH per AS (
            SELECT ${ent('cust_owner')} AS e, qid, cust, count(*) AS n
            FROM po JOIN quarters ON d > CAST(qe - INTERVAL 12 MONTH AS DATE) AND d <= qe
            ${type === 'person' ? 'WHERE cust_owner IS NOT NULL' : ''} GROUP BY ALL)
          SELECT e, qid, count(*) FILTER (WHERE n >= 2) AS num, count(*) AS den FROM per GROUP BY ALL`);
        const js = jsQuarter('repeat_rate', type);
        for (const r of rows) expect([r.e, r.qid, js.get(`${r.e}|${r.qid}`)]).toEqual([r.e, r.qid, Number(r.num) / Number(r.den)]);
        expect([...js.values()].filter((v) => v !== null).length).toBe(rows.length);
      });
    }

    it('company × quarter: reactivated, won back, reactivation rate (dormant at the quarter start)', async () => {
      const rows = await q(`
        WITH f AS (SELECT cust, qi, min(d) AS fd FROM po GROUP BY cust, qi),
        g AS (SELECT f.*, (SELECT max(x.d) FROM po x WHERE x.cust = f.cust AND x.d < f.fd) AS prev FROM f),
        c AS (SELECT DISTINCT cust FROM po),
        s AS (SELECT qs.qi, qs.qs, c.cust, (SELECT max(x.d) FROM po x WHERE x.cust = c.cust AND x.d < qs.qs) AS last FROM quarters qs, c)
        SELECT qs.qid,
          (SELECT count(*) FROM g WHERE g.qi = qs.qi AND fd - prev > 90) AS re,
          (SELECT count(*) FROM g WHERE g.qi = qs.qi AND fd - prev > 365) AS wb,
          (SELECT count(*) FROM s WHERE s.qi = qs.qi AND s.qs - last > 90) AS den,
          (SELECT count(*) FROM g JOIN s USING (cust, qi) WHERE g.qi = qs.qi AND fd - prev > 90 AND s.qs - last > 90) AS num
        FROM quarters qs ORDER BY qs.qs`);
      const v = (p: string, k: string) => res.kpis.find((r) => r.entity_type === 'company' && r.grain === 'quarter' && r.period === p && r.kpi === k)!;
      expect(rows.reduce((a, r) => a + Number(r.re), 0)).toBeGreaterThan(10);
      for (const r of rows) {
        const p = String(r.qid);
        const rate = v(p, 'reactivation_rate');
        expect([p, v(p, 'reactivated').value, v(p, 'won_back').value, rate.numerator, rate.denominator]).toEqual([
          p, Number(r.re), Number(r.wb), Number(r.num), Number(r.den),
        ]);
      }
    });

    it('value tiers at asOf: trailing 12 months, ranked by revenue then customer_id', async () => {
      const rows = await q(`
        WITH w AS (
          SELECT cust, sum(amount) AS rev FROM o
          WHERE cust IS NOT NULL AND d > CAST((SELECT ad FROM asof_t) - INTERVAL 12 MONTH AS DATE) AND d <= (SELECT ad FROM asof_t)
          GROUP BY cust HAVING sum(amount) > 0),
        r AS (SELECT cust, CAST(coalesce(sum(rev) OVER (ORDER BY rev DESC, cust ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS DOUBLE)
                           / CAST(sum(rev) OVER () AS DOUBLE) AS s FROM w)
        SELECT cust, CASE WHEN s < 0.8 THEN 'A' WHEN s < 0.95 THEN 'B' ELSE 'C' END AS tier FROM r ORDER BY cust`);
      const js = res.customers.filter((c) => c.value_tier !== 'none').sort((a, b) => (a.customer_id < b.customer_id ? -1 : 1));
      expect(js.map((c) => [c.customer_id, c.value_tier])).toEqual(rows.map((r) => [r.cust, r.tier]));
      expect(new Set(js.map((c) => c.value_tier)).size).toBe(3);
    });

    it('cohort sizes and month-k customers (company)', async () => {
      const rows = await q(`
        SELECT strftime(date_trunc('month', fd), '%Y-%m') AS cohort,
               datediff('month', date_trunc('month', fd), date_trunc('month', d)) AS k,
               count(DISTINCT po.cust) AS customers,
               any_value(size) AS size
        FROM po JOIN first USING (cust)
        JOIN (SELECT date_trunc('month', fd) AS cm, count(*) AS size FROM first GROUP BY 1) s ON s.cm = date_trunc('month', fd)
        GROUP BY ALL ORDER BY cohort, k`);
      const js = res.cohorts.filter((c) => c.dimension === 'company' && c.customers > 0);
      expect(js.map((c) => [c.cohort, c.k, c.customers, c.size])).toEqual(rows.map((r) => [r.cohort, Number(r.k), Number(r.customers), Number(r.size)]));
    });

    it('cohort net revenue per month (company) to the cent', async () => {
      const rows = await q(`
        SELECT strftime(date_trunc('month', fd), '%Y-%m') AS cohort,
               datediff('month', date_trunc('month', fd), date_trunc('month', d)) AS k, CAST(sum(amount) AS VARCHAR) AS rev
        FROM o JOIN first USING (cust) WHERE d >= date_trunc('month', fd) GROUP BY ALL ORDER BY cohort, k`);
      const js = new Map(res.cohorts.filter((c) => c.dimension === 'company').map((c) => [`${c.cohort}|${c.k}`, c.revenue]));
      for (const r of rows) expect([r.cohort, r.k, cents(js.get(`${r.cohort}|${r.k}`))]).toEqual([r.cohort, r.k, cents(r.rev)]);
    });

    it('RFM values, edges (type 7) and scores per customer', async () => {
      const rows = await q(`
        WITH w AS (
          SELECT cust,
                 (SELECT ad FROM asof_t) - max(d) FILTER (WHERE amount > 0) AS r,
                 count(*) FILTER (WHERE amount > 0) AS f,
                 CAST(sum(amount) AS DOUBLE) AS m
          FROM o
          WHERE cust IS NOT NULL AND d > CAST((SELECT ad FROM asof_t) - INTERVAL 12 MONTH AS DATE) AND d <= (SELECT ad FROM asof_t)
          GROUP BY cust HAVING count(*) FILTER (WHERE amount > 0) > 0),
        e AS (SELECT quantile_cont(r, [0.2, 0.4, 0.6, 0.8]) AS qr, quantile_cont(f, [0.2, 0.4, 0.6, 0.8]) AS qf,
                     quantile_cont(m, [0.2, 0.4, 0.6, 0.8]) AS qm FROM w)
        SELECT cust, r, f, CAST(m AS VARCHAR) AS m,
          5 - ((qr[1] < r)::INT + (qr[2] < r)::INT + (qr[3] < r)::INT + (qr[4] < r)::INT) AS rs,
          1 + (qf[1] < f)::INT + (qf[2] < f)::INT + (qf[3] < f)::INT + (qf[4] < f)::INT AS fs,
          1 + (qm[1] < m)::INT + (qm[2] < m)::INT + (qm[3] < m)::INT + (qm[4] < m)::INT AS ms,
          qr, qf, qm
        FROM w, e ORDER BY cust`);
      const js = res.customers.filter((c) => c.r !== null).sort((a, b) => (a.customer_id < b.customer_id ? -1 : 1));
      expect(js.length).toBe(rows.length);
      expect(js.map((c) => [c.customer_id, c.recency_days, c.frequency, cents(c.monetary), c.r, c.f, c.m])).toEqual(
        rows.map((r) => [r.cust, Number(r.r), Number(r.f), cents(r.m), Number(r.rs), Number(r.fs), Number(r.ms)]),
      );
      const e = rows[0]!;
      expect(res.rfmEdges.recency.map((x) => x.toFixed(6))).toEqual((e.qr as number[]).map((x) => Number(x).toFixed(6)));
      expect(res.rfmEdges.frequency.map((x) => x.toFixed(6))).toEqual((e.qf as number[]).map((x) => Number(x).toFixed(6)));
      // published M edges are rounded half to even to the cent (docs/metrics.md#money); DuckDB's are not
      const halfEvenCents = (x: number): number => {
        const c = x * 100;
        const f = Math.floor(c);
        const d = c - f;
        return (Math.abs(d - 0.5) < 1e-9 ? (f % 2 === 0 ? f : f + 1) : Math.round(c)) / 100;
      };
      expect(res.rfmEdges.monetary).toEqual((e.qm as number[]).map((x) => halfEvenCents(Number(x))));
    });
  });
});
