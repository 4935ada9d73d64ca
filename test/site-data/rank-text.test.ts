import { describe, expect, it } from 'vitest';
import { rankText } from '../../src/site-data/tables/people.ts';

describe('rank text', () => {
  it('with the count, or (an audience showing company ranks) without it', () => {
    expect(rankText('zh-CN', 3, 22)).toBe('第 3 名 / 共 22 名');
    expect(rankText('en', 3, 22)).toBe('3 of 22');
    expect(rankText('zh-CN', 3, null)).toBe('全公司第 3 名');
    expect(rankText('en', 3, undefined)).toBe('no. 3 in the company');
  });
});
