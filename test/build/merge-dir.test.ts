import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeDirInto } from '../../src/build/merge-dir.ts';

const tree = (root: string, files: Record<string, string>) => {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
};

describe('mergeDirInto: the shares of one site into one folder', () => {
  it('moves disjoint pages and accepts the same asset twice', async () => {
    const d = mkdtempSync(join(tmpdir(), 'merge-'));
    tree(join(d, 'a'), { 'people/S1/index.html': 'one', '_astro/x.css': 'css' });
    tree(join(d, 'b'), { 'people/S2/index.html': 'two', '_astro/x.css': 'css' });
    await mergeDirInto(join(d, 'a'), join(d, 'site'));
    await mergeDirInto(join(d, 'b'), join(d, 'site'));
    expect(readFileSync(join(d, 'site/people/S1/index.html'), 'utf8')).toBe('one');
    expect(readFileSync(join(d, 'site/people/S2/index.html'), 'utf8')).toBe('two');
    expect(readFileSync(join(d, 'site/_astro/x.css'), 'utf8')).toBe('css');
    expect(existsSync(join(d, 'a')) || existsSync(join(d, 'b'))).toBe(false);
  });

  it('stops when two shares wrote the same file differently', async () => {
    const d = mkdtempSync(join(tmpdir(), 'merge-'));
    tree(join(d, 'a'), { '404.html': 'one' });
    tree(join(d, 'b'), { '404.html': 'other' });
    await mergeDirInto(join(d, 'a'), join(d, 'site'));
    await expect(mergeDirInto(join(d, 'b'), join(d, 'site'))).rejects.toThrow(/404\.html differ/);
  });
});
