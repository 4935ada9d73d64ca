/**
 * Exact-duplicate detection without keeping raw records: each record's cells are hashed to 96
 * bits (three 32-bit FNV-1a/murmur-style lanes over every character, with a separator between
 * cells) and kept in an open-addressing table of typed arrays (16 bytes a slot, at most 3/4 full:
 * 32 MB for a million rows). A false match needs a 96-bit collision (≈ 10⁻¹⁶ for 5 M rows).
 */
let h1 = 0, h2 = 0, h3 = 0;

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
  h1 = a; h2 = b; h3 = c3;
}

export class RowHashSet {
  private mask: number;
  private size = 0;
  private k1: Int32Array;
  private k2: Int32Array;
  private k3: Int32Array;
  /** line of the first row with this hash; 0 = empty slot */
  private ln: Int32Array;

  constructor(capacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap < capacity) cap <<= 1;
    this.mask = cap - 1;
    this.k1 = new Int32Array(cap);
    this.k2 = new Int32Array(cap);
    this.k3 = new Int32Array(cap);
    this.ln = new Int32Array(cap);
  }

  /** Hash `cells`; return the line of an identical earlier row, or 0 after remembering this one at `line` (≥ 1). */
  addOrGet(cells: readonly string[], line: number): number {
    hashCells(cells);
    return this.insert(h1, h2, h3, line);
  }

  private insert(a: number, b: number, c: number, line: number): number {
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    for (;;) {
      const l = this.ln[i]!;
      if (l === 0) break;
      if (this.k1[i] === a && this.k2[i] === b && this.k3[i] === c) return l;
      i = (i + 1) & this.mask;
    }
    this.k1[i] = a; this.k2[i] = b; this.k3[i] = c; this.ln[i] = line;
    if (++this.size * 4 > this.mask * 3) this.grow();
    return 0;
  }

  private grow(): void {
    const { k1, k2, k3, ln } = this;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.k1 = new Int32Array(cap);
    this.k2 = new Int32Array(cap);
    this.k3 = new Int32Array(cap);
    this.ln = new Int32Array(cap);
    this.size = 0;
    for (let i = 0; i < ln.length; i++) if (ln[i] !== 0) this.insert(k1[i]!, k2[i]!, k3[i]!, ln[i]!);
  }
}
