import { buildError, type BuildError } from '../lib/build-error.ts';
import type { InputName } from '../validate/schemas/index.ts';

/**
 * The texts of the problems that stop reading a file (read-input-file.ts), in both languages,
 * each with the config lines or the edit that fixes it.
 */

/** The first line has fewer than two named columns with this delimiter. */
export function notATableError(name: InputName, file: string, header: readonly string[], delimiter: string): BuildError {
  return buildError({
    code: 'not_a_table', file,
    message: {
      en: `${file} is not a table: its first line has ${header.length} column(s) (${header.join(', ').slice(0, 200)}), read with delimiter "${delimiterName(delimiter)}".`,
      'zh-CN': `${file} 不是表格：第一行只有 ${header.length} 列（${header.join('、').slice(0, 200)}），分隔符为“${delimiterName(delimiter)}”。`,
    },
    hint: {
      en: `Save the sheet as CSV with a header row, or set the delimiter:\nfiles:\n  ${name}:\n    delimiter: ";"`,
      'zh-CN': `请把表格另存为带表头的 CSV，或指定分隔符：\nfiles:\n  ${name}:\n    delimiter: ";"`,
    },
  });
}

/** No header row and no records; every file but orders.csv is optional. */
export function emptyFileError(name: InputName, file: string): BuildError {
  return buildError({
    code: 'empty_file', file,
    message: { en: `${file} is empty: no header row and no records.`, 'zh-CN': `${file} 是空文件：没有表头，也没有数据。` },
    hint: name === 'orders' ? null : {
      en: `Delete the file if you have no ${name} data: it is optional.`,
      'zh-CN': `如果没有这类数据，请删除该文件（它是可选的）。`,
    },
  });
}

/** A quote opened on `line` runs to the end of the file (`lines` lines would be one field). */
export function unterminatedQuoteError(file: string, u: { line: number; lines: number }): BuildError {
  return buildError({
    code: 'unterminated_quote', file, line: u.line,
    message: {
      en: `${file}: a quote opened on line ${u.line} is never closed, so the last ${u.lines} line(s) would be read as one field.`,
      'zh-CN': `${file}：第 ${u.line} 行开始的引号没有闭合，之后的 ${u.lines} 行会被当作同一个字段。`,
    },
    hint: {
      en: `Check line ${u.line} for a stray " (a value like 5" screen must be written "5"" screen").`,
      'zh-CN': `请检查第 ${u.line} 行是否有多余的 "（值中的引号应写成两个 ""）。`,
    },
  });
}

/**
 * Too many rows lost to stray quotes (stray-quotes.ts strayQuotesStop): `bad` of `read` rows,
 * `lines` the example lines in order. The hint says how to read the quotes as written.
 */
export function strayQuotesError(name: InputName, file: string, bad: number, read: number, lines: readonly number[]): BuildError {
  const at = lines.join(', ');
  return buildError({
    code: 'stray_quotes', file, line: lines[0] ?? null,
    message: {
      en: `${file}: ${bad} of ${read} rows are broken by stray quotes (a quote that joins lines into one record; e.g. lines ${at}): the file's quoting cannot be trusted.`,
      'zh-CN': `${file}：${read} 行中有 ${bad} 行被多余的引号打乱（引号把多行连成一条记录；例如第 ${at} 行），无法确定该文件的引号是否可信。`,
    },
    hint: {
      en: `Fix the quotes in the file (a quote inside a value is written ""), or, if its values really span lines, read the quotes as written:\nfiles:\n  ${name}:\n    quotedLineBreaks: trust`,
      'zh-CN': `请修正文件中的引号（值中的引号写作 ""）；如果值确实跨行，可以按原样读取引号：\nfiles:\n  ${name}:\n    quotedLineBreaks: trust`,
    },
  });
}

/**
 * A date that reads both day-first and month-first, with no dateOrder set: dates are never
 * guessed. The hint proposes the order a part above 12 proves, else dmy (or mdy).
 */
export function ambiguousDateError(name: InputName, file: string, line: number, column: string, raw: string): BuildError {
  const parts = raw.trim().split(/[^\d]+/).map(Number);
  const guess = parts[0]! > 12 ? 'dmy' : parts[1]! > 12 ? 'mdy' : null;
  const which = guess ?? 'dmy';
  return buildError({
    code: 'ambiguous_dates', file, line, field: column,
    message: {
      en: `${file}, line ${line}, ${column}: "${raw}" could be day/month/year or month/day/year, and files.${name}.dateOrder is not set. Dates are never guessed.`,
      'zh-CN': `${file} 第 ${line} 行 ${column}：“${raw}”可能是 日/月/年，也可能是 月/日/年，且未设置 files.${name}.dateOrder。系统不会猜测日期。`,
    },
    hint: {
      en: `Add files.${name}.dateOrder: ${which} (dmy = day first, mdy = month first) to data/config.yaml:\nfiles:\n  ${name}:\n    dateOrder: ${which}${guess ? '' : '   # or mdy'}`,
      'zh-CN': `在 data/config.yaml 中添加 files.${name}.dateOrder: ${which}（dmy = 日在前，mdy = 月在前）：\nfiles:\n  ${name}:\n    dateOrder: ${which}${guess ? '' : '   # 或 mdy'}`,
    },
  });
}

function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : d;
}
