import { posix } from 'node:path';
import type { Config } from '../config/schema.ts';
import { buildError, type BuildError } from '../lib/build-error.ts';
import type { FileSystem } from '../lib/effects.ts';
import { inputFiles, inputNames, type InputName } from '../validate/schemas/index.ts';

/**
 * Where each input file is read from: the one rule, used by ingest and by the cache fingerprint
 * (so the fingerprint covers exactly the files the build reads, wherever they live).
 * `files.<name>.path` is relative to data/ (subfolders too: `exports/orders.csv`) or absolute.
 */
export interface InputPath {
  name: InputName;
  /** as written in config (or the canonical name): what messages show */
  file: string;
  /** where it is read */
  path: string;
  /** the user named it in config.yaml: it must exist */
  configured: boolean;
}

export function inputPaths(dataDir: string, config: Config): InputPath[] {
  return inputNames.map((name) => {
    const configured = config.files[name].path;
    const file = configured ?? inputFiles[name].file;
    return { name, file, path: posix.isAbsolute(file) ? file : posix.join(dataDir, file), configured: configured !== undefined };
  });
}

/**
 * A path the user named (or a link at a default name) that the build cannot read stops the
 * build with that path: never "not present (optional)" for a file the user meant to give.
 * Every such path is listed at once.
 */
export async function unreadablePaths(paths: readonly InputPath[], fs: FileSystem): Promise<BuildError | null> {
  const bad: InputPath[] = [];
  for (const p of paths) {
    if (await fs.exists(p.path)) continue;
    const dangling = fs.entryExists ? await fs.entryExists(p.path) : false;
    if (p.configured || dangling) bad.push(p);
  }
  if (bad.length === 0) return null;
  const list = bad.map((p) => `files.${p.name}.path: ${p.path}`).join('; ');
  return buildError({
    code: 'missing_file',
    file: bad[0]!.file,
    message: {
      en: `cannot read ${bad.length === 1 ? 'a file' : `${bad.length} files`} named in config.yaml or linked in data/ (missing, or a link that points nowhere): ${list}`,
      'zh-CN': `无法读取 config.yaml 中指定或 data/ 中链接的${bad.length === 1 ? '文件' : ` ${bad.length} 个文件`}（不存在，或链接指向不存在的文件）：${list}`,
    },
    hint: {
      en: 'Correct the path (relative to data/, or absolute), put the file there, or remove the path line from config.yaml if the file is not needed.',
      'zh-CN': '请改正路径（相对于 data/ 或绝对路径）、把文件放到该位置；如不需要该文件，请从 config.yaml 中删除这一行 path。',
    },
  });
}
