import { describe, expect, it, test } from 'vitest';
import {
  currencyFormat, currencyUnit, formatCount, formatDate, formatHours, formatMoney, formatMoneyFull, formatNps, formatPercent, formatPeriod,
  formatPeriodShort, formatPoints, formatSignedNumber, formatSignedPercent, formatValue, isoDate, NO_VALUE, tickFormat,
} from '../../src/i18n/format.ts';

describe('money', () => {
  test('zh-CN: ¥ with grouping below 1万, then 万 and 亿', () => {
    expect(formatMoney(1234, 'zh-CN')).toBe('¥1,234');
    expect(formatMoney(9999, 'zh-CN')).toBe('¥9,999');
    expect(formatMoney(10_000, 'zh-CN')).toBe('¥1万');
    expect(formatMoney(123_456, 'zh-CN')).toBe('¥12.3万');
    expect(formatMoney(4_069_800, 'zh-CN')).toBe('¥407万');
    expect(formatMoney(123_000_000, 'zh-CN')).toBe('¥1.2亿');
    expect(formatMoney(-123_456, 'zh-CN')).toBe('−¥12.3万');
  });
  test('en: k, M, B', () => {
    expect(formatMoney(1234, 'en')).toBe('¥1,234');
    expect(formatMoney(12_300, 'en')).toBe('¥12.3k');
    expect(formatMoney(1_234_567, 'en')).toBe('¥1.2M');
    expect(formatMoney(2_500_000_000, 'en')).toBe('¥2.5B');
  });
  test('full form and small amounts', () => {
    expect(formatMoneyFull(4_069_800, 'en')).toBe('¥4,069,800');
    expect(formatMoneyFull(12.5, 'zh-CN')).toBe('¥12.50');
    expect(formatMoneyFull(-40, 'zh-CN')).toBe('−¥40');
  });
});

describe('other units', () => {
  test('percent, hours, counts, NPS', () => {
    expect(formatPercent(0.1234, 'en')).toBe('12.3%');
    expect(formatPercent(1, 'zh-CN', 0)).toBe('100%');
    expect(formatHours(7.1, 'zh-CN')).toBe('7.1 小时');
    expect(formatHours(24, 'en')).toBe('24 h');
    expect(formatCount(12345, 'zh-CN')).toBe('12,345');
    expect(formatNps(31.6, 'en')).toBe('+32');
    expect(formatNps(-4.6, 'en')).toBe('−5');
    expect(formatNps(0.2, 'en')).toBe('0');
  });
  test('changes', () => {
    expect(formatSignedPercent(0.052, 'en')).toBe('+5.2%');
    expect(formatSignedPercent(-0.1, 'en')).toBe('−10.0%');
    expect(formatSignedPercent(0, 'en')).toBe('±0.0%');
    expect(formatPoints(0.012, 'en')).toBe('+1.2 pp');
    expect(formatPoints(-0.012, 'zh-CN')).toBe('−1.2 个百分点');
    expect(formatSignedNumber(2, 'en')).toBe('+2');
  });
  test('no value is an em dash for every unit', () => {
    for (const unit of ['count', 'currency', 'ratio', 'hours', 'nps', 'change'] as const) {
      expect(formatValue(null, unit, 'zh-CN')).toBe(NO_VALUE);
      expect(formatValue(Number.NaN, unit, 'en')).toBe(NO_VALUE);
    }
  });
});

describe('dates and periods', () => {
  test('dates', () => {
    expect(formatDate('2026-09-30', 'zh-CN')).toBe('2026年9月30日');
    expect(formatDate('2026-09-30', 'en')).toBe('30 Sep 2026');
    expect(formatDate(null, 'en')).toBe(NO_VALUE);
    // 2026-01-01 00:30 in Shanghai is still 2025-12-31 in UTC
    expect(isoDate(Date.parse('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(isoDate(Date.parse('2025-12-31T16:30:00Z'), 'UTC')).toBe('2025-12-31');
  });
  test('periods', () => {
    expect(formatPeriod('2026-Q3', 'zh-CN')).toBe('2026年第3季度');
    expect(formatPeriod('2026-Q3', 'en')).toBe('Q3 2026');
    expect(formatPeriod('2026-09', 'zh-CN')).toBe('2026年9月');
    expect(formatPeriod('2026-09', 'en')).toBe('Sep 2026');
    expect(formatPeriod('2026', 'zh-CN')).toBe('2026年');
    expect(formatPeriodShort('2026-Q3', 'zh-CN')).toBe('2026年Q3');
  });
  test('axis ticks follow the locale', () => {
    expect(tickFormat('currency', 'zh-CN')(3_000_000)).toBe('¥300万');
    expect(tickFormat('currency', 'en')(3_000_000)).toBe('¥3M');
    expect(tickFormat('count', 'zh-CN')(20_000)).toBe('2万');
    expect(tickFormat('count', 'en')(20_000)).toBe('20,000');
    expect(tickFormat('ratio', 'en')(0.25)).toBe('25%');
  });
});

describe('money in the company currency (config currency, ISO 4217 minor unit)', () => {
  it('a JPY company formats without decimals, with ¥; a USD company with $ and cents', () => {
    const jpy = currencyFormat('JPY');
    expect(jpy.digits).toBe(0);
    expect(formatMoneyFull(1234, 'en', jpy)).toBe('¥1,234');
    expect(formatMoneyFull(12, 'en', jpy)).toBe('¥12');
    expect(formatMoney(123456, 'zh-CN', jpy)).toBe('¥12.3万');
    const usd = currencyFormat('USD');
    expect(formatMoneyFull(12.5, 'en', usd)).toBe('$12.50');
    expect(formatMoneyFull(-1234.5, 'en', usd)).toBe('−$1,235');
    expect(currencyUnit('zh-CN', usd)).toBe('USD');
    expect(currencyUnit('zh-CN', currencyFormat('CNY'))).toBe('元');
    // a currency without a narrow symbol shows its code
    expect(formatMoneyFull(1.5, 'en', currencyFormat('KWD'))).toBe('KWD 1.500');
  });
});
