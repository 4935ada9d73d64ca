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

/** Width of a chart's phone form: it fits a 360 px screen (336 px of content) at its own size, so 10 px text stays 10 px. */
export const PHONE_WIDTH = 320;

/**
 * A chart's phone form: the same chart drawn for {@link PHONE_WIDTH} (fewer ticks, shorter margins,
 * fewer columns), and a note naming what the phone form leaves out (e.g. a heat map's later columns).
 */
export interface PhoneForm {
  options: Plot.PlotOptions;
  note?: string;
}

/**
 * With a phone form, two renders: the wide one (class `plot-wide`) and the phone one (`plot-phone`);
 * CSS shows one by screen width (src/styles/global.css), print always shows the wide one.
 * A chart whose phone form is hidden has display:none, so assistive technology meets one chart.
 */
export const renderPlot = (options: Plot.PlotOptions, meta: RenderOptions, phone?: PhoneForm): string => {
  if (!phone) return renderOne(options, meta);
  const wide = renderOne(options, meta, 'plot-wide');
  const small = renderOne({ ...phone.options, width: phone.options.width ?? PHONE_WIDTH }, meta, phone.note ? undefined : 'plot-phone', { tooltips: false });
  if (!phone.note) return wide + small;
  const note = document.createElement('p');
  note.className = 'note';
  note.textContent = phone.note;
  return `${wide}<div class="plot-phone">${small}${note.outerHTML}</div>`;
};

/** `tooltips: false` drops the marks' <title> tooltips: a touch screen never hovers, and they were a third of a heat map's bytes. */
const renderOne = (options: Plot.PlotOptions, { title, alt }: RenderOptions, form?: string, { tooltips = true } = {}): string => {
  const node = Plot.plot({
    width: 640,
    ...options,
    className: PLOT_CLASS,
    document: document as unknown as Document,
  }) as unknown as Element;
  for (const style of [...node.querySelectorAll('style')]) style.remove();
  if (!tooltips) for (const tip of [...node.querySelectorAll('title')]) tip.remove();
  // Plot labels its <g> groups with aria-label; inside role="img" they are prohibited (axe)
  // and never read, the chart's own aria-label is the text alternative.
  for (const el of [...node.querySelectorAll('[aria-label], [aria-description]')]) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  roundGeometry(node);
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector(`svg.${PLOT_CLASS}`);
  node.setAttribute('role', 'img');
  node.setAttribute('aria-label', alt);
  if (form) node.setAttribute('class', `${node.getAttribute('class') ?? ''} ${form}`.trim());
  if (svg) {
    const el = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    el.textContent = title;
    svg.insertBefore(el, svg.firstChild);
  }
  return node.outerHTML;
};

const COLOURS = ['fill', 'stroke'];
const hex = (n: string) => Number(n).toString(16).padStart(2, '0');

const GEOMETRY = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'd', 'transform', 'points'];

/**
 * Colours as hex, coordinates to 2 decimals (1/100 px: invisible at any zoom a reader uses): Plot writes up to 17
 * digits (`474.71910112359546`), which made a 24×24 heat map 65 KB. Only geometry attributes change, never text.
 */
const roundGeometry = (root: Element): void => {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const name of GEOMETRY) {
      const v = el.getAttribute(name);
      if (v && /\d\.\d{3}/.test(v)) el.setAttribute(name, v.replace(/(-?\d+\.\d+)/g, (m) => String(Math.round(Number(m) * 100) / 100)));
    }
    // `rgb(176, 210, 232)` (a colour scale's output) as `#b0d2e8`: the same colour in 7 characters
    for (const name of COLOURS) {
      const c = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(el.getAttribute(name) ?? '');
      if (c) el.setAttribute(name, `#${hex(c[1]!)}${hex(c[2]!)}${hex(c[3]!)}`);
    }
  }
};
