/**
 * Finds which of many tokens (names, ids) occur in a text, in one pass over it: an Aho–Corasick
 * automaton (hand-written: no maintained package on the registry we use does it for UTF-16
 * strings, and a regular expression of thousands of alternatives backtracks at every position).
 * A token that starts or ends with a letter or digit matches only where the text has no letter or
 * digit on that side, so the id `S001` is not found inside `S0012` or an asset hash.
 */
export class TokenFinder {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** tokens ending at each node (its own and, through fail links, its suffixes') */
  private readonly out: number[][] = [[]];
  readonly tokens: readonly string[];

  constructor(tokens: Iterable<string>) {
    this.tokens = [...new Set([...tokens].filter((t) => t.length > 0))];
    this.tokens.forEach((t, i) => {
      let n = 0;
      for (let k = 0; k < t.length; k++) {
        const c = t.charCodeAt(k);
        let m = this.next[n]!.get(c);
        if (m === undefined) {
          m = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[n]!.set(c, m);
        }
        n = m;
      }
      this.out[n]!.push(i);
    });
    // breadth first: a node's fail link is the longest proper suffix that is also a prefix
    const queue: number[] = [...this.next[0]!.values()];
    for (let q = 0; q < queue.length; q++) {
      const n = queue[q]!;
      for (const [c, m] of this.next[n]!) {
        let f = this.fail[n]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const g = this.next[f]!.get(c);
        this.fail[m] = g !== undefined && g !== m ? g : 0;
        this.out[m] = [...this.out[m]!, ...this.out[this.fail[m]!]!];
        queue.push(m);
      }
    }
  }

  /** the tokens found in `text` (each once), with the offset of its first occurrence */
  find(text: string): Map<string, number> {
    const found = new Map<string, number>();
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      while (n !== 0 && !this.next[n]!.has(c)) n = this.fail[n]!;
      n = this.next[n]!.get(c) ?? 0;
      for (const t of this.out[n]!) {
        const tok = this.tokens[t]!;
        if (found.has(tok)) continue;
        const start = i - tok.length + 1;
        if (wordy(tok.charCodeAt(0)) && start > 0 && wordy(text.charCodeAt(start - 1))) continue;
        if (wordy(tok.charCodeAt(tok.length - 1)) && i + 1 < text.length && wordy(text.charCodeAt(i + 1))) continue;
        found.set(tok, start);
      }
    }
    return found;
  }
}

/** an ASCII letter or digit */
const wordy = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
