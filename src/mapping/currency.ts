import { normalizeHeader } from '../ingest/headers.ts';
import type { FileProfile } from './profile-file.ts';

/**
 * The company's currency, from what the files show: a currency column's values, or the marks
 * written in amount cells (`$22,700.00`, `¥12.80`, `35元`). Only an unambiguous mark names a
 * currency by itself; `$` and `¥` are several currencies' sign, so they give a proposal with a
 * question. Nothing found: a question, and the default (CNY) stays.
 */
export interface CurrencyFinding {
  /** the ISO 4217 code to propose, null when nothing in the files says */
  code: string | null;
  /** true when the user must confirm it (an ambiguous sign, several currencies, or nothing found) */
  question: boolean;
  /** mark or currency-column value → cells, with where they were seen */
  seen: { mark: string; cells: number; where: string }[];
}

/** marks the number parser accepts (parse-number.ts) → ISO 4217, null when several currencies use it */
const MARKS: [string, string | null][] = [
  ['US$', 'USD'], ['USD', 'USD'], ['CNY', 'CNY'], ['RMB', 'CNY'], ['元', 'CNY'], ['€', 'EUR'], ['£', 'GBP'],
  ['¥', null], ['$', null],
];
/** what an ambiguous mark most often means, proposed with a question */
const LIKELY: Record<string, string> = { '$': 'USD', '¥': 'CNY' };
/** the currencies an ambiguous mark is written for */
const MAY_BE: Record<string, string[]> = { '$': ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'TWD', 'MXN'], '¥': ['CNY', 'JPY'] };

const CURRENCY_HEADERS = ['currency', 'currencycode', 'currencyid', '币种', '货币', '币别', '交易币种', '结算币种'];

function markOf(raw: string): string | null {
  const s = raw.normalize('NFKC').trim().replace(/^[-+(−]+/, '').toUpperCase();
  for (const [m] of MARKS) if (s.startsWith(m) || s.endsWith(m)) return m;
  return null;
}

/** `amountHeaders`: per used file, the headers read as amounts (their cells carry the marks) */
export function findCurrency(files: { profile: FileProfile; amountHeaders: string[] }[]): CurrencyFinding {
  const seen = new Map<string, { cells: number; where: Set<string> }>();
  const add = (mark: string, n: number, where: string) => {
    const e = seen.get(mark) ?? { cells: 0, where: new Set<string>() };
    e.cells += n;
    e.where.add(where);
    seen.set(mark, e);
  };
  for (const { profile, amountHeaders } of files) {
    for (const c of profile.columns) {
      const h = normalizeHeader(c.header);
      const last = h.split('/').pop() ?? h;
      if (CURRENCY_HEADERS.includes(h) || CURRENCY_HEADERS.includes(last)) {
        for (const [v, n] of c.distinct ?? new Map<string, number>()) add(v.toUpperCase(), n, `${profile.file} ${c.header}`);
        continue;
      }
      if (!amountHeaders.includes(c.header)) continue;
      for (const raw of c.samples) {
        const m = markOf(raw);
        if (m) add(m, 1, `${profile.file} ${c.header}`);
      }
    }
  }
  const list = [...seen].map(([mark, e]) => ({ mark, cells: e.cells, where: [...e.where].join(', ') })).sort((a, b) => b.cells - a.cells);
  if (list.length === 0) return { code: null, question: true, seen: list };
  // marks that name one currency settle it, if they agree and every other mark can be that currency
  const exact = new Set(list.map((x) => exactCode(x.mark)).filter((c): c is string => c !== null));
  const vague = [...new Set(list.map((x) => x.mark).filter((m) => exactCode(m) === null))];
  if (exact.size > 1) return { code: null, question: true, seen: list };
  if (exact.size === 1) {
    const code = [...exact][0]!;
    return vague.every((m) => (MAY_BE[m] ?? []).includes(code)) ? { code, question: false, seen: list } : { code: null, question: true, seen: list };
  }
  return vague.length === 1 ? { code: LIKELY[vague[0]!] ?? null, question: true, seen: list } : { code: null, question: true, seen: list };
}

/** the currency a mark names by itself (a listed mark, or a three-letter code), null for a sign several use */
function exactCode(mark: string): string | null {
  const listed = MARKS.find(([m]) => m === mark);
  if (listed) return listed[1];
  return /^[A-Z]{3}$/.test(mark) ? mark : null;
}

