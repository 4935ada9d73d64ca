import { describe, expect, it } from 'vitest';
import { packColumn, packedRows, transferables, unpackColumn } from '../../src/ingest/table-transfer.ts';

const roundTrip = (col: unknown[], rows = col.length) => {
  const p = packColumn(col, rows);
  const out = new Array<unknown>(rows);
  // as postMessage does: the typed arrays are moved, not copied
  const moved = structuredClone(p, { transfer: transferables(p) });
  unpackColumn(moved, out, 0);
  return { kind: p.kind, out, rows: packedRows(moved) };
};

describe('packColumn / unpackColumn', () => {
  it('text: distinct values once, nulls and empty strings kept apart', () => {
    const col = ['a', null, 'b', 'a', '', '客户', null];
    const r = roundTrip(col);
    expect(r.kind).toBe('text');
    expect(r.out).toEqual(col);
    expect(r.rows).toBe(7);
    const p = packColumn(col, col.length);
    expect(p.kind === 'text' && p.count).toBe(4); // a, b, '', 客户
  });

  it('a column of nulls only, and a single empty string', () => {
    expect(roundTrip([null, null])).toEqual({ kind: 'null', out: [null, null], rows: 2 });
    expect(roundTrip(['']).out).toEqual(['']);
  });

  it('numbers: doubles, -0 and nulls', () => {
    const col = [1.5, null, -0, 1763633634000, 3];
    const r = roundTrip(col);
    expect(r.kind).toBe('number');
    expect(r.out).toEqual(col);
    expect(Object.is(r.out[2], -0)).toBe(true);
  });

  it('anything else (booleans, mixed kinds) goes as it is', () => {
    expect(roundTrip([true, false, null]).kind).toBe('plain');
    expect(roundTrip([true, false, null]).out).toEqual([true, false, null]);
    expect(roundTrip(['a', 1]).out).toEqual(['a', 1]);
  });

  it('repeated values take the previous code; a value holding the separator, or a later value of another kind, sends the column as it is', () => {
    const col = ['o1', 'o1', 'o1', null, null, 'o2', 'o1', 'o1'];
    const p = packColumn(col, col.length);
    expect(p.kind === 'text' && [...p.codes]).toEqual([0, 0, 0, -1, -1, 1, 0, 0]);
    expect(roundTrip(col).out).toEqual(col);
    for (const odd of [['a', 'b\u0000c'], ['a', 'a', 2], [null, 1, 1, 'x'], [1, null, true]]) {
      const r = roundTrip(odd);
      expect(r.kind).toBe('plain');
      expect(r.out).toEqual(odd);
    }
    const leadingNulls = roundTrip([null, null, 2, 2, null]);
    expect(leadingNulls).toEqual({ kind: 'number', out: [null, null, 2, 2, null], rows: 5 });
  });

  it('packs only the first `rows` values (arrays are sized for a whole file) and unpacks at an offset', () => {
    const p = packColumn(['x', 'y', 'z', 'unused'], 3);
    const target = ['keep', undefined, undefined, undefined];
    unpackColumn(p, target, 1);
    expect(target).toEqual(['keep', 'x', 'y', 'z']);
  });

  it('shares distinct strings through the given function', () => {
    const seen: string[] = [];
    const target: unknown[] = [];
    unpackColumn(packColumn(['a', 'a', 'b'], 3), target, 0, (s) => { seen.push(s); return s; });
    expect(seen).toEqual(['a', 'b']);
    expect(target).toEqual(['a', 'a', 'b']);
  });
});
