import type { Config } from '../config/schema.ts';
import type { InputName } from '../validate/schemas/index.ts';
import { decodeStream, readTextPieces, textPieces, type DecodedStream, type DecodeFailure, type Encoding } from './decode.ts';
import { detectDelimiter } from './detect-delimiter.ts';
import { CsvStream } from './parse-csv.ts';

/**
 * Where a file's text comes from, before any row is read (read-input-file.ts): its encoding,
 * delimiter and header (sniffFile), and its decoded text a piece at a time (openSource), for a
 * whole file or for the later part of a file cut between two threads (split-records.ts).
 */

const PEEKED = Symbol('peeked');

/**
 * A file's encoding (decode.ts), delimiter (setting, else detected on the first piece: at least
 * 64 Ki characters or the whole file) and header row (the first record of that piece, as the
 * parse will read it; null when it is not there).
 */
export function sniffFile(
  bytes: Uint8Array,
  settings: Config['files'][InputName],
  chunkBytes: number,
): { ok: true; dec: Extract<DecodedStream, { ok: true }>; delimiter: string; headerPreview: string[] | null } | { ok: false; dec: DecodeFailure } {
  const dec = decodeStream(bytes, settings.encoding, chunkBytes);
  if (!dec.ok) return { ok: false, dec };
  let firstText = '';
  for (const p of dec.chunks()) {
    firstText += p;
    if (firstText.length >= 1 << 16) break;
  }
  const delimiter = settings.delimiter === 'auto' ? detectDelimiter(firstText) : settings.delimiter;
  let headerPreview: string[] | null = null;
  const peek = new CsvStream(delimiter, () => { throw PEEKED; }, (h) => { headerPreview = h.map((x) => x.trim()); throw PEEKED; });
  try {
    peek.push(firstText);
  } catch (e) {
    if (e !== PEEKED) throw e;
  }
  return { ok: true, dec, delimiter, headerPreview };
}

/** A file's text, sniffed, to be read a piece at a time. */
export interface FileSource {
  readonly encoding: Encoding;
  /** the first byte after a byte-order mark (a part: its first byte) */
  readonly bodyStart: number;
  readonly delimiter: string;
  /** the header row as found in the first decoded piece, null when not there (or for a part) */
  readonly headerPreview: string[] | null;
  /** the decoded text of bytes [from, to), in pieces of about `chunkBytes` */
  chunks(from: number, to: number): Generator<string>;
  /**
   * The raw cells of the records starting on some physical lines, parsed again from the bytes
   * (null for a part, or once the bytes are let go)
   */
  recordsAt(lines: ReadonlySet<number>): Map<number, string[]> | null;
  /** let the bytes go (no closure keeps them): `chunks` throws after */
  release(): void;
}

/**
 * The later part of a file cut between two threads: bytes [start, end) of the whole file, UTF-8
 * (checked by the cut), read with the first part's delimiter; with `read`, they are not in memory
 * but read from disk a piece at a time (`pieceBytes` at a time).
 */
export interface PartSource {
  start: number;
  end: number;
  delimiter: string;
  read?: ((position: number, into: Uint8Array) => number) | undefined;
  pieceBytes?: number | undefined;
}

/** Open a file (or a part of one) for reading: a decode failure when the bytes are not text. */
export function openSource(
  bytes: Uint8Array,
  settings: Config['files'][InputName],
  chunkBytes: number,
  part?: PartSource,
): { ok: true; source: FileSource } | { ok: false; dec: DecodeFailure } {
  // the closures below hold `held`, never `bytes`: release() can then let the bytes go
  let held: Uint8Array | null = bytes;
  let chunksOf: ((from: number, to: number) => Generator<string>) | null;
  let head: Omit<FileSource, 'chunks' | 'recordsAt' | 'release'>;
  if (part) {
    const { read, pieceBytes } = part;
    head = { encoding: 'utf-8', bodyStart: part.start, delimiter: part.delimiter, headerPreview: null };
    chunksOf = read
      ? (from, to) => readTextPieces(read, 'utf-8', from, to, chunkBytes, pieceBytes)
      : (from, to) => textPieces(held!, 'utf-8', from, to, chunkBytes);
  } else {
    const s = sniffFile(bytes, settings, chunkBytes);
    if (!s.ok) return s;
    head = { encoding: s.dec.encoding, bodyStart: s.dec.bodyStart, delimiter: s.delimiter, headerPreview: s.headerPreview };
    chunksOf = s.dec.chunks;
  }
  const { encoding, bodyStart, delimiter, headerPreview } = head;
  return {
    ok: true,
    source: {
      encoding, bodyStart, delimiter, headerPreview,
      chunks(from, to) {
        if (!chunksOf) throw new Error('read after release');
        return chunksOf(from, to);
      },
      recordsAt(lines) {
        return held && !part ? cellsOfLines(held, settings, lines) : null;
      },
      release() {
        held = null;
        chunksOf = null;
      },
    },
  };
}

/**
 * The first bytes of what is read (up to 64 KiB: the whole file's, or a part's), to estimate its
 * rows (column-store.ts estimateRows). Not kept: the caller uses it once.
 */
export function firstBytes(bytes: Uint8Array, part?: PartSource): Uint8Array {
  if (!part) return bytes;
  if (!part.read) return bytes.subarray(part.start, part.end);
  const head = new Uint8Array(Math.min(part.end - part.start, 1 << 16));
  return head.subarray(0, part.read(part.start, head));
}

/** The raw cells of the records starting on some physical lines of a file (parsed again). */
export function cellsOfLines(bytes: Uint8Array, settings: Config['files'][InputName], want: ReadonlySet<number>): Map<number, string[]> | null {
  const sniffed = sniffFile(bytes, settings, 1 << 20);
  if (!sniffed.ok) return null;
  const got = new Map<number, string[]>();
  const again = new CsvStream(sniffed.delimiter, (c, l) => { if (want.has(l)) got.set(l, c); });
  for (const piece of sniffed.dec.chunks()) again.push(piece);
  again.end();
  return got;
}
