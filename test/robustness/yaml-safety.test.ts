import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.ts';
import type { FileSystem } from '../../src/lib/effects.ts';
import { loadRoleCards } from '../../src/roles/load-role-cards.ts';

/*
 * Issue 17.11: a YAML alias bomb ("billion laughs") in config.yaml gave a stack trace. Every YAML
 * file goes through one safe reader (src/lib/safe-yaml.ts) that refuses it with a message.
 */
const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
].join('\n');

describe('one safe YAML reader: alias bombs refused with a message', () => {
  it('config.yaml: a stopped build with the reason and the fix, no exception', () => {
    const r = parseConfig(`timezone: Asia/Shanghai\n${BOMB}\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('config_syntax');
    expect(r.error.file).toBe('config.yaml');
    expect(r.error.message.en).toMatch(/aliases .* expand too far/);
    expect(r.error.hint!.en).toContain('at most 100 alias uses');
  });

  it('a role card front matter: the same refusal', async () => {
    const text = `---\n${BOMB}\n---\nbody`;
    const fs: FileSystem = {
      readFile: async () => new TextEncoder().encode(text),
      writeFile: async () => {},
      exists: async () => true,
      readdir: async () => ['x.md'],
      mkdir: async () => {},
    };
    const r = await loadRoleCards('/r', fs);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.error.code, r.error.file]).toEqual(['role_card_yaml', 'roles/x.md']);
    expect(r.error.message.en).toMatch(/aliases expand too far/);
  });

  it('a few ordinary aliases still work', () => {
    const r = parseConfig('timezone: &tz Asia/Shanghai\n');
    expect(r.ok).toBe(true);
  });

  it('no source file reads YAML except through src/lib/safe-yaml.ts (stringify to write is fine)', async () => {
    const offenders: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (/\.(ts|astro|mjs)$/.test(e.name) && p !== join('src', 'lib', 'safe-yaml.ts')) {
          // writing YAML (stringify) is fine; reading it goes through the safe reader
          const text = await readFile(p, 'utf8');
          if (/import\s*(\*|\{[^}]*\b(parse|parseDocument|parseAllDocuments|Parser|Composer)\b[^}]*\})\s*(as \w+\s*)?from\s*['"]yaml['"]|js-yaml/.test(text)) offenders.push(p);
        }
      }
    };
    await walk('src');
    await walk('scripts');
    expect(offenders).toEqual([]);
  });
});
