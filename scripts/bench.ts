/**
 * Bench: ingest + metrics on deterministic synthetic CSV exports of 100k, 1M and 5M order lines
 * (customers, staff, tickets, surveys and interactions in proportion), each size in its own child
 * process so peak RSS is per size, and the same core computation in DuckDB for comparison.
 *
 *   npm run bench                          all sizes
 *   npm run bench -- --sizes 100k,1M       chosen sizes
 *   npm run bench -- --direct              metrics on an in-memory dataset (no CSV, no ingest)
 *   npm run bench -- --no-duckdb           skip the DuckDB reference
 *   npm run bench -- --one-thread          ingest on one thread (no worker for orders.csv)
 *   npm run bench -- --no-sample           skip timing the sample generator (printed first otherwise)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);

if (args[0] === '--child') {
  const out = await child(args[1]!, args[2]!);
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

const parseSize = (s: string): number => {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s.trim());
  if (!m) throw new Error(`bad size ${s} (use e.g. 100k, 1M, 5M)`);
  return Math.round(Number(m[1]) * (m[2]!.toLowerCase() === 'k' ? 1e3 : m[2]!.toLowerCase() === 'm' ? 1e6 : 1));
};
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const sizes = (opt('--sizes') ?? '100k,1M,5M').split(',').map(parseSize);
const direct = args.includes('--direct');
const duck = !args.includes('--no-duckdb');
const { writeSyntheticCsv } = await import('../src/bench/write-csv.ts');

const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const fmtMB = (kb: number) => `${Math.round(kb / 1024)} MB`;
console.log(`wall times below are inflated when the machine is busy (see the load figures); CPU times are steadier\nbench on ${process.version}, ${(await import('node:os')).cpus().length} cores; load ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);

if (!args.includes('--no-sample')) {
  // the sample generator's own speed (target: well within 10 s; was a timing assertion in test/sample/determinism.test.ts)
  const { generateSample } = await import('../src/sample/index.ts');
  const t = performance.now();
  const c = process.cpuUsage();
  generateSample();
  const u = process.cpuUsage(c);
  console.log(`sample generator (data/, in memory): ${fmtS(performance.now() - t)} wall, ${fmtS((u.user + u.system) / 1000)} CPU (target: well within 10 s)`);
}

for (const lines of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'accountable-bench-'));
  try {
    console.log(`\n── ${lines.toLocaleString('en')} order lines ──`);
    if (!direct || duck) {
      const t = performance.now();
      const s = writeSyntheticCsv(dir, { lines, seed: 1 });
      console.log(`generate CSV: ${fmtS(performance.now() - t)} (${s.customers} customers, ${s.staff} staff, ${s.tickets} tickets, ${s.surveys} surveys, ${s.interactions} interactions)`);
    }
    const ours = run(direct ? 'direct' : 'ingest', direct ? String(lines) : dir);
    if (ours) {
      const st = Object.entries(ours.stages).map(([k, v]) => `${k} ${fmtS(v)} (CPU ${fmtS(ours.stageCpu?.[k] ?? 0)})`).join(', ');
      const metrics = Object.entries(ours.stages).filter(([k]) => k !== 'ingest').reduce((a, [, v]) => a + v, 0);
      console.log(`ours  (${direct ? 'metrics only' : 'ingest + metrics'}): ${fmtS(ours.total)} wall, ${fmtS(ours.cpu)} CPU, peak RSS ${fmtMB(ours.maxRSS)}` +
        `${direct ? '' : ` (after ingest ${ours.info?.peakRssAfterIngestMB} MB)`}; metrics alone ${fmtS(metrics)}\n      ${st}` +
        `\n      main thread CPU ${fmtS(ours.info?.mainCpuMs ?? 0)}${direct ? '' : ` (ingest ${fmtS(ours.info?.mainCpuIngestMs ?? 0)}, metrics ${fmtS((ours.info?.mainCpuMs ?? 0) - (ours.info?.mainCpuIngestMs ?? 0))})`}: the critical path when the second thread keeps up`);
      // the customer-base models (docs/metrics.md#customer-base): their share of the metrics stage
      if (ours.stages['customer-base-wait'] !== undefined) {
        console.log(`      customer-base models on ${ours.info?.modelledCustomers?.toLocaleString('en')} customers: fitted on a second thread beside the other families, waited for ${fmtS(ours.stages['customer-base-wait'])} (the thread's CPU is in the stages that ran meanwhile)`);
      } else {
        const cb = ['customer-base', 'customer-base-holdout'].map((k) => ours.stages[k] ?? 0);
        console.log(`      customer-base models on ${ours.info?.modelledCustomers?.toLocaleString('en')} customers: fit + figures ${fmtS(cb[0]!)} (CPU ${fmtS(ours.stageCpu?.['customer-base'] ?? 0)}), holdout refit ${fmtS(cb[1]!)} (CPU ${fmtS(ours.stageCpu?.['customer-base-holdout'] ?? 0)})`);
      }
    }
    if (duck) {
      const d = run('duckdb', dir);
      if (d) {
        const st = Object.entries(d.stages).map(([k, v]) => `${k} ${fmtS(v)}`).join(', ');
        console.log(`duckdb (read + orders + quarters + cohorts + RFM): ${fmtS(d.total)} wall, ${fmtS(d.cpu)} CPU (multi-threaded), peak RSS ${fmtMB(d.maxRSS)}\n      ${st}`);
        if (ours) console.log(`ratio ours / duckdb (wall): ${(ours.total / d.total).toFixed(2)}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ChildResult {
  total: number;
  /** CPU time (user + system, all threads incl. GC helpers): steadier than wall time on a busy machine */
  cpu: number;
  maxRSS: number;
  stages: Record<string, number>;
  stageCpu?: Record<string, number>;
  /** the main thread's own CPU per stage */
  stageMain?: Record<string, number>;
  info?: Record<string, number>;
}

