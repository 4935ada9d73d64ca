import { describe, expect, it } from 'vitest';
import { countBreaks, parseCsv } from '../../src/ingest/parse-csv.ts';

function collect(text: string, d = ',') {
  const rows: { cells: string[]; line: number }[] = [];
  const r = parseCsv(text, d, (cells, line) => rows.push({ cells: [...cells], line }));
  return { rows, ...r };
}

describe('parseCsv', () => {
  it('numbers physical lines across quoted embedded newlines', () => {
    const text = 'id,note\n1,"two\nlines"\n2,plain\n3,"a\r\nb\r\nc"\n4,x\n';
    // line 1 header; record 1 on lines 2–3; record 2 on 4; record 3 on 5–7; record 4 on 8
    const r = collect(text);
    expect(r.rows.map((x) => x.line)).toEqual([2, 4, 5, 8]);
    expect(r.rows[0]!.cells).toEqual(['1', 'two\nlines']);
    expect(r.unterminated).toBeNull();
  });

  it('handles CRLF and no final newline', () => {
    const r = collect('a,b\r\n1,2\r\n3,4');
    expect(r.rows).toEqual([{ cells: ['1', '2'], line: 2 }, { cells: ['3', '4'], line: 3 }]);
  });

  it('skips blank lines but keeps counting them', () => {
    const r = collect('a,b\n\n1,2\n,\n3,4\n');
    expect(r.rows.map((x) => x.line)).toEqual([3, 5]);
    expect(r.blank).toBe(2);
  });

  it('reports a quote that runs to the end of the file', () => {
    const r = collect('a,b\n1,"oops\n2,x\n3,y\n');
    expect(r.unterminated).toEqual({ line: 2, lines: 3 });
  });

  it('keeps escaped quotes', () => {
    expect(collect('a,b\n1,"5"" screen"\n').rows[0]!.cells).toEqual(['1', '5" screen']);
  });

  it('counts line breaks in a field', () => {
    expect(countBreaks('a\r\nb\nc\rd')).toBe(3);
  });
});
