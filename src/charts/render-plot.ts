import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * Observable Plot → an inline SVG (or <figure> when Plot adds a legend) string, at build time.
 *
 * - One linkedom document for the whole build: Plot only creates detached elements in it.
 * - Fixed `className` and no clip paths, so output is byte-identical between builds.
 * - Plot's per-chart <style> is dropped; the same rules live once in src/styles/global.css.
 * - Inner aria-labels are dropped; the chart gets `role="img"`, an `aria-label` (the text alternative) and a `<title>`.
 * - Text from data is set as DOM text by Plot, so linkedom escapes it (`<script>` stays text).
 */
const { document } = parseHTML('<!doctype html><html><body></body></html>');

export const PLOT_CLASS = 'plot';

export interface RenderOptions {
  /** short title, becomes the SVG's <title> */
  title: string;
  /** full text alternative (aria-label): what the chart shows, in words */
  alt: string;
}

export const renderPlot = (options: Plot.PlotOptions, { title, alt }: RenderOptions): string => {
  const node = Plot.plot({
    width: 640,
    ...options,
    className: PLOT_CLASS,
    document: document as unknown as Document,
  }) as unknown as Element;
  for (const style of [...node.querySelectorAll('style')]) style.remove();
  // Plot labels its <g> groups with aria-label; inside role="img" they are prohibited (axe)
  // and never read, the chart's own aria-label is the text alternative.
  for (const el of [...node.querySelectorAll('[aria-label], [aria-description]')]) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector(`svg.${PLOT_CLASS}`);
  node.setAttribute('role', 'img');
  node.setAttribute('aria-label', alt);
  if (svg) {
    const el = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    el.textContent = title;
    svg.insertBefore(el, svg.firstChild);
  }
  return node.outerHTML;
};
