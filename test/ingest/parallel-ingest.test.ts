import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../../src/config/schema.ts';
import { ingest, type IngestOptions, type IngestResult } from '../../src/ingest/ingest.ts';
import { openInputFile, readInputFile } from '../../src/ingest/read-input-file.ts';
import { countLineBreaks, recordBoundaryAfter } from '../../src/ingest/split-records.ts';
import { runWorkerJob, type WorkerJob, type WorkerMessage } from '../../src/ingest/worker-job.ts';
import { sameThread, workerThread, type StartThread } from '../../src/ingest/worker-thread.ts';
import { memFs } from './mem-fs.ts';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config.ts';
import { nodeEffects } from '../../src/lib/node-effects.ts';

/*
 * A large orders.csv is cut between two threads and the halves merged (ingest.ts). Whatever the
 * file holds, the result must be exactly what one thread reads: rows, values, lines, ledger
 * (counts, reasons, examples), rejects and their order. Each case is read three ways: on one
 * thread, cut with the worker's job run in-thread, and cut with a real worker thread.
 */
const NOW = Date.UTC(2026, 10, 22);
const HEADER = 'order_id,customer_id,order_date,amount,owner_id,status,channel';

/** 400 order lines with rejects of several reasons spread over the whole file */
function orderLines(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 400; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const c = `C${i % 37}`;
    let date = `2025-03-${day} 10:${String(i % 60).padStart(2, '0')}:00`;
    let amount = ((i * 731) % 50000 / 100).toFixed(2); // money has at most two decimals
    let status = 'paid';
    let channel = i % 3 ? 'web' : '门店';
    if (i % 23 === 5) date = '2025-02-30'; // impossible date: rejected
    if (i % 31 === 7) amount = 'abc'; // not a number: rejected
    if (i % 41 === 9) status = 'cancelled'; // excluded
    if (i % 53 === 11) channel = '"online\nshop"'; // a quoted break: one record over two lines
    out.push(`O${Math.floor(i / 2)},${c},${date},${amount},S${i % 5},${status},${channel}`);
  }
  return out;
}

const customers = ['customer_id,name,owner_id,region', ...Array.from({ length: 37 }, (_, i) => `C${i},客户${i},S${i % 5},${i % 2 ? '华东' : '华南'}`)].join('\n');
const tickets = ['ticket_id,customer_id,opened_at,type', 'T1,C1,2025-03-02 09:00,complaint', 'T2,C2,2025-03-03 09:00,inquiry', 'T2,C3,2025-03-04 09:00,inquiry'].join('\n');

async function read(files: Record<string, string | Uint8Array>, how: 'one' | 'same' | 'worker', config: ConfigInput = {}, jobs: WorkerJob[] = [], keep?: IngestOptions['keep']): Promise<IngestResult> {
  const data: Record<string, string | Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) data[`data/${k}`] = v;
  const spy: StartThread = () => {
    const t = (how === 'worker' ? workerThread : sameThread)();
    return { run: (job, receive) => { jobs.push({ ...job, batchRows: 7 }); return t.run({ ...job, batchRows: 7 }, receive); }, poll: () => t.poll(), stop: () => t.stop() };
  };
  return ingest({
    dataDir: 'data', config: configSchema.parse(config), fs: memFs(data), now: NOW,
    parallelMinBytes: how === 'one' ? Infinity : 0, thread: spy, mainShare: 0.5, ...(keep ? { keep } : {}),
  });
}

/** the three reads agree; returns the one-thread result and whether orders.csv was cut (a job was sent) */
async function same(files: Record<string, string | Uint8Array>, config: ConfigInput = {}, keep?: IngestOptions['keep']) {
  const one = await read(files, 'one', config, [], keep);
  const jobs: WorkerJob[] = [];
  const inThread = await read(files, 'same', config, jobs, keep);
  const worker = await read(files, 'worker', config, [], keep);
  const strip = (r: IngestResult) => ({ ...r, threads: 0 });
  expect(one.ok ? one.threads : 1).toBe(1);
  // toEqual shows a readable difference; isDeepStrictEqual also tells null from undefined and -0 from 0
  expect(strip(inThread)).toEqual(strip(one));
  expect(strip(worker)).toEqual(strip(one));
  expect(isDeepStrictEqual(strip(inThread), strip(one))).toBe(true);
  expect(isDeepStrictEqual(strip(worker), strip(one))).toBe(true);
  return { one, cut: jobs.length > 0 };
}

