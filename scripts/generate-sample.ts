/**
 * Writes the sample company into data/ (the only I/O of the sample generator):
 * `npm run generate-sample`. Each file is written to a temporary name and renamed, so a
 * reader never sees half a file. data/roles/ is not touched.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSample, sampleFiles, SAMPLE_SEED } from '../src/sample/index.ts';

const dataDir = join(process.cwd(), 'data');
mkdirSync(dataDir, { recursive: true });

const started = performance.now();
const files = generateSample(SAMPLE_SEED);
let total = 0;
for (const name of sampleFiles) {
  const text = files[name];
  const target = join(dataDir, name);
  const temp = `${target}.tmp-${process.pid}`;
  writeFileSync(temp, text, 'utf8');
  renameSync(temp, target);
  const bytes = Buffer.byteLength(text, 'utf8');
  total += bytes;
  const rows = name.endsWith('.csv') ? `${text.split('\n').length - 2} rows` : '';
  console.log(`${`data/${name}`.padEnd(24)} ${rows.padStart(12)} ${(bytes / 1024).toFixed(0).padStart(7)} KiB`);
}
console.log(`${'total'.padEnd(24)} ${''.padStart(12)} ${(total / 1024).toFixed(0).padStart(7)} KiB  (seed ${SAMPLE_SEED}, ${Math.round(performance.now() - started)} ms)`);
