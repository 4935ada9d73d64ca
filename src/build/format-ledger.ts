import { reasonMessage, reasons as reasonTexts, type ReasonCode } from '../validate/reasons.ts';
import type { LedgerFile, LedgerReason } from '../model/ledger.ts';

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
  const reasons = ledger.flatMap((f) => f.reasons.map((r) => `  ${f.file}: ${r.count} × ${r.code}${r.column ? ` (${r.column})` : ''}: ${example(r)}`));
  if (reasons.length) out.push('Rejected rows (see quarantine/):', ...reasons);
  const warnings = ledger.flatMap((f) => (f.warnings ?? []).map((w) =>
    `  ${f.file}: ${w.count} × ${w.code}${w.column ? ` (${w.column})` : ''}: ${w.message.en}${w.examples.length ? ` (${w.examples.map((e) => `line ${e.line}: "${e.raw}"`).join('; ')})` : ''}`));
  if (warnings.length) out.push('Warnings (rows kept, worth a look):', ...warnings);
  const notes = ledger.flatMap((f) => (f.notes ?? []).map((n) => `  ${f.file}: ${n.en}`));
  if (notes.length) out.push('How the rows were read:', ...notes);
  return out.join('\n');
}

/**
 * A reason told with its first example's real line and value (masked as published), and the
 * lines of the other examples: `amount is not a number: "12,5x" (line 14; also lines 20, 31)`.
 */
function example(r: LedgerReason): string {
  const first = r.examples[0];
  if (!first || !(r.code in reasonTexts)) return r.message.en;
  const code = r.code as ReasonCode;
  // without the row's detail (a personal column), the general message with the masked value
  const text = first.detail !== undefined || !reasonTexts[code].en.includes('{detail}')
    ? reasonMessage(code, r.column, first.raw, first.detail ?? '').en
    : r.message.en.replaceAll('"…"', `"${first.raw}"`);
  const more = r.examples.slice(1).map((e) => e.line);
  const lines = `line ${first.line}${more.length ? `; also line${more.length > 1 ? 's' : ''} ${more.join(', ')}` : ''}${r.count > r.examples.length ? `, …` : ''}`;
  return `${text} (${lines})`;
}
