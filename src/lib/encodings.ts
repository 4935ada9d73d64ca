/**
 * The legacy (non-Unicode) encodings a file may be read with, by their WHATWG labels: the ones
 * chardet detects that Node's TextDecoder decodes. The config's `encoding` setting and the
 * detector (src/ingest/decode.ts) share this list.
 */
export const LEGACY_ENCODINGS = [
  'gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'windows-1250', 'windows-1251', 'windows-1252',
  'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'windows-1257', 'windows-1258',
  'iso-8859-2', 'iso-8859-5', 'iso-8859-7', 'iso-8859-15', 'koi8-r',
] as const;
