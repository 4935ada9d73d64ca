import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Fill `into` with a file's bytes from `position`; the bytes read (fewer at the end of the
 * file). The ingest thread's one effect: it reads its part of orders.csv a piece at a time, into
 * one buffer, and has nothing else to do meanwhile.
 */
export function readRangeSync(path: string, position: number, into: Uint8Array): number {
  const fd = openSync(path, 'r');
  try {
    let at = 0;
    while (at < into.length) {
      const n = readSync(fd, into, at, into.length - at, position + at);
      if (n === 0) break;
      at += n;
    }
    return at;
  } finally {
    closeSync(fd);
  }
}
