import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { CONFIG_FILE, loadConfig } from '../config/load-config.ts';
import type { Config } from '../config/schema.ts';
import { buildError, type BuildError } from '../lib/build-error.ts';
import type { Effects } from '../lib/effects.ts';
import { ingest } from '../ingest/ingest.ts';
import { inputPaths } from '../ingest/input-paths.ts';
import { writeQuarantine } from '../ingest/quarantine.ts';
import { maskValue } from '../ingest/mask.ts';
import { ledgerWarning } from '../ingest/warnings.ts';
import { teamIdConflicts } from '../ingest/team-ids.ts';
import type { OrderIdentityCheck } from '../metrics/orders.ts';
import type { LedgerFile, LedgerWarning, RejectedRow } from '../model/ledger.ts';
import { ORDER_LINE_COLUMNS } from '../model/tables.ts';
import { computeAllMetrics, type AllMetrics } from '../metrics/compute-all-metrics.ts';
import { loadRoleCards } from '../roles/load-role-cards.ts';
import { scoreAll } from './score-all.ts';
import { checkRoleCards } from '../scoring/card-weights.ts';
import { combineFingerprints, sha256 } from '../publish/fingerprint.ts';
import { readCache, writeCache } from '../publish/cache.ts';
import { pseudonymKey } from '../publish/pseudonym-key.ts';
import { toBundle } from '../publish/to-bundle.ts';
import { writeBundle } from '../publish/write-bundle.ts';
import { audienceScope, type AudienceScope } from '../publish/audience-scope.ts';
import { audienceBundle } from '../publish/audience-bundle.ts';
import { previousTeamSlugs } from './previous-team-slugs.ts';

/**
 * The build's data half, stage by stage: config → ingest (+ quarantine) → metrics → role cards
 * → scoring → published bundle. Ingest and metrics are skipped when the cache holds tables
 * computed from the same input bytes, config and definitions code: editing a page template or a
 * role card re-renders and re-scores without recomputing the metrics.
 */
export interface PipelineOptions {
  root: string;
  dataDir: string;
  bundleDir: string;
  cacheDir: string;
  quarantineDir: string;
  useCache: boolean;
  effects: Effects;
  onStage?: (name: string, ms: number) => void;
  /** the build's wall-clock time (epoch ms): rows dated after it are rejected (default Date.now()) */
  now?: number;
  /** the pseudonym key's file (default: `pseudonym-key` beside the cache folder) */
  pseudonymKeyFile?: string;
  /** a full garbage collection, run once the order lines are released (node-effects.ts) */
  collectGarbage?: () => void;
  /** the site the build replaces (dist/): its team URLs become redirects where a team's URL changed */
  previousSite?: string;
}

/** An audience's bundle as written: pages of its site read it from `bundleDir` (docs/hosting.md). */
export interface AudienceBuild {
  name: string;
  /** the URL path its site is built for */
  base: string;
  bundleDir: string;
}

export type PipelineResult =
  | { ok: true; asOf: string; ledger: LedgerFile[]; audiences: AudienceBuild[] }
  /** `errors`: every problem found (ingest lists every file's at once); `error` is the first */
  | { ok: false; error: BuildError; errors?: BuildError[] };

/** Source folders whose code defines the computed tables (and pipeline.ts, the shape of the cached value): a change there invalidates the cache. */
const definitionSources = ['src/config', 'src/ingest', 'src/validate', 'src/metrics', 'src/model', 'src/lib', 'src/build/pipeline.ts'];

export async function runPipeline(o: PipelineOptions): Promise<PipelineResult> {
  const { fs, clock } = o.effects;
  let t = clock.now();
  const lap = (name: string) => {
    const now = clock.now();
    o.onStage?.(name, now - t);
    t = now;
  };

  const cfg = await loadConfig(o.dataDir, fs);
  if (!cfg.ok) return cfg;
  const config = cfg.config;

  const inputs = await fingerprintInputs(o.dataDir, config, fs);
  const codeHash = await fingerprintSources(o.root, definitionSources);
  const key = combineFingerprints({ ...inputs, code: codeHash });

  let computed: { ledger: LedgerFile[]; rejects: RejectedRow[]; metrics: AllMetrics } | null = o.useCache ? await readCache(o.cacheDir, key) : null;
  if (computed) {
    // quarantine/ always equals the ledger, even when someone deleted it since the last build
    await writeQuarantine(computed.rejects, o.quarantineDir, fs);
    lap('cache hit');
  } else {
    // only the order-line columns later stages read are kept (all are validated)
    const read = await ingest({ dataDir: o.dataDir, config, fs, keep: { orders: ORDER_LINE_COLUMNS }, ...(o.now !== undefined ? { now: o.now } : {}) });
    if (!read.ok) return read;
    await writeQuarantine(read.rejects, o.quarantineDir, fs);
    if (read.dataset.orders.rows === 0) return { ok: false, error: noOrders(read.ledger) };
    const teamIds = teamIdConflicts(read.dataset.staff, read.ledger.find((f) => f.name === 'staff')?.file);
    if (teamIds.length) return { ok: false, error: teamIds[0]!, errors: teamIds };
    lap('ingest');
    // the line table is not read after its reduction to orders: let it go (half the heap at 5M lines)
    const metrics = computeAllMetrics(read.dataset, config, undefined, { releaseOrderLines: true, ...(o.collectGarbage ? { afterRelease: o.collectGarbage } : {}) });
    lap('metrics');
    computed = { ledger: withIdentityWarnings(read.ledger, metrics.orderIdentity), rejects: read.rejects, metrics };
    if (o.useCache) await writeCache(o.cacheDir, key, computed);
  }

  const cards = await loadRoleCards(join(o.dataDir, 'roles'), fs);
  if (!cards.ok) return cards;
  const weights = checkRoleCards(cards.cards);
  if (!weights.ok) return weights;
  const scored = scoreAll(cards.cards, computed.metrics, config);
  if (!scored.ok) return scored;
  lap('scoring');

  const secret = await pseudonymKey(o.pseudonymKeyFile ?? join(dirname(o.cacheDir), 'pseudonym-key'), fs);
  const previous = await previousTeamSlugs(o.previousSite, fs, o.effects.log);
  const bundle = {
    ...toBundle({ config, ledger: computed.ledger, metrics: computed.metrics, cards: cards.cards, scoring: scored, inputs, pseudonymKey: secret }),
    ...(previous ? { previousTeamSlugs: previous } : {}),
  };
  // every audience is checked before anything is written: a misnamed team stops the build
  const scopes: AudienceScope[] = [];
  const scopeErrors: BuildError[] = [];
  for (const [name, a] of Object.entries(config.audiences)) {
    const r = audienceScope(bundle, name, a, secret);
    if (r.ok) scopes.push(r.scope);
    else scopeErrors.push(...r.errors);
  }
  if (scopeErrors.length) return { ok: false, error: scopeErrors[0]!, errors: scopeErrors };
  await writeBundle(o.bundleDir, bundle);
  // the data stages ran once; each audience's bundle is a selection of the company's rows
  const audiences: AudienceBuild[] = [];
  for (const scope of scopes) {
    const dir = join(`${o.bundleDir}-audiences`, scope.name);
    await writeBundle(dir, audienceBundle(bundle, scope));
    audiences.push({ name: scope.name, base: scope.base, bundleDir: dir });
  }
  lap('publish');
  return { ok: true, asOf: computed.metrics.asOf, ledger: computed.ledger, audiences };
}

