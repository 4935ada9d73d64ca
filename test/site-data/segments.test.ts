import { describe, expect, it } from 'vitest';
import { atRiskNames, segmentName } from '../../src/site-data/segments.ts';
import { segmentLabel as personSegment } from '../../src/site-data/tables/people.ts';
import { segmentLabel as tierSegment } from '../../src/site-data/tables/tiers.ts';

describe('RFM segment labels, defined once', () => {
  it('the person card and the tiers page name a segment the same way', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const s of ['potential_loyalist', 'cant_lose', 'champions']) expect(personSegment(s, locale)).toBe(tierSegment(locale, s));
    }
    expect(segmentName('potential_loyalist', 'en')).toBe('Potential loyalist');
  });
  it('names the at-risk set in words, never ids', () => {
    expect(atRiskNames('en')).toBe('At risk and Can’t lose');
    expect(atRiskNames('zh-CN')).toBe('流失风险、不能失去');
  });
  it('shows a custom grid name as it is', () => {
    expect(segmentName('大客户', 'en')).toBe('大客户');
  });
});
