import type { LedgerFile } from '../model/ledger.ts';

/** The ledger as a console table: read = accepted + excluded + rejected + duplicates per file. */
export function formatLedger(ledger: readonly LedgerFile[]): string {
  const head = ['file', 'read', 'accepted', 'excluded', 'rejected', 'duplicates', 'orphans'];
  const rows = ledger
    .filter((f) => f.present)
    .map((f) => [
      f.file,
      f.read,
      f.accepted,
      f.excluded,
      f.rejected,
      f.duplicates,
      f.orphans.reduce((s, o) => s + o.count, 0),
    ].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = ['Ledger (read = accepted + excluded + rejected + duplicates)', line(head), ...rows.map(line)];
  const missing = ledger.filter((f) => !f.present).map((f) => f.file);
  if (missing.length) out.push(`not present (optional): ${missing.join(', ')}`);
  const reasons = ledger.flatMap((f) => f.reasons.map((r) => `  ${f.file}: ${r.count} × ${r.code}${r.column ? ` (${r.column})` : ''}: ${r.message.en}`));
  if (reasons.length) out.push('Rejected rows (see quarantine/):', ...reasons);
  return out.join('\n');
}
