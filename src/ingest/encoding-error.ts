import { buildError, type BuildError } from '../lib/build-error.ts';
import type { InputName } from '../validate/schemas/index.ts';
import type { DecodeFailure } from './decode.ts';

/**
 * The build error of a file that cannot be decoded (decode.ts): the encodings tried, each with
 * the line of the first byte it refused, and the `encoding:` lines to set, only for encodings
 * checked to decode the whole file (so following the advice never leads back to a setting
 * that failed).
 */
export function decodeError(name: InputName, file: string, dec: DecodeFailure): BuildError {
  const field = `files.${name}.encoding`;
  if (dec.reason === 'binary') {
    return buildError({
      code: 'not_a_table', file,
      message: {
        en: `${file} is not a text table: it holds binary data (an Excel .xlsx/.xls file or an archive renamed to .csv?).`,
        'zh-CN': `${file} 不是文本表格：其中含有二进制数据（可能是改了扩展名的 Excel 文件或压缩包）。`,
      },
      hint: { en: 'In Excel: File → Save As → CSV UTF-8 (comma delimited).', 'zh-CN': '在 Excel 中：文件 → 另存为 → CSV UTF-8（逗号分隔）。' },
    });
  }
  const tried = dec.tried.map((t) => `${t.encoding} (line ${t.line})`).join(', ');
  const triedZh = dec.tried.map((t) => `${t.encoding}（第 ${t.line} 行）`).join('、');
  const names = dec.candidates.map((c) => c.encoding);
  const setting = (e: string, rest: string) => `files:\n  ${name}:\n    encoding: ${e}${rest}`;
  const others = names.slice(1);
  const lines = names.length ? setting(names[0]!, others.length ? `   # or ${others.join(', ')}` : '') : '';
  const linesZh = names.length ? setting(names[0]!, others.length ? `   # 或 ${others.join('、')}` : '') : '';
  if (dec.reason === 'uncertain') {
    const ranked = dec.candidates.map((c) => `${c.encoding} (${c.confidence} %)`).join(', ');
    return buildError({
      code: 'undecodable', file, field,
      message: {
        en: `${file}: the encoding cannot be told with certainty. It is not ${tried}; the detector (chardet) ranks ${ranked}, and each of these reads every byte.`,
        'zh-CN': `${file}：无法确定文件编码。已尝试且失败：${triedZh}；检测器（chardet）给出的候选为 ${ranked}，它们都能读取全部字节。`,
      },
      hint: {
        en: `Set the encoding that shows the file's text correctly (open the file in a text editor to check):\n${lines}`,
        'zh-CN': `请设置能正确显示文件文字的编码（可用文本编辑器打开文件核对）：\n${linesZh}`,
      },
    });
  }
  return buildError({
    code: 'undecodable', file, line: dec.line, field,
    message: {
      en: `${file} cannot be read as ${dec.encoding}: line ${dec.line} holds bytes that are not ${dec.encoding}. Encodings tried: ${tried}.`,
      'zh-CN': `${file} 无法按 ${dec.encoding} 编码读取：第 ${dec.line} 行含有不属于 ${dec.encoding} 的字节。已尝试的编码：${triedZh}。`,
    },
    hint: names.length
      ? {
          en: `The whole file reads as ${names.join(' or ')}; set (or remove the setting to detect it):\n${lines}`,
          'zh-CN': `整个文件可以按 ${names.join(' 或 ')} 读取；请设置（或删除该设置以自动识别）：\n${linesZh}`,
        }
      : dec.encoding === 'utf-8'
      ? {
          en: `The rest of the file is UTF-8: the bytes at line ${dec.line} are damaged (no other encoding would read the file's text correctly). Fix that line, or export the file again.`,
          'zh-CN': `文件其余部分是 UTF-8：第 ${dec.line} 行的字节已损坏（换用其他编码只会让文字变成乱码）。请修正该行，或重新导出文件。`,
        }
      : {
          en: `No encoding tried reads the whole file: the file is damaged at the line named. Export it again (in Excel: File → Save As → CSV UTF-8), or fix that line.`,
          'zh-CN': `已尝试的编码都无法读取整个文件：文件在上述行处已损坏。请重新导出（Excel：文件 → 另存为 → CSV UTF-8），或修正该行。`,
        },
  });
}
