/**
 * npm run map: read every file in data/ and print a config.yaml proposal (which canonical file
 * each one is, its preset, every column and why, dateOrder with its evidence, currency, the
 * questions only you can answer). The logic is in src/mapping/.
 *
 * Options: --data <dir> (default data), --write (write <dir>/config.yaml; refuses to replace an
 *          existing one unless --force), --lang zh-CN|en (the comments' language, default zh-CN)
 */
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nodeEffects } from '../src/lib/node-effects.ts';
import { mapData } from '../src/mapping/map-data.ts';
import { CONFIG_NAME } from '../src/mapping/propose.ts';
import { writeFileAtomic } from '../src/publish/write-atomic.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'data' },
    write: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    lang: { type: 'string', default: 'zh-CN' },
  },
});

async function main(): Promise<number> {
  const lang = values.lang === 'en' ? 'en' : values.lang === 'zh-CN' ? 'zh-CN' : null;
  if (!lang) {
    console.error(`--lang must be zh-CN or en (got ${values.lang}) · --lang 只能是 zh-CN 或 en`);
    return 2;
  }
  const effects = nodeEffects();
  const dataDir = resolve(values.data);
  const label = relative(process.cwd(), dataDir) || '.';
  const { text } = await mapData({ dataDir, fs: effects.fs, now: Date.now(), lang, label });
  if (!values.write) {
    process.stdout.write(text);
    return 0;
  }
  const target = join(dataDir, CONFIG_NAME);
  if ((await effects.fs.exists(target)) && !values.force) {
    process.stdout.write(text);
    console.error(`\n✗ ${join(label, CONFIG_NAME)} exists and was not changed: add --force to replace it (the proposal is printed above).`);
    console.error(`  ${join(label, CONFIG_NAME)} 已存在，未作修改：如要替换，请加 --force（建议内容见上）。`);
    return 1;
  }
  await writeFileAtomic(target, text);
  console.log(`✓ ${join(label, CONFIG_NAME)} written · 已写入`);
  return 0;
}

process.exitCode = await main();