/**
 * sha256 of every file the computed tables are read from: config.yaml and each input at the path
 * ingest reads it (input-paths.ts: subfolders of data/ and absolute paths included). Role cards
 * are not part of it (they only feed scoring, which runs on every build). Keyed by the file as
 * named in config (an absolute path by its base name: the manifest is published).
 */
async function fingerprintInputs(dataDir: string, config: Config, fs: Effects['fs']): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const files = [{ file: CONFIG_FILE, path: join(dataDir, CONFIG_FILE) }, ...inputPaths(dataDir, config)];
  // the rates file converts amounts: a new rate is a new build
  if (config.rates) files.push({ file: config.rates, path: isAbsolute(config.rates) ? config.rates : join(dataDir, config.rates) });
  for (const f of files) {
    if (!(await fs.exists(f.path))) continue;
    out[isAbsolute(f.file) ? basename(f.file) : f.file] = sha256(await fs.readFile(f.path));
  }
  return out;
}

async function fingerprintSources(root: string, paths: string[]): Promise<string> {
  const parts: Record<string, string> = {};
  const walk = async (p: string): Promise<void> => {
    const abs = join(root, p);
    const entries = await readdir(abs, { withFileTypes: true }).catch(() => null);
    if (!entries) {
      const bytes = await readFile(abs).catch(() => null);
      if (bytes) parts[relative(root, abs)] = sha256(bytes);
      return;
    }
    for (const e of entries) await walk(join(p, e.name));
  };
  for (const p of paths) await walk(p);
  return combineFingerprints(parts);
}

/**
 * The orders ledger entry with the order-identity warnings the metrics stage found while it
 * grouped lines into orders (src/metrics/orders.ts: there, at no extra pass over the lines).
 */
export function withIdentityWarnings(ledger: LedgerFile[], check: OrderIdentityCheck): LedgerFile[] {
  const add: LedgerWarning[] = [];
  const examples = (x: OrderIdentityCheck['spansDates']) => x.examples.map((e) => ({ line: e.line, raw: maskValue(e.id) }));
  if (check.spansDates.count) add.push(ledgerWarning('order_id_spans_dates', 'order_id', check.spansDates.count, examples(check.spansDates)));
  if (check.spansCustomers.count) add.push(ledgerWarning('order_id_spans_customers', 'order_id', check.spansCustomers.count, examples(check.spansCustomers)));
  if (!add.length) return ledger;
  return ledger.map((f) => (f.name === 'orders' ? { ...f, warnings: [...(f.warnings ?? []), ...add] } : f));
}

/** orders.csv read, but no row survived: nothing to compute, and the reasons are in quarantine/. */
function noOrders(ledger: LedgerFile[]): BuildError {
  const f = ledger.find((l) => l.name === 'orders');
  const counts = f ? `${f.read} read, ${f.rejected} rejected, ${f.excluded} excluded, ${f.duplicates} duplicates` : '';
  const zhCounts = f ? `读取 ${f.read} 行，拒绝 ${f.rejected}，排除 ${f.excluded}，重复 ${f.duplicates}` : '';
  return buildError({
    code: 'no_orders',
    file: f?.file ?? 'orders.csv',
    message: { en: `no usable order rows (${counts})`, 'zh-CN': `没有可用的订单行（${zhCounts}）` },
    hint: {
      en: 'see the reasons in quarantine/orders.rejected.csv; a column mapping or date setting in data/config.yaml usually fixes them all at once',
      'zh-CN': '拒绝原因见 quarantine/orders.rejected.csv；通常在 data/config.yaml 中设置列映射或日期格式即可一次修正',
    },
  });
}
