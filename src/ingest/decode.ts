import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import { LEGACY_ENCODINGS } from '../lib/encodings.ts';
/**
 * Bytes → text. Detection (`auto`), in order:
 * 1. a byte-order mark (UTF-8, UTF-16 LE, UTF-16 BE): what the writing program declared;
 * 2. UTF-16 without a BOM, by its NUL bytes (every other byte of ASCII text is 0): chardet 2
 *    recognises UTF-16 only by its BOM, so this one test is ours;
 * 3. valid UTF-8 (a strict validator): UTF-8;
 * 4. else the maintained detector `chardet`, given the lines that hold non-ASCII bytes, ranks
 *    legacy encodings; only those that decode the whole file without an error are kept. GB18030
 *    (a superset of GBK, what Excel writes in a Chinese locale) is taken first when every
 *    non-ASCII character it gives is Chinese text or CJK punctuation (a check of the result:
 *    chardet misranks short or repetitive Chinese files); else chardet's first candidate when it is
 *    windows-1252 / ISO-8859-1 (read as windows-1252, as browsers do) or when its confidence is
 *    at least CONFIDENT; else the file stops the build with the candidates and their settings
 *    (right or stopped: never a guess).
 *
 * A failure names the encodings tried with the line of the first byte each refused, and
 * suggests only encodings that were checked to decode the whole file (advice never loops).
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | (typeof LEGACY_ENCODINGS)[number];
export type EncodingSetting = 'auto' | 'utf-8' | 'gbk' | 'iso-8859-1' | 'latin1' | 'utf-16le' | 'utf-16be' | (typeof LEGACY_ENCODINGS)[number];

/** chardet's confidence (0–100) from which its first candidate is taken without a check */
export const CONFIDENT = 50;

/** an encoding tried and the line of the first byte it refused */
export interface Tried { encoding: string; line: number }

export type DecodeFailure = {
  ok: false;
  /** the encoding the file was read with (set or detected), `binary`, or `uncertain` */
  encoding: string;
  line: number;
  reason: 'invalid_utf8' | 'invalid_bytes' | 'binary' | 'uncertain';
  /** every encoding tried, in order, with the line it failed on */
  tried: Tried[];
  /** encodings that decode the whole file (for the advice), best first, with chardet's confidence */
  candidates: { encoding: Encoding; confidence: number }[];
};

export type Decoded = { ok: true; text: string; encoding: Encoding } | DecodeFailure;

export function sniffBom(b: Uint8Array): 'utf-8-bom' | 'utf-16le' | 'utf-16be' | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8-bom';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** 1-based line of the first byte that the fatal UTF-8 decoder refuses (for the message). */
function firstBadUtf8Line(b: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c === 0x0a) line++;
    if (c < 0x80) { i++; continue; }
    const n = c >= 0xf0 && c < 0xf5 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
    if (n < 0 || c >= 0xf5) return line;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return line;
    i += n + 1;
  }
  return line;
}

/**
 * UTF-8 with a few damaged bytes: at least four valid multi-byte sequences for each invalid
 * byte (GBK text forms valid UTF-8 pairs by accident in about one pair of seven; Latin text
 * in windows-1252 almost never). Such a file is not read in another encoding, which would turn
 * all its text to mojibake: it stops, naming the line of the damage.
 */
function mostlyUtf8(b: Uint8Array): boolean {
  let valid = 0, invalid = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    const n = c >= 0xf0 && c < 0xf5 ? 3 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
    let ok = n > 0;
    for (let k = 1; ok && k <= n; k++) ok = i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
    if (ok) { valid++; i += n + 1; } else { invalid++; i++; }
  }
  return valid > 0 && valid >= 4 * invalid;
}

/**
 * 1-based line (counted in the decoded text) of the first character `label` cannot decode, or
 * null when the whole of `body` decodes. Read in pieces with a replacing decoder: the first
 * U+FFFD is the first bad byte (a legacy file that encodes U+FFFD itself is not a real export).
 */
