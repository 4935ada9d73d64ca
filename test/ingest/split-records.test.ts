import { dsvFormat } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLineBreaks, recordBoundaryAfter } from '../../src/ingest/split-records.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const cut = (s: string, target: number, from = 0) => recordBoundaryAfter(enc(s), target, ',', from);

describe('recordBoundaryAfter', () => {
  it('cuts after the first line break at or after the target', () => {
    const s = 'a,b\n1,2\n3,4\n';
    expect(cut(s, 0)).toBe(4); // just after "a,b\n"
    expect(cut(s, 3)).toBe(4); // the break itself is at the target
    expect(cut(s, 4)).toBe(8);
    expect(cut(s, 8)).toBe(12);
    expect(cut(s, 12)).toBe(-1); // nothing after the last break
  });

  it('never cuts inside a quoted field holding line breaks', () => {
    const s = 'a,b\n1,"x\ny\nz"\n3,4\n';
    // the breaks at 8 and 10 are inside quotes; the record's own break is at 13
    expect(cut(s, 5)).toBe(14);
    expect(cut(s, 8)).toBe(14);
  });

  it('reads "" inside quotes as a quote, and a quote inside an unquoted field as text', () => {
    // "say ""hi""\n" stays open across the first break; 5" is a literal quote, the break after it ends the record
    const s = 'a,b\n1,"say ""hi""\nthere"\n2,5"\n3,4\n';
    expect(cut(s, 5)).toBe(s.indexOf('there"\n') + 7);
    expect(cut(s, s.indexOf('5"'))).toBe(s.indexOf('5"\n') + 3);
  });

  it('swallows the character after a closing quote, as d3-dsv does', () => {
    // after "ab" the x is swallowed, so the next quote opens a field whose break is inside quotes
    const s = 'a\n"ab"x"c\nd"\ne\n';
    expect(cut(s, 2)).toBe(s.indexOf('d"\n') + 3);
  });

  it('handles CRLF and a byte-order mark', () => {
    const s = '\uFEFFa,b\r\n1,"x\r\ny"\r\n2,3\r\n';
    const b = enc(s);
    const at = recordBoundaryAfter(b, 3, ',', 3);
    expect(new TextDecoder().decode(b.subarray(3, at))).toBe('a,b\r\n');
    const mid = recordBoundaryAfter(b, at + 1, ',', 3);
    expect(new TextDecoder().decode(b.subarray(at, mid))).toBe('1,"x\r\ny"\r\n');
  });

  it('gives -1 when a quote never closes', () => {
    expect(cut('a\n"open\nstill\nopen\n', 3)).toBe(-1);
  });

  it('only ever cuts where parsing both halves gives the records of the whole (property)', () => {
    const parse = dsvFormat(',').parseRows;
    fc.assert(fc.property(
      fc.array(fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', '""'), { maxLength: 60 }),
      fc.nat(80),
      (parts, t) => {
        const s = parts.join('');
        const b = cut(s, Math.min(t, s.length));
        if (b < 0) return;
        expect(s[b - 1]).toBe('\n');
        expect(b).toBeGreaterThan(Math.min(t, s.length));
        expect([...parse(s.slice(0, b)), ...parse(s.slice(b))]).toEqual(parse(s));
      },
    ), { numRuns: 3000 });
  });
});

describe('countLineBreaks', () => {
  it('counts \\n, \\r\\n and a lone \\r once each', () => {
    const b = enc('a\nb\r\nc\rd\n');
    expect(countLineBreaks(b, 0, b.length)).toBe(4);
    expect(countLineBreaks(b, 0, 2)).toBe(1);
    expect(countLineBreaks(b, 2, b.length)).toBe(3);
  });
});
