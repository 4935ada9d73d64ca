import { describe, expect, test } from 'vitest';
import { sparkline } from '../../src/charts/sparkline.ts';
import { prettySvg } from './pretty-svg.ts';

describe('sparkline', () => {
  test('snapshot', async () => {
    await expect(prettySvg(sparkline({ values: [3, 5, null, 4, 8], alt: '净销售额：3 → 8' }))).toMatchFileSnapshot('__snapshots__/sparkline.svg');
  });
  test('gaps start a new sub-path; the last value has a dot', () => {
    const s = sparkline({ values: [1, 2, null, 3], alt: 'x', width: 32, height: 12 });
    expect(s).toContain('d="M2.5,9.5L11.5,6M29.5,2.5"');
    expect(s).toContain('<circle cx="29.5" cy="2.5"');
  });
  test('flat, single and empty series do not produce NaN', () => {
    for (const values of [[2, 2, 2], [5], [], [null, null]]) expect(sparkline({ values, alt: 'x' })).not.toContain('NaN');
  });
  test('the text alternative is escaped', () => {
    const s = sparkline({ values: [1, 2], alt: '<script>"x"</script>' });
    expect(s).toContain('aria-label="&lt;script&gt;&quot;x&quot;&lt;/script&gt;"');
    expect(s).not.toContain('<script>');
  });
});