describe('ingest on two threads gives exactly the one-thread result', () => {
  it('orders with rejects, exclusions, quoted breaks and blank lines in both halves, and the other files', async () => {
    const lines = orderLines();
    lines.splice(120, 0, '', ''); // blank lines: not records, but they count as lines
    const { one, cut } = await same({ 'orders.csv': [HEADER, ...lines].join('\n') + '\n', 'customers.csv': customers, 'tickets.csv': tickets });
    expect(cut).toBe(true);
    if (!one.ok) throw new Error(one.error.message.en);
    const l = one.ledger.find((x) => x.name === 'orders')!;
    expect(l.rejected).toBeGreaterThan(6); // examples are capped at 3 a reason: the merge must keep the first three
    expect(l.excluded).toBeGreaterThan(0);
    expect(one.ledger.find((x) => x.name === 'tickets')!.duplicates).toBe(1);
  });

  it('only the kept columns of orders.csv, as the build reads it', async () => {
    const keep = { orders: ['order_id', 'customer_id', 'order_date', 'amount'] };
    const { one, cut } = await same({ 'orders.csv': [HEADER, ...orderLines()].join('\n') + '\n', 'customers.csv': customers }, {}, keep);
    expect(cut).toBe(true);
    const all = await read({ 'orders.csv': [HEADER, ...orderLines()].join('\n') + '\n', 'customers.csv': customers }, 'one');
    if (!one.ok || !all.ok) throw new Error('read');
    expect(Object.keys(one.dataset.orders.columns)).toEqual(keep.orders);
    for (const c of keep.orders) expect(one.dataset.orders.columns[c as 'amount']).toEqual(all.dataset.orders.columns[c as 'amount']);
    expect(one.ledger).toEqual(all.ledger);
    expect(one.dataset.customers).toEqual(all.dataset.customers);
  });

  it('CRLF line ends, a byte-order mark and exact duplicates inside the later half', async () => {
    const lines = orderLines();
    lines.push(lines[380]!, lines[390]!); // duplicates of rows after the cut
    const { one, cut } = await same({ 'orders.csv': '\uFEFF' + [HEADER, ...lines].join('\r\n') + '\r\n' });
    expect(cut).toBe(true);
    expect(one.ok && one.ledger[0]!.duplicates).toBe(2);
  });

  it('exact duplicates across the cut (found once the parts are merged)', async () => {
    const lines = orderLines();
    lines.push(lines[3]!, lines[4]!, lines[390]!, lines[3]!);
    const { one, cut } = await same({ 'orders.csv': [HEADER, ...lines].join('\n') });
    expect(cut).toBe(true);
    expect(one.ok && one.ledger[0]!.duplicates).toBe(4);
  });

  it('config columns (constants, an order id per line), kept duplicates and Excel-id warnings on both sides of the cut', async () => {
    const lines = orderLines().map((l, i) => (i === 10 || i === 380 ? l.replace(/^O\d+/, '1.23E+15') : l));
    lines.push(lines[3]!, lines[390]!);
    const config: ConfigInput = { files: { orders: { orderIdentity: 'line', duplicateLines: 'keep', constants: { region: '华东' } } } };
    const { one, cut } = await same({ 'orders.csv': [HEADER.replace(/^order_id,/, 'ref,'), ...lines].join('\n') + '\n' }, config);
    expect(cut).toBe(true);
    if (!one.ok) throw new Error(one.error.message.en);
    const l = one.ledger[0]!;
    expect(l.duplicateLines).toMatchObject({ policy: 'keep', count: 2 });
    expect(one.dataset.orders.columns.order_id[0]).toBe('#2');
    expect(new Set(one.dataset.orders.columns.region)).toEqual(new Set(['华东']));
  });

  it('a NUL byte and an overlong cell after the cut', async () => {
    const lines = orderLines();
    lines[352] = lines[352]!.replace('web', 'w\u0000eb'); // (line 350 has an impossible date)
    lines[360] = lines[360]!.replace('S', 'S' + 'x'.repeat(40_000));
    const { one, cut } = await same({ 'orders.csv': [HEADER, ...lines].join('\n') });
    expect(cut).toBe(true);
    expect(one.ok && one.ledger[0]!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['nul_byte', 'value_too_long']));
  });

  it('an ambiguous date after the cut stops the build with the same error', async () => {
    const lines = orderLines();
    lines[370] = 'O999,C1,03/04/2025,10,S1,paid,web';
    const { one, cut } = await same({ 'orders.csv': [HEADER, ...lines].join('\n') });
    expect(cut).toBe(true);
    expect(one.ok).toBe(false);
    expect(!one.ok && one.error.code).toBe('ambiguous_dates');
  });

  it('a quote that never closes near the end stops the build with the same error', async () => {
    const lines = orderLines();
    lines[395] = 'O998,C1,2025-03-01,10,S1,paid,"web';
    const { one } = await same({ 'orders.csv': [HEADER, ...lines].join('\n') });
    expect(!one.ok && one.error.code).toBe('unterminated_quote');
  });

  it('the shipped sample company, from disk, on a real worker thread', async () => {
    const fs = nodeEffects().fs;
    const dataDir = fileURLToPath(new URL('../../data', import.meta.url));
    const config = (await loadConfig(dataDir, fs));
    if (!config.ok) throw new Error('config');
    const one = await ingest({ dataDir, config: config.config, fs, now: NOW, parallelMinBytes: Infinity });
    const two = await ingest({ dataDir, config: config.config, fs, now: NOW, parallelMinBytes: 0, mainShare: 0.5 });
    // the tail read and hashed in small pieces: characters split between pieces, a carry for the UTF-8 check
    const small = await ingest({ dataDir, config: config.config, fs, now: NOW, parallelMinBytes: 0, mainShare: 0.3, pieceBytes: 4099 });
    expect(isDeepStrictEqual({ ...small, threads: 0 }, { ...one, threads: 0 })).toBe(true);
    expect(one.ok && one.threads).toBe(1);
    expect(two.ok && two.threads).toBe(2);
    expect(isDeepStrictEqual({ ...two, threads: 0 }, { ...one, threads: 0 })).toBe(true);
    expect(one.ok && one.dataset.orders.rows).toBeGreaterThan(40_000);
  });

  for (const where of ['in memory', 'on disk, read a piece at a time'] as const) {
    it(`rows of the later part (${where}) that arrive while the first is read, with fewer slots kept than it needs`, () => {
      const text = [HEADER, ...orderLines()].join('\n') + '\n';
      const bytes = new TextEncoder().encode(text);
      const config = configSchema.parse({});
      const one = readInputFile({ name: 'orders', file: 'orders.csv', bytes, config, now: NOW, chunkBytes: 256 });
      const opened = openInputFile({ name: 'orders', file: 'orders.csv', bytes, config, now: NOW, chunkBytes: 256 });
      if (!opened.ok || !one.ok) throw new Error('open');
      const reader = opened.reader;
      const cut = recordBoundaryAfter(bytes, bytes.length >> 1, ',');
      const messages: WorkerMessage[] = [];
      const reads: [number, number][] = [];
      // "disk" is the same bytes behind a ranged read, which records what the job asked for
      const readRange = (path: string, position: number, into: Uint8Array) => {
        expect(path).toBe('data/orders.csv');
        const got = bytes.subarray(position, position + into.length);
        into.set(got);
        reads.push([position, position + got.length]);
        return got.length;
      };
      const source = where === 'in memory' ? { bytes: bytes.slice(cut) } : { path: 'data/orders.csv', start: cut, end: bytes.length };
      runWorkerJob({ config, now: NOW, chunkBytes: 256, batchRows: 5, part: { name: 'orders', file: 'orders.csv', source, line: 1 + countLineBreaks(bytes, 0, cut), header: reader.headerPreview!, delimiter: ',' } }, (m) => messages.push(m), readRange);
      // the part is read from its first byte to the file's end, never before the cut
      if (where === 'in memory') expect(reads).toEqual([]);
      else expect(Math.min(...reads.map((r) => r[0])) === cut && reads.some((r) => r[1] === bytes.length)).toBe(true);
      const rows = messages.filter((m) => m.kind === 'rows');
      expect(rows.length).toBeGreaterThan(10);
      // 10 slots kept for ~150 rows: the stored rows move up as the first part grows
      reader.reserve(10);
      let next = 0;
      reader.readTo(cut, () => { if (next < rows.length) reader.absorbRows(rows[next++]!.rows); });
      expect(next).toBeGreaterThan(5); // batches were taken in while the first part was read
      while (next < rows.length) reader.absorbRows(rows[next++]!.rows);
      const end = messages.at(-1)!;
      if (end.kind !== 'end' || !end.part.ok) throw new Error('end');
      reader.absorbEnd(end.part.end);
      const two = reader.finish();
      expect(isDeepStrictEqual(two, one)).toBe(true);
    });
  }

  it('a file on disk whose tail is not UTF-8 is read again on one thread, as one read would have', async () => {
    // 3 MB of ASCII lines, then lines with 门店 in GB18030 (C3 C5 B5 EA): the cut is made on the
    // first 1.3 MB (the head is read 1 MiB past the cut target), the tail is found out later
    const ascii = Array.from({ length: 60_000 }, (_, i) => `O${i},C${i % 37},2025-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00,${(i % 97) + 0.5},S${i % 5},paid,web`);
    const head = new TextEncoder().encode([HEADER, ...ascii].join('\n') + '\n');
    const tailBytes = [...new TextEncoder().encode('O60000,C1,2025-03-29 10:00:00,9.5,S1,paid,\u0001\nO60001,C2,2025-03-30 10:00:00,8,S2,paid,web\n')]
      .flatMap((b) => (b === 1 ? [0xc3, 0xc5, 0xb5, 0xea] : [b]));
    const dir = mkdtempSync(join(tmpdir(), 'accountable-tail-'));
    try {
      writeFileSync(join(dir, 'orders.csv'), new Uint8Array([...head, ...tailBytes]));
      writeFileSync(join(dir, 'customers.csv'), customers);
      const fs = nodeEffects().fs;
      const config = configSchema.parse({});
      const one = await ingest({ dataDir: dir, config, fs, now: NOW, parallelMinBytes: Infinity });
      const jobs: WorkerJob[] = [];
      const spy: StartThread = () => {
        const t = workerThread();
        return { run: (job, receive) => { jobs.push(job); return t.run(job, receive); }, poll: () => t.poll(), stop: () => t.stop() };
      };
      const two = await ingest({ dataDir: dir, config, fs, now: NOW, parallelMinBytes: 0, mainShare: 0.1, thread: spy });
      expect(jobs.length).toBe(1); // cut, and the worker started on the tail on disk
      expect('path' in jobs[0]!.part.source).toBe(true);
      expect(one.ok && one.ledger[0]!.encoding).toBe('gb18030');
      expect(two.ok && two.threads).toBe(1);
      expect(isDeepStrictEqual(two, one)).toBe(true);
      expect(one.ok && one.dataset.orders.columns.channel).toContain('门店');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a GB18030 file is not cut (its bytes are not UTF-8), and still reads the same', async () => {
    // 门店 in GB18030: C3 C5 B5 EA
    const text = [HEADER, ...orderLines()].join('\n').replaceAll('门店', 'MENDIAN');
    const bytes = new TextEncoder().encode(text);
    const parts: number[] = [];
    for (const b of bytes) parts.push(b);
    const gb: number[] = [];
    const m = [...'MENDIAN'].map((c) => c.charCodeAt(0));
    for (let i = 0; i < parts.length; i++) {
      if (m.every((x, k) => parts[i + k] === x)) { gb.push(0xc3, 0xc5, 0xb5, 0xea); i += m.length - 1; } else gb.push(parts[i]!);
    }
    const { one, cut } = await same({ 'orders.csv': new Uint8Array(gb) });
    expect(cut).toBe(false);
    expect(one.ok && one.ledger[0]!.encoding).toBe('gb18030');
    expect(one.ok && one.dataset.orders.columns.channel).toContain('门店');
  });
});
