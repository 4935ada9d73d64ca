import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The printed page's margins (src/styles/global.css `@page { size: A4; margin: 11mm 10mm }`): the running header and footer live there. */
const A4_HEIGHT_MM = 297;
const MARGIN_MM = 11;
const DPI = 30;
/** a pixel darker than this is ink (the lightest heat-map cell is ~#e3eef9, grey ~236) */
const INK = 245;

/**
 * How far down each printed page its content reaches, as a share of the page's content box (0 = empty,
 * 1 = to the bottom margin): every page of a PDF rendered to grey pixels by poppler's pdftoppm
 * (Debian poppler-utils), the running header and footer in the margins left out. Pixels, not text
 * positions, so a chart counts as content as well as a table.
 */
export function pageFills(pdf: Buffer): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'accountable-pdf-'));
  try {
    writeFileSync(join(dir, 'page.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(DPI), '-gray', join(dir, 'page.pdf'), join(dir, 'p')]);
    return readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort().map((f) => fill(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** a binary PGM (P5): its header, then one byte a pixel */
function fill(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm gave no binary PGM');
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  const px = h / A4_HEIGHT_MM;
  const top = Math.ceil(MARGIN_MM * px);
  const bottom = Math.floor((A4_HEIGHT_MM - MARGIN_MM) * px);
  for (let y = bottom - 1; y >= top; y--) {
    for (let x = 0; x < w; x++) if (data[y * w + x]! < INK) return (y + 1 - top) / (bottom - top);
  }
  return 0;
}
