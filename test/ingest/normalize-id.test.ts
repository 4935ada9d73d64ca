import { describe, expect, it } from 'vitest';
import { normalizeId } from '../../src/ingest/normalize-id.ts';

describe('normalizeId', () => {
  it.each([
    ['17850.0', '17850'],
    ['17850.00', '17850'],
    ['17850', '17850'],
    ['007', '007'],
    ['007.0', '007'],
    ['  C-12 ', 'C-12'],
    ['ＫＨ００１', 'KH001'],
    ['1.5', '1.5'],
    ['A1.0', 'A1.0'],
    ['536365.', '536365.'],
  ])('%s → %s', (raw, want) => expect(normalizeId(raw)).toBe(want));
  it('empty → null', () => expect(normalizeId('  ')).toBeNull());
  it('Salesforce\'s empty reference 000000000000000AAA → null (an opportunity without an account)', () => {
    expect(normalizeId('000000000000000AAA')).toBeNull();
    expect(normalizeId('0015g00000AbCdEAAA')).toBe('0015g00000AbCdEAAA');
  });
});
