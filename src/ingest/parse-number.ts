/**
 * A number cell → a finite number, `null` for an empty cell, `NaN` for anything we refuse.
 *
 * Accepted: `1234.5`, `-12`, `1,234.50` (groups of three), `1 234,50` / `1.234,50` when
 * `decimal: ','`, currency marks `¥ ￥ $ 元 CNY RMB`, full-width digits, `(12.00)` = -12,
 * `12%` = 0.12 in percentage columns, `3.5万` = 35000 (and 亿) when `wan` is on, `1e3`.
 * Refused: `1,2,3` (bad grouping), `NaN`, `Infinity`, `--5`, `1e309` (not finite), `12%` outside
 * percentage columns, `万` when not configured.
 */
export interface NumberOptions {
  decimal: '.' | ',';
  wan: boolean;
  percent: boolean;
}

export const defaultNumberOptions: NumberOptions = { decimal: '.', wan: false, percent: false };

const PREFIXES = ['US$', 'USD', 'CNY', 'RMB', '¥', '$', '€', '£'];
const SUFFIXES = ['元', 'CNY', 'RMB', 'USD', '¥'];

export function parseNumber(raw: string, opt: NumberOptions = defaultNumberOptions): number | null {
  // Fast path: plain ASCII digits with at most a leading minus and dots (Number refuses `1.2.3`).
  const n = raw.length;
  if (n === 0) return null;
  if (opt.decimal === '.') {
    let plain = true;
    for (let i = 0; i < n; i++) {
      const c = raw.charCodeAt(i);
      if ((c >= 48 && c <= 57) || c === 46 || (c === 45 && i === 0)) continue;
      plain = false;
      break;
    }
    if (plain) {
      const v = Number(raw);
      return n === 1 && (raw === '-' || raw === '.') ? NaN : v;
    }
  }
  return parseSlow(raw, opt);
}

function parseSlow(raw: string, opt: NumberOptions): number | null {
  let s = raw.normalize('NFKC').trim();
  if (s.length === 0) return null;
  let negative = false;
  let signs = 0;
  if (s.startsWith('(') && s.endsWith(')')) { negative = true; signs++; s = s.slice(1, -1).trim(); }
  const takeSign = () => {
    if (s.startsWith('-') || s.startsWith('+') || s.startsWith('−')) {
      if (s[0] !== '+') negative = !negative;
      signs++;
      s = s.slice(1).trim();
    }
  };
  takeSign();
  for (const p of PREFIXES) if (s.toUpperCase().startsWith(p)) { s = s.slice(p.length).trim(); break; }
  takeSign();
  for (const p of SUFFIXES) if (s.toUpperCase().endsWith(p)) { s = s.slice(0, -p.length).trim(); break; }
  let scale = 1;
  if (s.endsWith('%')) {
    if (!opt.percent) return NaN;
    scale = 0.01;
    s = s.slice(0, -1).trim();
  } else if (s.endsWith('万') || s.endsWith('亿')) {
    if (!opt.wan) return NaN;
    scale = s.endsWith('万') ? 1e4 : 1e8;
    s = s.slice(0, -1).trim();
  }
  if (signs > 1 || s.length === 0) return NaN;
  const clean = opt.decimal === '.' ? cleanDot(s) : cleanComma(s);
  if (clean === null) return NaN;
  const v = Number(clean) * scale;
  if (!Number.isFinite(v)) return NaN;
  // round away binary noise from the scale (0.12 not 0.12000000000000001)
  const r = scale === 1 ? v : Number(v.toPrecision(15));
  return negative ? -r : r;
}

const PLAIN = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_DOT = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const GROUPED_COMMA = /^\d{1,3}([ \u00a0\u202f.']\d{3})+(,\d+)?$/;
const PLAIN_COMMA = /^\d+(,\d+)?$/;

function cleanDot(s: string): string | null {
  if (PLAIN.test(s)) return s;
  if (GROUPED_DOT.test(s)) return s.replaceAll(',', '');
  return null;
}

function cleanComma(s: string): string | null {
  if (PLAIN_COMMA.test(s)) return s.replace(',', '.');
  if (GROUPED_COMMA.test(s)) return s.replace(/[ \u00a0\u202f.']/g, '').replace(',', '.');
  return null;
}
