import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_DEFINITION_SETTINGS } from '../metrics/definition-settings.ts';
import { kpiCatalogueFor } from '../metrics/kpi-catalogue.ts';
import { coreFiles, optionalFiles, type CoreBundle, type OptionalBundle, type SiteBundle } from '../bundle/contract.ts';
import { readNdjson } from '../bundle/ndjson.ts';
import { setSiteCurrency } from '../i18n/format.ts';

/**
 * Resolved from the working directory, not import.meta.url: built pages run from
 * dist/.prerender, where a module-relative path points nowhere (TOOLCHAIN.md).
 */
export const bundleDir = (env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string =>
  resolve(cwd, env.ACCOUNTABLE_BUNDLE_DIR ?? '.accountable/bundle');

const readJson = (dir: string, file: string): unknown => {
  const path = resolve(dir, file);
  try {
    return file.endsWith('.ndjson') ? readNdjson(path) : JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`site: cannot read bundle file ${path}: ${(e as Error).message}`);
  }
};

/** Read a bundle folder (not memoised: tests use this). */
export const readBundle = (dir: string): SiteBundle => {
  const core = {} as Record<string, unknown>;
  for (const [key, file] of Object.entries(coreFiles)) core[key] = readJson(dir, file);
  for (const [key, file] of Object.entries(optionalFiles) as [string, string][]) {
    core[key] = existsSync(resolve(dir, file)) ? readJson(dir, file) : null;
  }
  const b = core as unknown as CoreBundle & OptionalBundle;
  if (!b.manifest || typeof b.manifest.asOf !== 'string') throw new Error(`site: ${dir}/manifest.json has no asOf`);
  if (!Array.isArray(b.ledger)) throw new Error(`site: ${dir}/ledger.json is not an array`);
  if (!Array.isArray(b.kpis)) throw new Error(`site: ${dir}/${coreFiles.kpis} is not an array`);
  // names and definitions state the thresholds this bundle was computed with
  return { ...b, catalogue: kpiCatalogueFor(b.manifest.definitionSettings ?? DEFAULT_DEFINITION_SETTINGS) };
};

let memo: { dir: string; stamp: number; bundle: SiteBundle } | null = null;

/**
 * The published bundle, read once per build (every page calls this). The memo is keyed by the
 * folder and manifest.json's mtime, so `astro dev` picks up a bundle the build rewrote
 * (the manifest is written last).
 */
export const loadBundle = (): SiteBundle => {
  const dir = bundleDir();
  let stamp = 0;
  try {
    stamp = statSync(resolve(dir, coreFiles.manifest)).mtimeMs;
  } catch {
    // readBundle reports the missing file with its path
  }
  if (memo?.dir !== dir || memo.stamp !== stamp) memo = { dir, stamp, bundle: readBundle(dir) };
  // every money figure of the site is in the bundle's currency (i18n/format.ts)
  setSiteCurrency(memo.bundle.manifest.currency ?? 'CNY');
  return memo.bundle;
};
