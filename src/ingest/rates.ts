import { csvParseRows } from 'd3-dsv';
import { buildError, type BuildError } from '../lib/build-error.ts';
import { moneyOf, parseRate, type Rate } from '../lib/money.ts';
import { parseIsoDay } from '../lib/time-zone.ts';
import type { Config } from '../config/schema.ts';
import type { FileSystem } from '../lib/effects.ts';
import { isAbsolute, join } from 'node:path';

/**
 * The rates file (docs/data.md#rates): how amounts in other currencies become amounts in the
 * reporting currency (config `currency`). A CSV with a header `date,currency,rate` (or 日期, 币种,
 * 汇率): from `date` on (until that currency's next date), one unit of `currency` is worth `rate`
 * units of the reporting currency. Rates are exact decimals (lib/money.ts Rate); an amount is
 * converted with the rate in force on its order date (the latest date on or before it).
 *
 * Every bad line is listed at once: a date that is not YYYY-MM-DD, a code that is not ISO 4217, a
 * rate that is not a positive decimal, the same currency and date twice, the reporting currency
 * itself at a rate other than 1.
 */
export interface RateTable {
  /** the file, relative to data/ */
  file: string;
  /** currency → its rates by day (epoch days, ascending) */
  byCurrency: Map<string, { days: number[]; rates: Rate[] }>;
}

const HEADERS = {
  date: ['date', '日期', 'valid_from', 'from'],
  currency: ['currency', '币种', '货币', 'code'],
  rate: ['rate', '汇率'],
} as const;

export function readRates(text: string, file: string, reporting: string): { ok: true; rates: RateTable } | { ok: false; error: BuildError } {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ''));
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at = { date: col(HEADERS.date), currency: col(HEADERS.currency), rate: col(HEADERS.rate) };
  if (at.date < 0 || at.currency < 0 || at.rate < 0) {
    return { ok: false, error: ratesError(file, [`the header must name date, currency and rate (found: ${header.join(', ') || 'nothing'})`]) };
  }
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const byCurrency = new Map<string, { days: number[]; rates: Rate[] }>();
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.every((c) => c.trim() === '')) continue;
    const line = i + 1;
    const date = (r[at.date] ?? '').trim();
    const code = (r[at.currency] ?? '').trim().toUpperCase();
    const rateText = (r[at.rate] ?? '').trim();
    const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? parseIsoDay(date) : null;
    const rate = parseRate(rateText);
    if (day === null) problems.push(`line ${line}: date "${date}" is not YYYY-MM-DD`);
    if (!moneyOf(code)) problems.push(`line ${line}: "${code}" is not an ISO 4217 currency code`);
    if (!rate) problems.push(`line ${line}: rate "${rateText}" is not a positive decimal number`);
    if (day === null || !moneyOf(code) || !rate) continue;
    if (code === reporting) {
      if (rate.m !== 10n ** BigInt(-rate.exp)) problems.push(`line ${line}: ${code} is the reporting currency; its rate can only be 1, not ${rateText}`);
      continue;
    }
    const key = `${code} ${date}`;
    const before = seen.get(key);
    if (before !== undefined) {
      problems.push(`line ${line}: ${code} on ${date} is given twice (${before} and ${rateText})`);
      continue;
    }
    seen.set(key, rateText);
    let c = byCurrency.get(code);
    if (!c) byCurrency.set(code, (c = { days: [], rates: [] }));
    c.days.push(day);
    c.rates.push(rate);
  }
  if (problems.length) return { ok: false, error: ratesError(file, problems) };
  for (const c of byCurrency.values()) {
    const order = c.days.map((_, k) => k).sort((a, b) => c.days[a]! - c.days[b]!);
    c.days = order.map((k) => c.days[k]!);
    c.rates = order.map((k) => c.rates[k]!);
  }
  return { ok: true, rates: { file, byCurrency } };
}

/** The rate in force on `day` (epoch day): the latest on or before it; null when none is. */
export function rateOn(t: RateTable, currency: string, day: number): Rate | null {
  const c = t.byCurrency.get(currency);
  if (!c) return null;
  let lo = 0, hi = c.days.length; // first index with days > day
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c.days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? c.rates[lo - 1]! : null;
}

const MAX_LISTED = 20;

function ratesError(file: string, problems: string[]): BuildError {
  const list = problems.slice(0, MAX_LISTED).map((p) => `  ${p}`).join('\n') + (problems.length > MAX_LISTED ? `\n  … and ${problems.length - MAX_LISTED} more` : '');
  return buildError({
    code: 'bad_rates', file,
    message: {
      en: `${file}: the rates file cannot be read with certainty (${problems.length} problem(s)):\n${list}`,
      'zh-CN': `${file}：汇率文件无法确定地读取（${problems.length} 个问题）：\n${list}`,
    },
    hint: {
      en: `Each line: the date from which the rate holds, the ISO 4217 code, and how many units of the reporting currency one unit is worth:\ndate,currency,rate\n2025-01-01,USD,7.1884`,
      'zh-CN': `每行：汇率生效日期、ISO 4217 币种代码、1 单位该币种折合多少报告币种：\ndate,currency,rate\n2025-01-01,USD,7.1884`,
    },
  });
}

/** config `rates`: the file read (relative to data/ or absolute); none configured: null. A missing file stops the build. */
export async function loadRates(dataDir: string, config: Config, fs: FileSystem): Promise<{ ok: true; rates: RateTable | null } | { ok: false; error: BuildError }> {
  if (!config.rates) return { ok: true, rates: null };
  const path = isAbsolute(config.rates) ? config.rates : join(dataDir, config.rates);
  if (!(await fs.exists(path))) {
    return {
      ok: false,
      error: buildError({
        code: 'missing_file', file: config.rates,
        message: { en: `${config.rates}: the rates file set in config.yaml (rates) does not exist.`, 'zh-CN': `${config.rates}：config.yaml 中设置的汇率文件（rates）不存在。` },
        hint: { en: 'Put the file in data/ or correct the path:\nrates: rates.csv', 'zh-CN': '请把文件放入 data/，或改正路径：\nrates: rates.csv' },
      }),
    };
  }
  const text = new TextDecoder('utf-8').decode(await fs.readFile(path));
  const r = readRates(text, config.rates, config.currency);
  return r.ok ? { ok: true, rates: r.rates } : r;
}
