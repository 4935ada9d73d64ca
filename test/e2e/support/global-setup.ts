import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Build the shipped sample site once for the browser tests, exactly as a user would
 * (`scripts/build.ts`), into test-results/site with its bundle in test-results/bundle.
 * Set E2E_SKIP_BUILD=1 to reuse an existing build while iterating on tests.
 */
export const siteDir = resolve('test-results/site');
export const bundleDirForTests = resolve('test-results/bundle');

export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build.ts', '--out', siteDir, '--bundle', bundleDirForTests], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}
