import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** A scratch project: a copy of data/ and its own output, bundle, cache and quarantine folders. */
export async function scratch(): Promise<{ dir: string; data: string; out: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'accountable-build-'));
  await cp('data', join(dir, 'data'), { recursive: true });
  return { dir, data: join(dir, 'data'), out: join(dir, 'dist') };
}

/** Run the real build command (scripts/build.ts) in a child process on the scratch folders. */
export function build(s: { dir: string; data: string; out: string }, extra: string[] = []) {
  const r = spawnSync(
    process.execPath,
    ['scripts/build.ts', '--data', s.data, '--out', s.out, '--bundle', join(s.dir, 'bundle'), '--cache', join(s.dir, 'cache'), '--quarantine', join(s.dir, 'quarantine'), ...extra],
    { encoding: 'utf8', env: { ...process.env, ACCOUNTABLE_ASTRO_CACHE: join(s.dir, 'astro-cache'), ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** path → sha256 of every file below a folder. */
export async function treeHashes(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else out.set(relative(root, p), createHash('sha256').update(await readFile(p)).digest('hex'));
    }
  };
  await walk(root);
  return out;
}
