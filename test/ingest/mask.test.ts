import { describe, expect, it } from 'vitest';
import { isNationalId, isPersonalIdentifier, maskEmail, maskPersonalText, maskPhone, maskValue, pseudonym } from '../../src/ingest/mask.ts';

/** a resident id with a valid check digit, worked out here (ISO 7064 MOD 11-2) */
function residentId(base17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return base17 + '10X98765432'[sum % 11]!;
}

describe('mask', () => {
  it('phones keep the first 3 and last 4 digits', () => expect(maskPhone('13812341234')).toBe('138****1234'));
  it('a +86 mobile is masked without its country code', () => expect(maskPhone('+86 138 1234 1234')).toBe('138****1234'));
  it('e-mails keep the first letter and the domain', () => expect(maskEmail('zhang@example.com')).toBe('z***@example.com'));
  it('masks values that look personal anywhere', () => {
    expect(maskValue('li@example.com')).toBe('l***@example.com');
    expect(maskValue('+86 138 1234 1234')).toBe('138****1234');
    expect(maskValue('2024-02-30')).toBe('2024-02-30');
  });
  it('masks anything in a personal column', () => expect(maskValue('not-a-phone', true)).toBe('n***'));
});

describe('personal data inside any text', () => {
  const id = residentId('11010519491231002');

  it('finds phones in common formats, e-mails and resident ids inside longer text', () => {
    expect(maskPersonalText('call 18512345678 now')).toBe('call 185****5678 now');
    expect(maskPersonalText('电话13812345678，谢谢')).toBe('电话138****5678，谢谢');
    expect(maskPersonalText('手机 +86 138-1234-5678')).toBe('手机 138****5678');
    expect(maskPersonalText('0086 13812345678')).toBe('138****5678');
    expect(maskPersonalText('座机 010-12345678 / (0571) 8888 8888')).toBe('座机 010****5678 / 057****8888');
    expect(maskPersonalText('UK +44 20 7946 0958')).toBe('UK 442****0958');
    expect(maskPersonalText('US (415) 555-2671')).toBe('US 415****2671');
    expect(maskPersonalText('mail li.si@qq.com, 或 wang＠example.cn')).toBe('mail l***@qq.com, 或 w***＠example.cn');
    expect(maskPersonalText(`身份证 ${id}`)).toBe(`身份证 110*************${id.slice(-2)}`);
  });

  it('leaves dates, times, amounts, ids and digests alone', () => {
    for (const s of ['2026-09-01', '2026-09-01 13:21:34', '2026-09-01T10:00:00+08:00', '2026-09-01T10:00:00.123Z', '38.45181599825399', '¥420,000', '1.23E+15',
      'SO2023100001', 'C00012', '20260901123456', '2026-Q3', 'a13812345678b', 'sha 3f9a13812345678d0e', '123456789012345678', '-1773.00', '+15%']) {
      expect(maskPersonalText(s), s).toBe(s);
      expect(isPersonalIdentifier(s), s).toBe(false);
    }
  });

  it('an 18-digit number is a resident id only with a real birth date and check digit', () => {
    expect(isNationalId(id)).toBe(true);
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(isNationalId(wrongCheck)).toBe(false);
    expect(isNationalId(residentId('11010519491331002'))).toBe(false); // month 13
  });

  it('whole values are identifiers; a pseudonym is stable, keyed and never the value', () => {
    for (const v of ['13800138000', ' buyer@example.com ', id, '+86 138 0013 8000']) expect(isPersonalIdentifier(v), v).toBe(true);
    expect(isPersonalIdentifier('王先生 13800138000')).toBe(false);
    const p = pseudonym('13800138000', 'k1');
    expect(p).toMatch(/^anon-[0-9a-f]{16}$/);
    expect(pseudonym('13800138000', 'k1')).toBe(p);
    expect(pseudonym('13800138000', 'k2')).not.toBe(p);
    expect(pseudonym('13800138001', 'k1')).not.toBe(p);
  });
});
