import { describe, expect, it } from 'vitest';
import { freshness, freshnessText } from '../../src/site-data/freshness.ts';

describe('freshness of the data', () => {
  it('counts whole days from the newest record to the data date', () => {
    expect(freshness('2026-09-30', '2026-09-28')).toEqual({ kind: 'before', days: 2 });
    expect(freshness('2026-09-30', '2026-09-30')).toEqual({ kind: 'same' });
    expect(freshness('2026-09-30', null)).toEqual({ kind: 'unknown' });
  });
  it('a data date before the newest record is said in words, never as a negative count', () => {
    const f = freshness('2026-09-17', '2026-09-30');
    expect(f).toEqual({ kind: 'after', days: 13, newest: '2026-09-30' });
    const zh = freshnessText(f, '2026-09-17', 'zh-CN');
    expect(zh).not.toMatch(/[−-]\s?13/);
    expect(zh).toContain('之前 13 天');
    expect(freshnessText(f, '2026-09-17', 'en')).toContain('set 13 days before the newest record');
    expect(freshnessText(freshness('2026-09-30', '2026-09-28'), '2026-09-30', 'en')).toContain('2 days before');
  });
});