function run(mode: string, arg: string): ChildResult | null {
  const r = spawnSync(process.execPath, [SELF, '--child', mode, arg, ...(args.includes('--one-thread') ? ['--one-thread'] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    console.log(`${mode} child failed (status ${r.status}${r.signal ? `, ${r.signal}` : ''}):\n${r.stderr.slice(-2000)}`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

async function child(mode: string, arg: string): Promise<ChildResult> {
  const now = () => performance.now();
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const stages: Record<string, number> = {};
  const stageCpu: Record<string, number> = {};
  const stageMain: Record<string, number> = {};
  const t0 = now();
  let last = t0;
  // this thread's own CPU time: with work on a second thread, the main thread's is the critical
  // path (the wall time on an idle machine), steadier than wall time on a busy one
  const mainCpu = () => {
    const u = process.threadCpuUsage();
    return (u.user + u.system) / 1000;
  };
  let cpuStart = cpu();
  let lastCpu = cpuStart;
  let mainStart = mainCpu();
  let lastMain = mainStart;
  let mainAfterIngest = 0;
  const timer = {
    stage(name: string) {
      const n = now();
      const c = cpu();
      stages[name] = n - last;
      stageCpu[name] = c - lastCpu;
      const mc = mainCpu();
      stageMain[name] = mc - lastMain;
      last = n;
      lastCpu = c;
      lastMain = mc;
    },
  };
  if (mode === 'duckdb') {
    const { duckdbReference } = await import('../src/bench/duckdb-reference.ts');
    const r = await duckdbReference(arg, now);
    return { total: now() - t0, cpu: cpu() - cpuStart, maxRSS: process.resourceUsage().maxRSS, stages: r.stages, info: r.sizes };
  }
  const { defaultConfig } = await import('../src/config/schema.ts');
  // all metric families, exactly as the build runs them
  const { computeAllMetrics } = await import('../src/metrics/compute-all-metrics.ts');
  const config = defaultConfig();
  let dataset;
  let rssAfterIngest = 0;
  if (mode === 'direct') {
    const { syntheticDataset } = await import('../src/bench/dataset.ts');
    dataset = syntheticDataset({ lines: Number(arg), seed: 1 });
    last = now(); // generation is not part of the measurement
    cpuStart = lastCpu = cpu();
    mainStart = lastMain = mainCpu();
  } else {
    const { ingest } = await import('../src/ingest/ingest.ts');
    const { nodeEffects } = await import('../src/lib/node-effects.ts');
    const { ORDER_LINE_COLUMNS } = await import('../src/model/tables.ts');
    // as the build reads: only the order-line columns the metrics read are kept
    const r = await ingest({ dataDir: arg, config, fs: nodeEffects().fs, keep: { orders: ORDER_LINE_COLUMNS }, ...(args.includes('--one-thread') ? { parallelMinBytes: Infinity } : {}) });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    dataset = r.dataset;
    timer.stage('ingest');
    mainAfterIngest = mainCpu() - mainStart;
    rssAfterIngest = process.resourceUsage().maxRSS;
  }
  const start = mode === 'direct' ? last : t0;
  const { collectGarbage } = await import('../src/lib/node-effects.ts');
  const m = computeAllMetrics(dataset, config, timer, { releaseOrderLines: true, afterRelease: collectGarbage });
  return {
    total: now() - start,
    cpu: cpu() - cpuStart,
    maxRSS: process.resourceUsage().maxRSS,
    stages,
    stageCpu,
    stageMain,
    info: { mainCpuMs: Math.round(mainCpu() - mainStart), mainCpuIngestMs: Math.round(mainAfterIngest), kpiRows: m.kpis.length, cohortCells: m.cohorts.length, customers: m.customers.length, modelledCustomers: m.customerBase.customers.length, peakRssAfterIngestMB: Math.round(rssAfterIngest / 1024) },
  };
}
