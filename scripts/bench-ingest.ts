/**
 * Ingest benchmark: writes a synthetic orders.csv of N lines (default 1,000,000) into a temp dir,
 * runs the ingest stage on it and prints wall time and peak RSS.
 *   npx node scripts/bench-ingest.ts [lines]
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../src/config/schema.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { nodeEffects } from '../src/lib/node-effects.ts';
import { ORDER_LINE_COLUMNS } from '../src/model/tables.ts';

if (process.argv[2] === '--run') {
  // child: ingest only, so the generator's memory does not count in the peak RSS
  await run(process.argv[3]!);
  process.exit(0);
}

const lines = Number(process.argv[2] ?? 1_000_000);
const dir = await mkdtemp(join(tmpdir(), 'bench-ingest-'));

// deterministic generator: ~20k customers, 25 reps, 4 channels, 6 regions, dates over 3 years,
// a few order lines per order, 1 % cancelled, 0.5 % exact duplicate lines
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const channels = ['online', 'store', 'phone', 'partner'];
const regions = ['华东', '华北', '华南', '西南', '东北', 'West'];
const chunks: string[] = ['order_id,customer_id,order_date,amount,owner_id,status,channel,product,region\n'];
let order = 0;
let written = 0;
let last = '';
const start = Date.UTC(2022, 0, 1);
while (written < lines) {
  order++;
  const cust = `C${String(Math.floor(rand() * 20000)).padStart(6, '0')}`;
  const t = new Date(start + Math.floor(rand() * 3 * 365 * 86400) * 1000);
  const date = t.toISOString().slice(0, 19).replace('T', ' ');
  const rep = `S${Math.floor(rand() * 25)}`;
  const status = rand() < 0.01 ? 'cancelled' : 'paid';
  const nLines = 1 + Math.floor(rand() * 3);
  for (let k = 0; k < nLines && written < lines; k++) {
    let row = `O${order},${cust},${date},${(rand() * 2000).toFixed(2)},${rep},${status},${channels[Math.floor(rand() * 4)]},P${Math.floor(rand() * 500)},${regions[Math.floor(rand() * 6)]}\n`;
    if (last && rand() < 0.005) row = last;
    chunks.push(row);
    last = row;
    written++;
  }
}
await writeFile(join(dir, 'orders.csv'), chunks.join(''));
chunks.length = 0;

console.log(`lines ${lines}`);
try {
  execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--run', dir], { stdio: 'inherit' });
} finally {
  await rm(dir, { recursive: true });
}

async function run(dir: string): Promise<void> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await ingest({ dataDir: dir, config: defaultConfig(), fs: nodeEffects().fs, keep: { orders: ORDER_LINE_COLUMNS } });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  if (!r.ok) { console.error(r.error); process.exit(1); }
  const l = r.ledger[0]!;
  // wall time is inflated when the machine is busy; CPU time (all threads, incl. GC) is steadier
  console.log(`ingest ${(ms / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (load ${loadavg()[0]!.toFixed(1)})`);
  console.log(`read ${l.read} = accepted ${l.accepted} + excluded ${l.excluded} + rejected ${l.rejected} + duplicates ${l.duplicates}`);
}
