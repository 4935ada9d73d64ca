import { buildError, type BuildError } from '../lib/build-error.ts';

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

export function currencyStop(file: string, counts: ReadonlyMap<string, number>, currency: string): BuildError | null {
  const column = [...counts].filter(([k]) => k.startsWith('column:')).map(([k, n]) => [k.slice(7), n] as const);
  const marks = [...counts].filter(([k]) => k.startsWith('mark:')).map(([k, n]) => [k.slice(5), n] as const);
  const foreignColumn = column.some(([v]) => v !== currency);
  const foreignMark = marks.some(([m]) => !(MARKS[m] ?? []).includes(currency));
  if (!foreignColumn && !foreignMark) return null;
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
          en: `If every amount is in ${single}, set the company currency in config.yaml:\ncurrency: ${single}\nOtherwise export one currency per file.`,
          'zh-CN': `如果所有金额都是 ${single}，请在 config.yaml 中设置公司币种：\ncurrency: ${single}\n否则请按币种分别导出。`,
        }
      : {
          en: `Export the amounts in one currency (most systems can export in the company currency), or keep only the ${currency} rows; then set that currency in config.yaml:\ncurrency: ${currency}`,
          'zh-CN': `请以同一币种导出金额（多数系统可按公司本位币导出），或只保留 ${currency} 的行；并在 config.yaml 中设置该币种：\ncurrency: ${currency}`,
        },
  });
}
