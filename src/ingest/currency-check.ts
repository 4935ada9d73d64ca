import { buildError, type BuildError } from '../lib/build-error.ts';
import type { RateTable } from './rates.ts';

/**
 * Never a sum across currencies (docs/data.md#currency). A file's amounts are in the company's
 * currency (config `currency`) unless the file itself says otherwise, in one of two ways:
 *
 * - a currency column (`currency`, 币种, CurrencyIsoCode …) whose values are not all that code;
 * - currency marks on the amounts (`$12.00`, `¥80`, `12 EUR`) naming another currency, or two
 *   currencies in one file (`$` and `¥`).
 *
 * Either stops the build with the values found, their row counts, and the config line that fixes
 * it. Counts come from LedgerBuilder.currencies (`column:USD`, `mark:$`), merged across threads.
 */

/** Which currencies a mark can mean. `¥` is both the yuan's and the yen's sign; `$` many dollars. */
const MARKS: Record<string, readonly string[]> = {
  '¥': ['CNY', 'JPY'], '元': ['CNY'], CNY: ['CNY'], RMB: ['CNY'],
  $: ['USD', 'HKD', 'TWD', 'SGD', 'AUD', 'CAD', 'NZD', 'MXN'], US$: ['USD'], USD: ['USD'], HK$: ['HKD'], HKD: ['HKD'],
  '€': ['EUR'], EUR: ['EUR'], '£': ['GBP'], GBP: ['GBP'], JPY: ['JPY'], '円': ['JPY'], '₩': ['KRW'],
};

export function currencyStop(file: string, counts: ReadonlyMap<string, number>, currency: string, rates: RateTable | null = null): BuildError | null {
  const column = [...counts].filter(([k]) => k.startsWith('column:')).map(([k, n]) => [k.slice(7), n] as const);
  const marks = [...counts].filter(([k]) => k.startsWith('mark:')).map(([k, n]) => [k.slice(5), n] as const);
  // with a rates file, a currency it has rates for is converted (row-currency.ts), and a mark of it is its own
  const convertible = (v: string) => v === currency || !!rates?.byCurrency.has(v);
  const stated = new Set(column.map(([v]) => v).filter(convertible));
  const foreignColumn = column.some(([v]) => !convertible(v));
  const foreignMark = marks.some(([m]) => !(MARKS[m] ?? []).some((c) => c === currency || (stated.has(c) && convertible(c))));
  if (!foreignColumn && !foreignMark) return missingRates(file, counts, rates);
  const list = (xs: readonly (readonly [string, number])[]) => [...xs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v, n]) => `${v} (${n})`).join(', ');
  const found = [
    column.length ? { en: `currency column: ${list(column)}`, 'zh-CN': `币种列：${list(column)}` } : null,
    marks.length ? { en: `currency marks on amounts: ${list(marks)}`, 'zh-CN': `金额上的货币符号：${list(marks)}` } : null,
  ].filter((x) => x !== null);
  const single = column.length === 1 && marks.length === 0 ? column[0]![0] : marks.length === 1 && column.length === 0 ? MARKS[marks[0]![0]]?.[0] : null;
  return buildError({
    code: 'mixed_currencies', file,
    message: {
      en: `${file}: amounts are not all in the company currency ${currency}, and amounts in different currencies are never added up. Found ${found.map((f) => f.en).join('; ')}.`,
      'zh-CN': `${file}：金额并非都是公司币种 ${currency}，不同币种的金额不能相加。发现${found.map((f) => f['zh-CN']).join('；')}。`,
    },
    hint: single
      ? {
          en: `If every amount is in ${single}, set the company currency in config.yaml:\ncurrency: ${single}\nOtherwise export one currency per file, or convert the others to ${currency} with a rates file (date,currency,rate; docs/data.md#rates):\nrates: rates.csv`,
          'zh-CN': `如果所有金额都是 ${single}，请在 config.yaml 中设置公司币种：\ncurrency: ${single}\n否则请按币种分别导出，或用汇率文件把其他币种换算成 ${currency}（date,currency,rate；见 docs/data.md#rates）：\nrates: rates.csv`,
        }
      : {
          en: `Export the amounts in one currency (most systems can export in the company currency), or keep only the ${currency} rows; then set that currency in config.yaml:\ncurrency: ${currency}\nor convert the others to ${currency} with a rates file (date,currency,rate; docs/data.md#rates), a currency column saying each row's currency:\nrates: rates.csv`,
          'zh-CN': `请以同一币种导出金额（多数系统可按公司本位币导出），或只保留 ${currency} 的行；并在 config.yaml 中设置该币种：\ncurrency: ${currency}\n或用汇率文件把其他币种换算成 ${currency}（date,currency,rate；见 docs/data.md#rates），并以币种列注明每行的币种：\nrates: rates.csv`,
        },
  });
}

