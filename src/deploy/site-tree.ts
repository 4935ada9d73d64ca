import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * A built site folder as deploy:check reads it: every directory and file by its path relative to
 * the folder (`people/S001/index.html`, `/`-separated; the folder itself is ''), and each file's
 * text. Pagefind writes its index and fragments gzip-compressed: they are read decompressed, so a
 * name in the search index is found like one in a page.
 */
export interface SiteTree {
  dirs: string[];
  files: string[];
  text: (file: string) => string;
}

const GZIP = [0x1f, 0x8b];

export function readSiteTree(root: string): SiteTree {
  const dirs: string[] = [''];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      const rel = relative(root, p).split(sep).join('/');
      if (e.isDirectory()) {
        dirs.push(rel);
        walk(p);
      } else if (e.isFile()) files.push(rel);
    }
  };
  walk(root);
  return { dirs, files, text: (file) => decode(readFileSync(join(root, file))) };
}

/** a file's bytes as text, gunzipped first when they are gzip (Pagefind's .pf_* and wasm files) */
export function decode(bytes: Buffer): string {
  if (bytes[0] === GZIP[0] && bytes[1] === GZIP[1]) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch {
      // not gzip after all: read as it is
    }
  }
  return bytes.toString('utf8');
}
