import { stringify } from 'yaml';
import { formatBuildError } from '../lib/build-error.ts';
import type { Localized } from '../model/kpi.ts';
import { inputFiles } from '../validate/schemas/index.ts';
import type { DateOrderFinding } from './date-order.ts';
import type { Proposal, SkippedFile, UsedFile } from './propose.ts';
import type { StatusFinding, StatusValue } from './status-values.ts';

/**
 * The proposal as `config.yaml` text: the settings, and as comments why each was chosen, what was
 * left out and the questions only the user can answer (marked QUESTION / 问题). The settings in it
 * are exactly `proposal.config` (a test parses the text back). Comments are in one language
 * (`lang`, zh-CN by default as on the site); both languages are here.
 */
export type Lang = keyof Localized;

const MAX_LISTED = 12;

export function renderProposal(p: Proposal, lang: Lang, dataDir: string): string {
  const t = (m: Localized) => m[lang];
  const out: string[] = [];
  const c = (m: Localized, indent = '') => { for (const line of t(m).split('\n')) out.push(`${indent}# ${line}`.trimEnd()); };
  const Q = t({ en: 'QUESTION', 'zh-CN': '问题' });

  c({
    en: `Accountable configuration proposed by \`npm run map\` from the files in ${dataDir}/.\n${p.used.length} file(s) used, ${p.skipped.length} not used. Read every line marked ${Q} before building.`,
    'zh-CN': `由 \`npm run map\` 根据 ${dataDir}/ 中的文件生成的 Accountable 配置建议。\n使用 ${p.used.length} 个文件，未使用 ${p.skipped.length} 个。构建前请逐条确认标有“${Q}”的行。`,
  });
  out.push('');

  if (!p.used.some((u) => u.name === 'orders')) {
    c({
      en: `${Q}: no file reads as orders, the one file the build needs. See "Files not used" below for the closest one and the line that maps it.`,
      'zh-CN': `${Q}：没有文件可读作 orders（构建唯一必需的文件）。最接近的文件及对应的设置见下方“未使用的文件”。`,
    });
    out.push('');
  }

  // time zone
  if (p.localTimes) {
    c({
      en: `${Q}: in which time zone were these times recorded? The files do not say (no offsets like +08:00 or Z).\nUntil you set it, times are read in Asia/Shanghai (the default). For example:`,
      'zh-CN': `${Q}：这些时间是按哪个时区记录的？文件中没有说明（没有 +08:00 或 Z 这样的时差）。\n设置之前按默认的 Asia/Shanghai 读取。例如：`,
    });
    out.push('# timezone: Asia/Shanghai', '');
  }

  // currency
  const seen = p.currency.seen.slice(0, 5).map((s) => `"${s.mark}" × ${s.cells} (${s.where})`).join('; ');
  if (p.currency.code && !p.currency.question) {
    c({ en: `Amounts are marked ${seen}.`, 'zh-CN': `金额带有货币标记：${seen}。` });
    out.push(`currency: ${p.currency.code}`, '');
  } else if (p.currency.code) {
    c({
      en: `${Q}: amounts are marked ${seen}; that sign is used by several currencies. Is it ${p.currency.code}? (ISO 4217 code)`,
      'zh-CN': `${Q}：金额带有货币标记 ${seen}；多种货币都用这个符号。是 ${p.currency.code} 吗？（ISO 4217 代码）`,
    });
    out.push(`currency: ${p.currency.code}`, '');
  } else if (p.currency.seen.length) {
    c({
      en: `${Q}: the files show more than one currency: ${seen}. Amounts in different currencies are never summed: set the reporting currency and convert the others first.`,
      'zh-CN': `${Q}：文件中有多种货币：${seen}。不同货币的金额不会相加：请设置报告货币，并先换算其他货币。`,
    });
    out.push('# currency: CNY', '');
  } else {
    c({
      en: `${Q}: no currency sign or currency column in the files. Amounts are read as CNY (the default) until you set yours (ISO 4217), e.g.:`,
      'zh-CN': `${Q}：文件中没有货币符号或币种列。设置之前金额按 CNY（默认）计。请设置公司的货币（ISO 4217），例如：`,
    });
    out.push('# currency: CNY', '');
  }

  if (p.used.length) {
    out.push('files:');
    for (const u of p.used) renderUsed(u, t, out, Q);
  }

  if (p.statuses) renderStatuses(p.statuses, t, out, Q);

  if (p.skipped.length) {
    out.push('');
    c({ en: 'Files not used:', 'zh-CN': '未使用的文件：' });
    for (const s of p.skipped) {
      const d = p.dates[s.file];
      const dates = d?.kind === 'proven' ? t(dateOrderWhy(d)) : '';
      const lines = [...t(skippedReason(s)).split('\n'), ...(dates ? [t({ en: `Its dates, if you map it: dateOrder: ${d!.kind === 'proven' ? d!.order : ''} (${dates})`, 'zh-CN': `如要使用它，其日期为 dateOrder: ${d!.kind === 'proven' ? d!.order : ''}（${dates}）` })] : [])];
      out.push(`# - ${s.file}: ${lines[0]}`, ...lines.slice(1).map((l) => `#     ${l}`.trimEnd()));
      if (s.file === inputFiles[nameOfDefault(s.file) ?? 'orders'].file && nameOfDefault(s.file)) {
        c({
          en: `  Note: the build reads ${s.file} by its name; move it out of the data folder if it should not be read.`,
          'zh-CN': `  注意：构建会按文件名读取 ${s.file}；如果不应读取，请把它移出数据目录。`,
        });
      }
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

const scoreOf = (u: UsedFile) => u.score;

const nameOfDefault = (file: string) => (Object.keys(inputFiles) as (keyof typeof inputFiles)[]).find((n) => inputFiles[n].file === file) ?? null;

const scalar = (v: string) => stringify(v, { lineWidth: 0 }).trimEnd();
const list = (xs: string[]) => (xs.length > MAX_LISTED ? [...xs.slice(0, MAX_LISTED), `… (+${xs.length - MAX_LISTED})`] : xs).join(', ');

function renderUsed(u: UsedFile, t: (m: Localized) => string, out: string[], Q: string): void {
  const c = (m: Localized, indent: string) => { for (const line of t(m).split('\n')) out.push(`${indent}# ${line}`.trimEnd()); };
  const pr = u.profile;
  const delim = pr.delimiter === '\t' ? 'tab' : `"${pr.delimiter}"`;
  out.push('');
  c({
    en: `── ${u.name} ← ${u.file}: ${pr.records} rows, read as ${pr.encoding}, delimiter ${delim} (both detected)`,
    'zh-CN': `── ${u.name} ← ${u.file}：${pr.records} 行，编码 ${pr.encoding}，分隔符 ${delim}（均为自动识别）`,
  }, '  ');
  // the next best reading, unless it is this one without a preset (the preset is why it reads better)
  const best = u.alternatives.find((a) => a.name !== u.name || a.preset !== null);
  const mine = u.alternatives.length ? scoreOf(u) : 0;
  if (best && best.score >= 0.75 * mine) {
    c({
      en: `(it could also be read as ${best.name}${best.preset ? ` with preset ${best.preset}` : ''}: ${best.match.index.size} columns, score ${best.score.toFixed(1)} against ${mine.toFixed(1)})`,
      'zh-CN': `（也可读作 ${best.name}${best.preset ? `，预设 ${best.preset}` : ''}：${best.match.index.size} 列，得分 ${best.score.toFixed(1)}，当前读法 ${mine.toFixed(1)}）`,
    }, '  ');
  }
  const body: string[] = [];
  const bc = (m: Localized) => { for (const line of t(m).split('\n')) body.push(`    # ${line}`.trimEnd()); };
  if (u.file !== inputFiles[u.name].file) body.push(`    path: ${scalar(u.file)}`);
  if (u.preset) {
    const hits = u.columns.filter((x) => x.by === 'preset').map((x) => x.header);
    body.push(`    preset: ${u.preset}   # ${t({ en: `${hits.length} header(s) are ${u.preset} export labels: ${list(hits)}`, 'zh-CN': `${hits.length} 个表头是 ${u.preset} 导出字段名：${list(hits)}` })}`);
  }
  renderDateOrder(u.dateOrder, t, body, Q);
  const explicit = u.columns.filter((x) => x.by !== 'canonical' && x.by !== 'parts');
  if (explicit.length) body.push('    columns:');
  for (const x of explicit) {
    const why = x.by === 'preset'
      ? { en: `${u.preset} preset label`, 'zh-CN': `${u.preset} 预设字段名` }
      : { en: 'built-in synonym', 'zh-CN': '内置同义词' };
    const others = x.others.length ? t({ en: `; chosen over ${list(x.others.map((o) => `"${o}"`))}`, 'zh-CN': `；未选 ${list(x.others.map((o) => `“${o}”`))}` }) : '';
    body.push(`      ${x.column}: ${scalar(x.header)}   # ${t(why)}${others}`);
  }
  for (const x of u.columns.filter((y) => y.by === 'parts')) bc({ en: `${x.column}: joined from ${x.header} (no ${x.column} column)`, 'zh-CN': `${x.column}：由 ${x.header} 拼接（没有 ${x.column} 列）` });
  renderGiven(u, t, body, Q);
  const same = u.columns.filter((x) => x.by === 'canonical').map((x) => x.column);
  if (same.length) bc({ en: `read under their own names: ${list(same)}`, 'zh-CN': `按原名读取的列：${list(same)}` });
  if (u.missing.length) bc({ en: `not in the file (optional): ${list(u.missing)}`, 'zh-CN': `文件中没有（可选）：${list(u.missing)}` });
  if (u.unread.length) bc({ en: `headers not read: ${list(u.unread)}`, 'zh-CN': `未读取的表头：${list(u.unread)}` });
  if (u.check?.ok) {
    const l = u.check.ledger;
    const why = l.reasons.map((r) => `${r.code}${r.column ? ` (${r.column})` : ''} × ${r.count}`).join(', ');
    bc({
      en: `read with this configuration: ${l.read} rows, ${l.accepted} accepted, ${l.excluded} excluded, ${l.rejected} rejected${why ? ` (${why})` : ''}, ${l.duplicates} duplicates`,
      'zh-CN': `按此配置读取：${l.read} 行，接受 ${l.accepted}，排除 ${l.excluded}，拒绝 ${l.rejected}${why ? `（${why}）` : ''}，重复 ${l.duplicates}`,
    });
  } else if (u.check) {
    bc({ en: `${Q}: with this configuration the build stops here:`, 'zh-CN': `${Q}：按此配置，构建会在这里停止：` });
    for (const line of formatBuildError(u.check.error).split('\n')) body.push(`    #   ${line}`.trimEnd());
  }
  const settings = body.filter((l) => !l.trimStart().startsWith('#'));
  if (settings.length) out.push(`  ${u.name}:`, ...body);
  else out.push(...body.map((l) => l.replace(/^ {4}/, '  ')), `  ${u.name}: {}`);
}

/** required columns config gives (given-columns.ts): orderIdentity and constants, each with its reason */
function renderGiven(u: UsedFile, t: (m: Localized) => string, body: string[], Q: string): void {
  const why = (g: UsedFile['given'][number]) => `${g.question ? `${Q}: ` : ''}${t(g.why)}`;
  for (const g of u.given.filter((x) => x.setting === 'orderIdentity')) body.push(`    orderIdentity: ${g.value}   # ${why(g)}`);
  const constants = u.given.filter((x) => x.setting === 'constants');
  if (constants.length) body.push('    constants:');
  for (const g of constants) body.push(`      ${g.column}: ${scalar(g.value)}   # ${why(g)}`);
}

/** the settings a file not used would need besides its path (given-columns.ts) */
const givenText = (given: UsedFile['given']): string => given
  .map((g) => (g.setting === 'orderIdentity' ? `orderIdentity: ${g.value}` : `constants: { ${g.column}: ${scalar(g.value)} }`))
  .map((x) => `, ${x}`).join('');

function renderDateOrder(d: DateOrderFinding, t: (m: Localized) => string, body: string[], Q: string): void {
  const bc = (m: Localized) => { for (const line of t(m).split('\n')) body.push(`    # ${line}`.trimEnd()); };
  if (d.kind === 'proven') {
    body.push(`    dateOrder: ${d.order}   # ${t(dateOrderWhy(d))}`);
  } else if (d.kind === 'conflict') {
    bc({
      en: `${Q}: the dates read day first in ${d.dmy.rows} rows (e.g. ${d.dmy.example}, ${list(d.dmy.columns)}) but month first in ${d.mdy.rows} rows (e.g. ${d.mdy.example}, ${list(d.mdy.columns)}): fix the file, then set dateOrder.`,
      'zh-CN': `${Q}：日期在 ${d.dmy.rows} 行是日在前（例如 ${d.dmy.example}，${list(d.dmy.columns)}），在 ${d.mdy.rows} 行是月在前（例如 ${d.mdy.example}，${list(d.mdy.columns)}）：请先修正文件，再设置 dateOrder。`,
    });
    body.push('    # dateOrder: dmy   # or mdy');
  } else if (d.kind === 'unproven') {
    bc({
      en: `${Q}: ${d.rows} dates like 03/04/2021 (${list(d.columns)}) read either way and none has a number over 12: is the day or the month first? The build stops until you say:`,
      'zh-CN': `${Q}：${d.rows} 个形如 03/04/2021 的日期（${list(d.columns)}）两种读法都成立，且没有大于 12 的数：日在前还是月在前？设置之前构建会停止：`,
    });
    body.push('    # dateOrder: dmy   # or mdy');
  }
}

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function renderStatuses(f: StatusFinding, t: (m: Localized) => string, out: string[], Q: string): void {
  const c = (m: Localized, indent = '') => { for (const line of t(m).split('\n')) out.push(`${indent}# ${line}`.trimEnd()); };
  const word: Record<StatusValue['outcome'], Localized> = {
    kept: { en: 'counts as a sale', 'zh-CN': '计入销售' },
    excluded: { en: 'excluded', 'zh-CN': '排除' },
    unknown: { en: 'no rule: the build stops', 'zh-CN': '无规则：构建会停止' },
  };
  out.push('');
  c({
    en: `Status column "${f.header}" of ${f.file}${f.tooMany ? ` (more than ${f.values.length - 1} values: free text rather than a status?)` : ''}; each value, its rows and amount, and what the build counts it as:`,
    'zh-CN': `${f.file} 的状态列“${f.header}”${f.tooMany ? `（超过 ${f.values.length - 1} 个值：更像自由文本而不是状态？）` : ''}；各个值、行数、金额，以及构建如何计算：`,
  });
  for (const v of f.values.slice(0, 30)) {
    const name = v.value === '' ? t({ en: '(empty)', 'zh-CN': '（空）' }) : JSON.stringify(v.value);
    const amount = v.amount === null ? '' : t({ en: `, amount ${money(v.amount)}`, 'zh-CN': `，金额 ${money(v.amount)}` });
    c({ en: `  ${name}: ${v.rows} rows${amount} → ${word[v.outcome].en}`, 'zh-CN': `  ${name}：${v.rows} 行${amount} → ${word[v.outcome]['zh-CN']}` });
  }
  if (f.include) {
    c({
      en: `${Q}: no rule says what some values mean. Proposed: only the values listed here count as sales (won, paid, not cancelled: those the build keeps and those that read so); check the list.\nIf this column is not an order status at all, replace it with: statusRule: none`,
      'zh-CN': `${Q}：有些值没有规则说明其含义。建议：只有下列值计为销售（赢单、已付款、未取消：构建已计入的值和看起来如此的值）；请核对。\n如果这一列根本不是订单状态，请改为：statusRule: none`,
    });
    out.push('orders:', '  includeStatuses:', ...f.include.map((v) => `    - ${scalar(v)}`));
  } else if (f.uncovered) {
    c({
      en: `${Q}: no rule says what some values mean and none reads as won or paid, so the build stops until you say which values are sales:\norders:\n  includeStatuses: [...]\nor, if this column is not an order status:\norders:\n  statusRule: none`,
      'zh-CN': `${Q}：有些值没有规则说明其含义，也没有值看起来是赢单或已付款，构建会停止，直到您写明哪些值是销售：\norders:\n  includeStatuses: [...]\n或者，如果这一列不是订单状态：\norders:\n  statusRule: none`,
    });
  } else {
    c({
      en: `If the build's reading is not what the values mean, list the values that are sales (only those then count), e.g.:`,
      'zh-CN': `如果构建的理解与这些值的含义不符，请列出计为销售的值（之后只计这些值），例如：`,
    });
    c({ en: `orders:\n  includeStatuses: [${f.values.filter((v) => v.outcome === 'kept' && v.value !== '').slice(0, 3).map((v) => scalar(v.value)).join(', ')}]`, 'zh-CN': `orders:\n  includeStatuses: [${f.values.filter((v) => v.outcome === 'kept' && v.value !== '').slice(0, 3).map((v) => scalar(v.value)).join(', ')}]` });
  }
}

function dateOrderWhy(d: Extract<DateOrderFinding, { kind: 'proven' }>): Localized {
  return d.order === 'mdy'
    ? { en: `month first: the second number is over 12 (a day) in ${d.rows} rows, e.g. ${d.example} (${list(d.columns)})`, 'zh-CN': `月在前：${d.rows} 行的第二个数大于 12（是日），例如 ${d.example}（${list(d.columns)}）` }
    : { en: `day first: the first number is over 12 (a day) in ${d.rows} rows, e.g. ${d.example} (${list(d.columns)})`, 'zh-CN': `日在前：${d.rows} 行的第一个数大于 12（是日），例如 ${d.example}（${list(d.columns)}）` };
}

function skippedReason(s: SkippedFile): Localized {
  const w = s.why;
  switch (w.kind) {
    case 'unreadable':
      return w.reason === 'binary'
        ? { en: 'not a text table (an Excel file or an archive?): save it as CSV.', 'zh-CN': '不是文本表格（可能是 Excel 文件或压缩包）：请另存为 CSV。' }
        : w.reason === 'undecodable'
          ? { en: `its bytes are not text in any encoding the build reads (${w.detail}).`, 'zh-CN': `无法按构建支持的任何编码读取（${w.detail}）。` }
          : { en: `not a table: no header row of two or more columns (${w.detail}).`, 'zh-CN': `不是表格：没有两列以上的表头行（${w.detail}）。` };
    case 'taken': {
      const n = w.nearer;
      const near: Localized = n
        ? {
            en: `\nIt is closer to ${n.name}${n.preset ? ` (preset ${n.preset})` : ''}, but ${n.error.message.en}${n.error.hint ? `\n${n.error.hint.en}` : ''}`,
            'zh-CN': `\n它更接近 ${n.name}${n.preset ? `（预设 ${n.preset}）` : ''}，但${n.error.message['zh-CN']}${n.error.hint ? `\n${n.error.hint['zh-CN']}` : ''}`,
          }
        : { en: '', 'zh-CN': '' };
      return {
        en: `it reads as ${w.name} too, but ${w.by} reads better as ${w.name} (score ${w.theirs.toFixed(1)} against ${w.score.toFixed(1)}) and the build reads one ${w.name} file. To use this one instead, set files.${w.name}.path: ${s.file}${givenText(w.given)}${near.en}`,
        'zh-CN': `它也可读作 ${w.name}，但 ${w.by} 更适合（得分 ${w.theirs.toFixed(1)}，本文件 ${w.score.toFixed(1)}），而构建只读取一个 ${w.name} 文件。如要改用本文件，请设置 files.${w.name}.path: ${s.file}${givenText(w.given)}${near['zh-CN']}`,
      };
    }
    case 'no_match':
      if (!w.closest) return { en: 'no header names a column of any file the build reads.', 'zh-CN': '没有任何表头对应构建读取的文件的列。' };
      return {
        en: `closest to ${w.closest.name}${w.closest.preset ? ` (preset ${w.closest.preset})` : ''}, but ${w.closest.error.message.en}${w.closest.error.hint ? `\n${w.closest.error.hint.en}` : ''}`,
        'zh-CN': `最接近 ${w.closest.name}${w.closest.preset ? `（预设 ${w.closest.preset}）` : ''}，但${w.closest.error.message['zh-CN']}${w.closest.error.hint ? `\n${w.closest.error.hint['zh-CN']}` : ''}`,
      };
    case 'mostly_rejected': {
      const l = w.ledger;
      const why = l.reasons.map((r) => `${r.code}${r.column ? ` (${r.column})` : ''} × ${r.count}`).join(', ');
      return {
        en: `read as ${w.name}, ${l.rejected} of its ${l.read} rows would be rejected (${why}): not a ${w.name} file as it stands.`,
        'zh-CN': `读作 ${w.name} 时，${l.read} 行中有 ${l.rejected} 行会被拒绝（${why}）：按现状不是 ${w.name} 文件。`,
      };
    }
    case 'check_failed':
      return {
        en: `read as ${w.name}, the build would stop: ${w.error.message.en}${w.error.hint ? `\n${w.error.hint.en}` : ''}`,
        'zh-CN': `读作 ${w.name} 时构建会停止：${w.error.message['zh-CN']}${w.error.hint ? `\n${w.error.hint['zh-CN']}` : ''}`,
      };
  }
}
