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
  /**
   * slot i at [4i, 4i + 4): line of the first row with this hash (0 = empty slot), then the three
   * hash lanes. One interleaved array: a probe touches one cache line, not four arrays' worth
   * (the table is tens of MB at a million rows, so each separate array access was a cache miss).
   */
  private slots: Int32Array;

  constructor(capacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap < capacity) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 4);
  }

  /** Hash `cells`; return the line of an identical earlier row, or 0 after remembering this one at `line` (≥ 1). */
  addOrGet(cells: readonly string[], line: number): number {
    hashCells(cells);
    return this.insert(h1, h2, h3, line);
  }

  private insert(a: number, b: number, c: number, line: number): number {
    const t = this.slots;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    for (;;) {
      const j = i << 2;
      const l = t[j]!;
      if (l === 0) break;
      if (t[j + 1] === a && t[j + 2] === b && t[j + 3] === c) return l;
      i = (i + 1) & this.mask;
    }
    const j = i << 2;
    t[j] = line; t[j + 1] = a; t[j + 2] = b; t[j + 3] = c;
    if (++this.size * 4 > this.mask * 3) this.grow();
    return 0;
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 4);
    this.size = 0;
    for (let j = 0; j < old.length; j += 4) if (old[j] !== 0) this.insert(old[j + 1]!, old[j + 2]!, old[j + 3]!, old[j]!);
  }
}