export function firstBadLine(body: Uint8Array, label: string, chunkBytes = 1 << 20): number | null {
  if (label === 'utf-8') return isUtf8(body) ? null : firstBadUtf8Line(body);
  let line = 1;
  for (const s of textPieces(body, label, 0, body.length, chunkBytes)) {
    const bad = s.indexOf('\ufffd');
    const upto = bad < 0 ? s.length : bad;
    for (let k = s.indexOf('\n'); k >= 0 && k < upto; k = s.indexOf('\n', k + 1)) line++;
    if (bad >= 0) return line;
  }
  return null;
}

/** zip (.xlsx), OLE2 (.xls), gzip, PDF */
const MAGIC = [[0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0], [0x1f, 0x8b], [0x25, 0x50, 0x44, 0x46]];

function looksBinary(b: Uint8Array): boolean {
  // A spreadsheet (.xlsx, .xls) or an archive: a known signature, or NUL bytes making up more than
  // 1/64 of the first 8 KiB (of a file that is not UTF-16). A few stray NULs in a text export
  // are not binary: the file is read and the rows holding them are rejected as `nul_byte`
  // (robustness fix: one NUL used to refuse the whole file as "an Excel file renamed to .csv").
  if (hasMagic(b)) return true;
  const n = Math.min(b.length, 8192);
  let nul = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) nul++;
  return nul > 0 && nul * 64 > n;
}

const hasMagic = (b: Uint8Array) => MAGIC.some((m) => m.every((x, i) => b[i] === x));

/**
 * UTF-16 without a byte-order mark: in the first 8 KiB, a NUL in at least a fifth of the byte
 * pairs on one side (the high byte of ASCII characters: delimiters, digits, line breaks) and
 * almost never on the other, and the whole file decodes. chardet 2 does not detect UTF-16
 * without a BOM, hence this test (issue 17: such a file was refused as "binary data").
 */
function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 8192) & ~1;
  if (n < 4) return null;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  const label = odd >= pairs / 5 && even * 100 <= pairs ? 'utf-16le' : even >= pairs / 5 && odd * 100 <= pairs ? 'utf-16be' : null;
  if (!label || firstBadLine(b, label) !== null) return null;
  return label;
}

/** chardet's name → the label we decode with (ISO-8859-1 is read as windows-1252, as browsers do) */
function legacyOf(name: string): Encoding | null {
  const l = name.toLowerCase();
  const alias: Record<string, Encoding> = { 'iso-8859-1': 'windows-1252', 'iso-8859-9': 'windows-1254', gbk: 'gb18030', gb2312: 'gb18030' };
  const e = alias[l] ?? l;
  return (LEGACY_ENCODINGS as readonly string[]).includes(e) ? (e as Encoding) : null;
}

/** the lines of `body` that hold a non-ASCII byte, up to `max` bytes (what the detector is given) */
function nonAsciiLines(body: Uint8Array, max = 64 << 10): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let start = 0;
  let high = false;
  for (let i = 0; i <= body.length && size < max; i++) {
    const c = i < body.length ? body[i]! : 0x0a;
    if (c >= 0x80) high = true;
    if (c !== 0x0a) continue;
    if (high) { const p = body.subarray(start, Math.min(i + 1, body.length)); parts.push(p); size += p.length; }
    start = i + 1;
    high = false;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/**
 * Chinese text: every non-ASCII character is a Han character, CJK or general punctuation, a
 * full-width form or a common symbol; at least half are Han; and they come in runs (words) of
 * 1.5 characters on average. Latin text misread as GB18030 gives lone characters inside words.
 */
function chineseText(s: string): boolean {
  let other = 0, han = 0, runs = 0, prevAscii = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) { prevAscii = true; continue; }
    if (prevAscii) runs++;
    prevAscii = false;
    other++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if (!((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x27bf) || c === 0xb7 || c === 0xd7 || c === 0xf7)) return false;
  }
  return other > 0 && han * 2 >= other && other >= 1.5 * runs;
}

