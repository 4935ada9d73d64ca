import * as Plot from '@observablehq/plot';
import { describe, expect, test } from 'vitest';
import { PHONE_WIDTH, renderPlot } from '../../src/charts/render-plot.ts';

describe('renderPlot', () => {
  const data = [{ x: 1, y: 2, c: '<img src=x onerror=alert(1)>' }, { x: 2, y: 3, c: 'b' }];

  test('one text alternative on the outer element, a <title>, no inline <style>', () => {
    const s = renderPlot({ marks: [Plot.dot(data, { x: 'x', y: 'y' })] }, { title: 'T', alt: 'Alt "text"' });
    expect(s.match(/aria-label=/g)).toHaveLength(1);
    expect(s).toMatch(/^<svg [^>]*aria-label="Alt &quot;text&quot;" role="img"/);
    expect(s).toContain('<title>T</title>');
    expect(s).not.toContain('<style');
  });

  test('with a legend Plot returns a <figure>: it gets the role, the chart svg the title', () => {
    const s = renderPlot({ color: { legend: true }, marks: [Plot.dot(data, { x: 'x', y: 'y', fill: 'c' })] }, { title: 'T', alt: 'A' });
    expect(s).toMatch(/^<figure [^>]*role="img"/);
    expect(s).toMatch(/<svg [^>]*class="plot"[^>]*><title>T<\/title>/);
    expect(s).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(s).not.toContain('<img');
  });

  test('deterministic: the same input gives the same bytes (no random or counter ids)', () => {
    const make = () => renderPlot({ marks: [Plot.lineY(data, { x: 'x', y: 'y' })] }, { title: 'T', alt: 'A' });
    expect(make()).toBe(make());
    expect(make()).not.toMatch(/id="/);
  });

  test('a phone form: two renders, the wide one and one PHONE_WIDTH wide, told apart by class; a note wraps the phone one', () => {
    const s = renderPlot({ marks: [Plot.dot(data, { x: 'x', y: 'y' })] }, { title: 'T', alt: 'A' }, { options: { marks: [Plot.dot(data, { x: 'x', y: 'y' })] } });
    expect(s).toMatch(/^<svg [^>]*viewBox="0 0 640 [^>]*class="plot plot-wide"/);
    expect(s).toMatch(/<svg [^>]*viewBox="0 0 320 [^>]*class="plot plot-phone"/);
    expect(PHONE_WIDTH).toBe(320);
    const noted = renderPlot({ marks: [] }, { title: 'T', alt: 'A' }, { options: { marks: [] }, note: 'Columns <8>' });
    expect(noted).toMatch(/<div class="plot-phone"><svg [^>]*class="plot"[^>]*>.*<\/svg><p class="note">Columns &lt;8&gt;<\/p><\/div>$/s);
  });
  test('coordinates are rounded to 1/100 px; text is not', () => {
    const s = renderPlot({ width: 333, x: { domain: [0, 3] }, marks: [Plot.dot([{ x: 1, y: 1 }], { x: 'x', y: 'y' }), Plot.text([{ x: 1, y: 1 }], { x: 'x', y: 'y', text: () => '1.23456' })] }, { title: 'T', alt: 'A' });
    expect(s).not.toMatch(/="[^"]*\d\.\d{3}/);
    expect(s).toContain('>1.23456<');
  });
});