/**
 * Rows in a currency of the rates file dated before its first rate (counted by row-currency.ts as
 * `norate:USD:2024-03-01`): the build stops with each currency, its rows and the dates without a
 * rate, and the line that fixes it.
 */
function missingRates(file: string, counts: ReadonlyMap<string, number>, rates: RateTable | null): BuildError | null {
  const missing = new Map<string, { rows: number; days: string[] }>();
  for (const [k, n] of counts) {
    if (!k.startsWith('norate:')) continue;
    const [, code, day] = k.split(':') as [string, string, string];
    const m = missing.get(code) ?? { rows: 0, days: [] };
    m.rows += n;
    m.days.push(day);
    missing.set(code, m);
  }
  if (missing.size === 0 || !rates) return null;
  const codes = [...missing.keys()].sort();
  const line = (code: string, zh: boolean) => {
    const m = missing.get(code)!;
    const days = m.days.sort();
    const shown = days.length > 6 ? `${days.slice(0, 3).join(', ')} … ${days.slice(-2).join(', ')}` : days.join(', ');
    return zh
      ? `  ${code}：${m.rows} 行，${days.length} 个日期没有生效的汇率（${shown}）`
      : `  ${code}: ${m.rows} rows on ${days.length} date(s) with no rate in force (${shown})`;
  };
  const fix = codes.map((c) => `${missing.get(c)!.days.sort()[0]},${c},<rate>`).join('\n');
  return buildError({
    code: 'missing_rates', file,
    message: {
      en: `${file}: amounts in another currency need the rate in force on their order date, and ${rates.file} has none for:\n${codes.map((c) => line(c, false)).join('\n')}`,
      'zh-CN': `${file}：其他币种的金额需要订单日期当天生效的汇率，而 ${rates.file} 中没有：\n${codes.map((c) => line(c, true)).join('\n')}`,
    },
    hint: {
      en: `Add a rate dated on or before the first of those dates to ${rates.file} (a rate holds until the next date of its currency):\ndate,currency,rate\n${fix}`,
      'zh-CN': `请在 ${rates.file} 中加入生效日期不晚于上述第一个日期的汇率（汇率一直有效，直到该币种的下一个日期）：\ndate,currency,rate\n${fix}`,
    },
  });
}

/** The ledger note of rows converted with the rates file (counted as `converted:USD`); null when none were. */
export function conversionNote(counts: ReadonlyMap<string, number>, currency: string, ratesFile: string): { en: string; 'zh-CN': string } | null {
  const done = [...counts].filter(([k]) => k.startsWith('converted:')).map(([k, n]) => [k.slice(10), n] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (done.length === 0) return null;
  const list = done.map(([c, n]) => `${c} (${n})`).join(', ');
  return {
    en: `amounts in ${list} rows converted to ${currency} with ${ratesFile}, at the rate in force on each order date.`,
    'zh-CN': `${list} 行的金额已按 ${ratesFile} 中订单日期当天生效的汇率换算为 ${currency}。`,
  };
}
