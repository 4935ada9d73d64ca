import { posix } from 'node:path';
import { csvText } from '../lib/csv.ts';
import type { FileSystem } from '../lib/effects.ts';
import type { RejectedRow } from '../model/ledger.ts';

/**
 * Write rejected rows to the local quarantine folder (git-ignored, never published: rows may
 * hold personal data): one CSV per input file, the original cells then `_line, _column, _reason,
 * _message` (the message in Chinese and English). UTF-8 with BOM so Excel opens Chinese text correctly.
 * The folder always equals the ledger: a `*.rejected.csv` of a file that has no rejected row any
 * more is removed, and the build writes it on every run (a cache hit too: the rejects are cached).
 * Returns the paths written.
 */
export async function writeQuarantine(rejects: RejectedRow[], dir: string, fs: FileSystem): Promise<string[]> {
  const byFile = new Map<string, RejectedRow[]>();
  for (const r of rejects) {
    let list = byFile.get(r.file);
    if (!list) byFile.set(r.file, (list = []));
    list.push(r);
  }
  const written: string[] = [];
  if (byFile.size > 0) await fs.mkdir(dir);
  for (const [file, rows] of byFile) {
    const width = Math.max(rows[0]!.header?.length ?? 0, ...rows.map((r) => r.cells.length));
    const header = Array.from({ length: width }, (_, i) => rows[0]!.header?.[i] ?? `column_${i + 1}`);
    const body = rows.map((r) => {
      const cells = Array.from({ length: width }, (_, i) => r.cells[i] ?? '');
      return [...cells, String(r.line), r.column ?? '', r.reason, `${r.message['zh-CN']} / ${r.message.en}`];
    });
    const text = csvText([[...header, '_line', '_column', '_reason', '_message'], ...body], true);
    const out = posix.join(dir, file.replace(/[/\\]/g, '__').replace(/\.[^.]*$/, '') + '.rejected.csv');
    await fs.writeFile(out, text);
    written.push(out);
  }
  await removeStale(dir, written, fs);
  return written;
}

async function removeStale(dir: string, written: readonly string[], fs: FileSystem): Promise<void> {
  if (!fs.remove || !(await fs.exists(dir))) return;
  for (const name of await fs.readdir(dir)) {
    const path = posix.join(dir, name);
    if (name.endsWith('.rejected.csv') && !written.includes(path)) await fs.remove(path);
  }
}
