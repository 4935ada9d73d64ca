import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The bench's reference: the core of the metrics in DuckDB SQL on the same CSV files — orders
 * from lines, per-quarter buyers and revenue, cohort retention (month-k customers), RFM scores.
 * Returns per-step wall times in ms and a few result sizes (to be sure the work was done).
 */
export async function duckdbReference(dir: string, now: () => number): Promise<{ stages: Record<string, number>; sizes: Record<string, number> }> {
  const stages: Record<string, number> = {};
  let t = now();
  const lap = (name: string) => {
    const n = now();
    stages[name] = n - t;
    t = n;
  };
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run(`
    CREATE TABLE lines AS SELECT * FROM read_csv('${join(dir, 'orders.csv')}', header = true,
      types = {'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'order_date': 'TIMESTAMP', 'amount': 'DECIMAL(18,2)', 'owner_id': 'VARCHAR'})`);
  lap('read');
  await con.run(`
    CREATE TABLE o AS SELECT order_id, any_value(customer_id) AS cust, CAST(min(order_date) AS DATE) AS d, sum(amount) AS amount
    FROM lines WHERE status NOT IN ('cancelled', 'canceled', '已取消', '作废', 'void') GROUP BY order_id;
    CREATE TABLE po AS SELECT * FROM o WHERE amount > 0 AND cust IS NOT NULL;`);
  lap('orders');
  const quarters = await con.runAndReadAll(`
    SELECT date_trunc('quarter', d) AS q, count(DISTINCT cust) FILTER (WHERE amount > 0 AND cust IS NOT NULL) AS buyers, sum(amount) AS revenue
    FROM o GROUP BY 1 ORDER BY 1`);
  lap('quarters');
  const cohorts = await con.runAndReadAll(`
    WITH f AS (SELECT cust, date_trunc('month', min(d)) AS cm FROM po GROUP BY cust)
    SELECT cm, datediff('month', cm, date_trunc('month', d)) AS k, count(DISTINCT cust) AS customers
    FROM po JOIN f USING (cust) GROUP BY ALL`);
  lap('cohorts');
  const rfm = await con.runAndReadAll(`
    WITH a AS (SELECT max(d) AS ad FROM o),
    w AS (SELECT cust, (SELECT ad FROM a) - max(d) FILTER (WHERE amount > 0) AS r, count(*) FILTER (WHERE amount > 0) AS f,
                 CAST(sum(amount) AS DOUBLE) AS m
          FROM o WHERE cust IS NOT NULL AND d > CAST((SELECT ad FROM a) - INTERVAL 12 MONTH AS DATE)
          GROUP BY cust HAVING count(*) FILTER (WHERE amount > 0) > 0),
    e AS (SELECT quantile_cont(r, [0.2, 0.4, 0.6, 0.8]) AS qr, quantile_cont(f, [0.2, 0.4, 0.6, 0.8]) AS qf,
                 quantile_cont(m, [0.2, 0.4, 0.6, 0.8]) AS qm FROM w)
    SELECT cust,
      5 - ((qr[1] < r)::INT + (qr[2] < r)::INT + (qr[3] < r)::INT + (qr[4] < r)::INT) AS rs,
      1 + (qf[1] < f)::INT + (qf[2] < f)::INT + (qf[3] < f)::INT + (qf[4] < f)::INT AS fs,
      1 + (qm[1] < m)::INT + (qm[2] < m)::INT + (qm[3] < m)::INT + (qm[4] < m)::INT AS ms
    FROM w, e`);
  lap('rfm');
  con.closeSync();
  return { stages, sizes: { quarters: quarters.currentRowCount, cohortCells: cohorts.currentRowCount, rfmCustomers: rfm.currentRowCount } };
}
