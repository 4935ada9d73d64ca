import { formatCount, formatMoneyFull } from '../i18n/format.ts';
import { pick, t, type Locale } from '../i18n/index.ts';
import type { LedgerFile } from '../model/ledger.ts';

/**
 * The data page's sentences about the ledger that are not tables: what to say when no row was
 * rejected (never "every row was accepted" beside excluded rows), each file's identical lines
 * with the amount at stake, and its warnings with their examples (already masked by ingest).
 */
export function noReasonsNote(ledger: readonly LedgerFile[], locale: Locale): string {
  const excluded = ledger.reduce((s, f) => s + f.excluded, 0);
  return excluded > 0 ? t(locale, 'data.noRejectsExcluded', { excluded: formatCount(excluded, locale) }) : t(locale, 'data.noReasons');
}

/** identical lines of a file, dropped or kept, with (orders) their amount; null when there were none */
export function duplicateLinesNote(f: LedgerFile, locale: Locale): string | null {
  const d = f.duplicateLines;
  if (!d || d.count === 0) return null;
  const count = formatCount(d.count, locale);
  if (d.amount === null) return t(locale, d.policy === 'drop' ? 'data.duplicateLinesDroppedCount' : 'data.duplicateLinesKeptCount', { count });
  return t(locale, d.policy === 'drop' ? 'data.duplicateLinesDropped' : 'data.duplicateLinesKept', { count, amount: formatMoneyFull(d.amount, locale) });
}

export interface WarningNote {
  code: string;
  column: string | null;
  count: string;
  text: string;
  examples: string[];
}

export function warningNotes(f: LedgerFile, locale: Locale): WarningNote[] {
  return (f.warnings ?? []).map((w) => ({
    code: w.code,
    column: w.column,
    count: formatCount(w.count, locale),
    text: pick(w.message, locale),
    examples: w.examples.map((e) => `${t(locale, 'data.line', { line: e.line })}: ${e.raw}`),
  }));
}
