import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';

/**
 * Large tables as NDJSON, one row a line: written and read row by row, so a table is never one
 * string (V8 caps a string at ~512 MB; the KPI table of 2,000 people is larger than that as JSON).
 */
export async function writeNdjson(path: string, rows: readonly unknown[]): Promise<void> {
  const out = createWriteStream(path);
  const flush = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  let buf = '';
  for (let i = 0; i < rows.length; i++) {
    buf += JSON.stringify(rows[i]) + '\n';
    if (buf.length > 1 << 20) {
      await flush(buf);
      buf = '';
    }
  }
  if (buf) await flush(buf);
  out.end();
  await once(out, 'finish');
}

export function readNdjson<T>(path: string): T[] {
  const bytes = readFileSync(path);
  const rows: T[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    if (end > start) rows.push(JSON.parse(bytes.toString('utf8', start, end)) as T);
    start = end + 1;
  }
  return rows;
}
