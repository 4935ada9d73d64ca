/**
 * Exact-duplicate detection without keeping raw records: each record's cells are hashed to 96
 * bits (three 32-bit FNV-1a/murmur-style lanes over every character, with a separator between
 * cells). A false match needs a 96-bit collision (≈ 10⁻¹⁶ for 5 M rows).
 */

/** the last `hashCells` result: three lanes */
export const HASH = new Int32Array(3);

export function hashCells(cells: readonly string[]): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  let c3 = 0x2545f491 | 0;
  for (let k = 0; k < cells.length; k++) {
    const s = cells[k]!;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 16777619);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
      c3 = Math.imul(c3 + c, 0x27d4eb2d) ^ (c3 >>> 13);
    }
    a = Math.imul(a ^ 0x1f, 16777619);
    b = Math.imul(b ^ 0x1f, 0x5bd1e995);
    b ^= b >>> 13;
    c3 = Math.imul(c3 + 0x1f, 0x27d4eb2d) ^ (c3 >>> 13);
  }
  HASH[0] = a; HASH[1] = b; HASH[2] = c3;
}