/** Legacy encodings that decode the whole body, ranked by chardet (gb18030 always considered). */
function legacyCandidates(body: Uint8Array, sample: Uint8Array, tried: Tried[]): { encoding: Encoding; confidence: number }[] {
  const ranked = chardet.analyse(sample).map((m) => ({ encoding: legacyOf(m.name), confidence: m.confidence }));
  if (!ranked.some((m) => m.encoding === 'gb18030')) ranked.push({ encoding: 'gb18030', confidence: 0 });
  const out: { encoding: Encoding; confidence: number }[] = [];
  for (const m of ranked) {
    const e = m.encoding;
    if (!e || out.some((c) => c.encoding === e) || tried.some((t) => t.encoding === e)) continue;
    // each check decodes the whole file: the first five and GB18030 only
    if (out.length >= 5 && e !== 'gb18030') continue;
    const bad = firstBadLine(body, e);
    if (bad === null) out.push({ encoding: e, confidence: m.confidence });
    else tried.push({ encoding: e, line: bad });
  }
  return out;
}

/** The encoding of a file without a BOM, set to `auto` (see the header comment). */
function detect(bytes: Uint8Array): { ok: true; encoding: Encoding } | DecodeFailure {
  const fail = (reason: DecodeFailure['reason'], encoding: string, line: number, tried: Tried[], candidates: DecodeFailure['candidates']): DecodeFailure =>
    ({ ok: false, encoding, line, reason, tried, candidates });
  if (hasMagic(bytes)) return fail('binary', 'binary', 1, [], []);
  const u16 = utf16WithoutBom(bytes);
  if (u16) return { ok: true, encoding: u16 };
  if (looksBinary(bytes)) return fail('binary', 'binary', 1, [], []);
  if (isUtf8(bytes)) return { ok: true, encoding: 'utf-8' };
  const tried: Tried[] = [{ encoding: 'utf-8', line: firstBadUtf8Line(bytes) }];
  if (mostlyUtf8(bytes)) return fail('invalid_utf8', 'utf-8', tried[0]!.line, tried, []);
  const sample = nonAsciiLines(bytes);
  const cands = legacyCandidates(bytes, sample, tried);
  const top = cands[0];
  // Chinese first: chardet ranks a short or repetitive Chinese file (one store name on every
  // line) as windows-1252 with high confidence; Latin text misread as GB18030 is not Chinese text
  // (its accented letters give lone characters inside words: see chineseText)
  if (cands.some((c) => c.encoding === 'gb18030') && chineseText(new TextDecoder('gb18030').decode(sample))) return { ok: true, encoding: 'gb18030' };
  if (top && top.confidence >= CONFIDENT) return { ok: true, encoding: top.encoding };
  if (top && top.encoding === 'windows-1252') return { ok: true, encoding: top.encoding };
  if (!top) return fail('invalid_bytes', tried[tried.length - 1]!.encoding, Math.max(...tried.map((t) => t.line)), tried, []);
  return fail('uncertain', 'uncertain', 1, tried, cands.slice(0, 3));
}

/** What else the file could be read as, when the set encoding fails (never the ones tried). */
function alternatives(bytes: Uint8Array, tried: Tried[]): DecodeFailure['candidates'] {
  const d = detect(bytes);
  if (d.ok) return tried.some((t) => t.encoding === d.encoding) ? [] : [{ encoding: d.encoding, confidence: 100 }];
  for (const t of d.tried) if (!tried.some((x) => x.encoding === t.encoding)) tried.push(t);
  return d.candidates.filter((c) => !tried.some((t) => t.encoding === c.encoding));
}

const labelOf = (e: Encoding) => (e === 'utf-8-bom' ? 'utf-8' : e);

/** the encoding a setting names (`gbk` is read as GB18030, ISO-8859-1 as windows-1252) */
export function settingEncoding(s: Exclude<EncodingSetting, 'auto'>): Encoding {
  return s === 'gbk' ? 'gb18030' : s === 'iso-8859-1' || s === 'latin1' ? 'windows-1252' : s;
}

