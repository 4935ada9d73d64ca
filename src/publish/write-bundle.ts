import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BundleData } from '../bundle/contract.ts';
import { coreFiles, optionalFiles } from '../bundle/contract.ts';
import { writeNdjson } from '../bundle/ndjson.ts';
import { swapDir } from './swap-dir.ts';

/**
 * Write the bundle into a fresh sibling folder, then swap it in: pages never read a bundle
 * that is half old and half new.
 */
export async function writeBundle(dir: string, data: BundleData): Promise<void> {
  const names: Record<string, string> = { ...coreFiles, ...optionalFiles };
  const next = join(dirname(dir), `.${basename(dir)}-next-${process.pid}`);
  await rm(next, { recursive: true, force: true });
  await mkdir(next, { recursive: true });
  try {
    // the manifest last: the site's dev-mode memo watches its mtime
    const keys = (Object.keys(names) as (keyof BundleData)[]).sort((a, b) => Number(a === 'manifest') - Number(b === 'manifest'));
    for (const key of keys) {
      const name = names[key]!;
      // a part the bundle does not hold (the previous team URLs of a first build) loads as null
      if (data[key] === undefined) continue;
      if (name.endsWith('.ndjson')) await writeNdjson(join(next, name), data[key] as unknown[]);
      else await writeFile(join(next, name), JSON.stringify(data[key]));
    }
    await swapDir(next, dir);
  } catch (e) {
    await rm(next, { recursive: true, force: true });
    throw e;
  }
}
