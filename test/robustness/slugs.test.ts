import { describe, expect, it } from 'vitest';
import { SLUG_MAX_BYTES, slugify, uniqueSlugs } from '../../src/site-data/paths.ts';

/*
 * Issue 17.10: a team or person name longer than the file-name limit crashed the build
 * (ENAMETOOLONG), and URLs that differ only by case overwrote each other on case-insensitive file
 * systems. Slugs are bounded, collision-free and case-insensitive-safe.
 */
const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('page slugs', () => {
  it('a 300-character Chinese or ASCII name gives a slug within the limit, far under 255 bytes', () => {
    for (const name of ['华'.repeat(300), 'x'.repeat(1000), '😀'.repeat(100)]) {
      const s = slugify(name);
      expect(bytes(s), name.slice(0, 5)).toBeLessThanOrEqual(SLUG_MAX_BYTES);
      expect(s).not.toContain('\ufffd');
    }
  });

  it('two long names with the same start get different slugs', () => {
    const a = '华东大区重点客户运营一组'.repeat(20) + '甲';
    const b = '华东大区重点客户运营一组'.repeat(20) + '乙';
    const m = uniqueSlugs([a, b]);
    expect(m.get(a)).not.toBe(m.get(b));
    expect(bytes(m.get(a)!)).toBeLessThanOrEqual(SLUG_MAX_BYTES);
  });

  it('names that differ only by letter case or Unicode form never share a folder', () => {
    const m = uniqueSlugs(['Team A', 'team a', 'TEAM-A', 'Café', 'Cafe\u0301']);
    const folded = [...m.values()].map((s) => s.normalize('NFC').toLowerCase());
    expect(new Set(folded).size).toBe(5);
    expect(m.get('Team A')).toBe('Team-A');
  });

  it('short names keep their readable slug', () => {
    expect(slugify('华南组')).toBe('华南组');
    expect(slugify('a/b c')).toBe('a-b-c');
  });
});
