import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone, maskValue } from '../../src/ingest/mask.ts';

describe('mask', () => {
  it('phones keep the first 3 and last 4 digits', () => expect(maskPhone('13812341234')).toBe('138****1234'));
  it('e-mails keep the first letter and the domain', () => expect(maskEmail('zhang@example.com')).toBe('z***@example.com'));
  it('masks values that look personal anywhere', () => {
    expect(maskValue('li@example.com')).toBe('l***@example.com');
    expect(maskValue('+86 138 1234 1234')).toBe('861****1234');
    expect(maskValue('2024-02-30')).toBe('2024-02-30');
  });
  it('masks anything in a personal column', () => expect(maskValue('not-a-phone', true)).toBe('n***'));
});
