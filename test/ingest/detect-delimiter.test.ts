import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../src/ingest/detect-delimiter.ts';

describe('detectDelimiter', () => {
  it('comma', () => expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(','));
  it('tab', () => expect(detectDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t'));
  it('semicolon with decimal commas in the data', () => {
    // commas vary per line (2, 1, 0 ...) while semicolons are always 2
    expect(detectDelimiter('id;amount;date\nA;1 234,50;05.03.2024\nB;12,5;06.03.2024\nC;7;07.03.2024\n')).toBe(';');
  });
  it('pipe', () => expect(detectDelimiter('a|b\n1|2\n')).toBe('|'));
  it('ignores delimiters inside quotes', () => {
    expect(detectDelimiter('a;b\n"x,y,z";1\n"p,q";2\n')).toBe(';');
  });
});
