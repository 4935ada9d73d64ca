/**
 * Okabe–Ito: a palette that stays distinguishable with the common colour-vision deficiencies.
 * The same values are CSS variables in src/styles/global.css (`--c-blue` …); charts use these
 * constants so the SVG keeps its colours when copied out of the page.
 */
export const okabeIto = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

/** Categorical order for series (black is left out: it vanishes on the dark theme). */
export const categorical: readonly string[] = [
  okabeIto.blue, okabeIto.orange, okabeIto.green, okabeIto.vermillion,
  okabeIto.skyBlue, okabeIto.purple, okabeIto.yellow,
];

/** Main series, comparison series, good, bad. */
export const roles = {
  primary: okabeIto.blue,
  comparison: okabeIto.orange,
  good: okabeIto.green,
  bad: okabeIto.vermillion,
} as const;

/** Sequential scheme for heat maps: a single hue, readable in grey scale and on both themes. */
export const sequentialScheme = 'blues' as const;
