import { isUtf8 } from 'node:buffer';
/**
 * Bytes → text. Detection order: a byte-order mark (UTF-8, UTF-16 LE/BE), else valid UTF-8
 * (a fatal decoder), else GB18030 (a superset of GBK, what Excel writes in a Chinese locale).
 *
 * A file configured as `utf-8` that holds invalid UTF-8 stops the build (we do not reject rows):
 * a wrong encoding garbles every Chinese cell, so the fix is always the file's encoding setting,
 * and the message names the line of the first bad byte and the setting to add.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';
export type EncodingSetting = 'auto' | 'utf-8' | 'gb18030' | 'gbk' | 'utf-16le' | 'utf-16be';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; encoding: string; line: number; reason: 'invalid_utf8' | 'invalid_bytes' | 'binary' };

export function sniffBom(b: Uint8Array): Encoding | null {
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

/** zip (.xlsx), OLE2 (.xls), gzip, PDF */
const MAGIC = [[0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0], [0x1f, 0x8b], [0x25, 0x50, 0x44, 0x46]];

function looksBinary(b: Uint8Array): boolean {
  // A spreadsheet (.xlsx, .xls) or an archive: a known signature, or NUL bytes making up more than
  // 1/64 of the first 8 KiB (of a file without a UTF-16 BOM). A few stray NULs in a text export
  // are not binary: the file is read and the rows holding them are rejected as `nul_byte`
  // (robustness fix: one NUL used to refuse the whole file as "an Excel file renamed to .csv").
  if (MAGIC.some((m) => m.every((x, i) => b[i] === x))) return true;
  const n = Math.min(b.length, 8192);
  let nul = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) nul++;
  return nul > 0 && nul * 64 > n;
}

export function decodeBytes(bytes: Uint8Array, setting: EncodingSetting = 'auto'): Decoded {
  const bom = sniffBom(bytes);
  if (setting === 'auto' || bom) {
    // A BOM wins over the setting: it is what the writing program declared.
    if (bom === 'utf-8-bom') return decodeWith('utf-8', 'utf-8-bom', bytes.subarray(3));
    if (bom === 'utf-16le') return decodeWith('utf-16le', 'utf-16le', bytes.subarray(2));
    if (bom === 'utf-16be') return decodeWith('utf-16be', 'utf-16be', bytes.subarray(2));
    if (looksBinary(bytes)) return { ok: false, encoding: 'binary', line: 1, reason: 'binary' };
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      return decodeWith('gb18030', 'gb18030', bytes);
    }
  }
  if (setting === 'utf-8') {
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      return { ok: false, encoding: 'utf-8', line: firstBadUtf8Line(bytes), reason: 'invalid_utf8' };
    }
  }
  const enc = setting === 'gbk' ? 'gb18030' : setting;
  return decodeWith(enc, enc, bytes);
}

function decodeWith(label: string, encoding: Encoding, bytes: Uint8Array): Decoded {
  try {
    // ignoreBOM: the BOM was already stripped by us; a second one would be data.
    return { ok: true, text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    return { ok: false, encoding, line: 1, reason: 'invalid_bytes' };
  }
}

/**
 * Streaming decode: the same detection as `decodeBytes`, but the text comes in pieces of about
 * `chunkBytes` bytes, so a large file never exists as one string (a 5 M-line export would be
 * 350 M characters). `isUtf8` (node:buffer) validates without building a string.
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
  | { ok: false; encoding: string; line: number; reason: 'invalid_utf8' | 'invalid_bytes' | 'binary' };

export function decodeStream(bytes: Uint8Array, setting: EncodingSetting = 'auto', chunkBytes = 2 << 20): DecodedStream {
  const bom = sniffBom(bytes);
  let label: string;
  let encoding: Encoding;
  let body = bytes;
  if (bom) {
    encoding = bom;
    label = bom === 'utf-8-bom' ? 'utf-8' : bom;
    body = bytes.subarray(bom === 'utf-8-bom' ? 3 : 2);
    if (bom === 'utf-8-bom' && !isUtf8(body)) return { ok: false, encoding: 'utf-8', line: firstBadUtf8Line(body), reason: 'invalid_utf8' };
  } else if (setting === 'auto') {
    if (looksBinary(bytes)) return { ok: false, encoding: 'binary', line: 1, reason: 'binary' };
    if (isUtf8(bytes)) { encoding = 'utf-8'; label = 'utf-8'; }
    else { encoding = 'gb18030'; label = 'gb18030'; }
  } else if (setting === 'utf-8') {
    if (!isUtf8(bytes)) return { ok: false, encoding: 'utf-8', line: firstBadUtf8Line(bytes), reason: 'invalid_utf8' };
    encoding = 'utf-8';
    label = 'utf-8';
  } else {
    encoding = setting === 'gbk' ? 'gb18030' : setting;
    label = encoding;
  }
  if (encoding === 'gb18030' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    // validate up front so a bad byte is an error value, not an exception halfway through parsing
    const bad = firstUndecodable(body, label, chunkBytes);
    if (bad !== null) return { ok: false, encoding, line: bad, reason: 'invalid_bytes' };
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

/** 1-based line (counting 0x0A bytes, close enough for GB18030) of the first chunk that fails, or null */
function firstUndecodable(body: Uint8Array, label: string, chunkBytes: number): number | null {
  const dec = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  let lines = 1;
  for (let i = 0; i < body.length; i += chunkBytes) {
    const end = Math.min(body.length, i + chunkBytes);
    try {
      dec.decode(body.subarray(i, end), { stream: end < body.length });
    } catch {
      return lines;
    }
    if (label !== 'utf-16le' && label !== 'utf-16be') for (let k = i; k < end; k++) if (body[k] === 0x0a) lines++;
  }
  return null;
}