export function decodeBytes(bytes: Uint8Array, setting: EncodingSetting = 'auto'): Decoded {
  const d = decodeStream(bytes, setting, Math.max(1, bytes.length));
  if (!d.ok) return d;
  return { ok: true, text: [...d.chunks()].join(''), encoding: d.encoding };
}

/**
 * Streaming decode: the text comes in pieces of about `chunkBytes` bytes, so a large file never
 * exists as one string (a 5 M-line export would be 350 M characters). `isUtf8` (node:buffer)
 * validates without building a string.
 */
export type DecodedStream =
  | {
      ok: true;
      encoding: Encoding;
      /** offset of the first byte after a byte-order mark */
      bodyStart: number;
      /**
       * The text of bytes [from, to) (default: the whole body) in pieces. A range must start and
       * end between characters: for UTF-8, at a line break.
       */
      chunks: (from?: number, to?: number) => Generator<string>;
    }
  | DecodeFailure;

export function decodeStream(bytes: Uint8Array, setting: EncodingSetting = 'auto', chunkBytes = 2 << 20): DecodedStream {
  const bom = sniffBom(bytes);
  let encoding: Encoding;
  if (bom) encoding = bom; // a BOM wins over the setting: it is what the writing program declared
  else if (setting === 'auto') {
    const d = detect(bytes);
    if (!d.ok) return d;
    encoding = d.encoding;
  } else encoding = settingEncoding(setting);
  const body = bytes.subarray(bom === 'utf-8-bom' ? 3 : bom ? 2 : 0);
  const label = labelOf(encoding);
  // validated up front so a bad byte is an error value, not an exception halfway through parsing
  // (a detected encoding was checked by detect)
  const checked = setting === 'auto' && !bom;
  const bad = checked ? null : firstBadLine(body, label, chunkBytes);
  if (bad !== null) {
    const tried: Tried[] = [{ encoding: label, line: bad }];
    const candidates = alternatives(bytes, tried);
    return { ok: false, encoding: label, line: bad, reason: label === 'utf-8' ? 'invalid_utf8' : 'invalid_bytes', tried, candidates };
  }
  const bodyStart = bytes.length - body.length;
  const chunks = (from = bodyStart, to = bytes.length) => textPieces(bytes, label, from, to, chunkBytes);
  return { ok: true, encoding, bodyStart, chunks };
}

/** The text of bytes [from, to) decoded with `label`, about `chunkBytes` bytes a piece. */
export function* textPieces(bytes: Uint8Array, label: string, from: number, to: number, chunkBytes: number): Generator<string> {
  const dec = new TextDecoder(label, { ignoreBOM: true });
  for (let i = from; i < to; i += chunkBytes) {
    const end = Math.min(to, i + chunkBytes);
    yield dec.decode(bytes.subarray(i, end), { stream: end < to });
  }
}

/**
 * The text of bytes [from, to) of a file that is not in memory: `read` fills a buffer from a
 * position (synchronously) and says how many bytes it read. One buffer of `pieceBytes` is reused
 * (a new buffer per piece is external memory, and each 64 MB of it makes V8 mark the heap), and
 * decoded `chunkBytes` at a time.
 */
export function* readTextPieces(read: (position: number, into: Uint8Array) => number, label: string, from: number, to: number, chunkBytes: number, pieceBytes = 4 << 20): Generator<string> {
  const dec = new TextDecoder(label, { ignoreBOM: true });
  const buffer = new Uint8Array(Math.max(0, Math.min(pieceBytes, to - from)));
  for (let at = from; at < to; at += pieceBytes) {
    const end = Math.min(to, at + pieceBytes);
    const n = read(at, buffer.subarray(0, end - at));
    if (n !== end - at) throw new Error(`the file changed while it was read (bytes ${at}–${end} gave ${n}): build again`);
    for (let i = 0; i < n; i += chunkBytes) {
      const e = Math.min(n, i + chunkBytes);
      yield dec.decode(buffer.subarray(i, e), { stream: at + e < to });
    }
  }
}
