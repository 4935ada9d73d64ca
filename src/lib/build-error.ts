import type { Localized } from './localized.ts';

/**
 * An error that stops the build: a value with a code, where it happened and a message in both
 * languages (never a thrown string). `hint` says how to fix it, e.g. the config line to add.
 */
export interface BuildError {
  code: string;
  /** path relative to data/, when the error is about a file */
  file: string | null;
  line: number | null;
  field: string | null;
  message: Localized;
  hint: Localized | null;
}

export class BuildFailure extends Error {
  readonly error: BuildError;
  constructor(error: BuildError) {
    super(`${error.file ? error.file + ': ' : ''}${error.message.en}`);
    this.name = 'BuildFailure';
    this.error = error;
  }
}

export const buildError = (e: Partial<BuildError> & Pick<BuildError, 'code' | 'message'>): BuildError => ({
  file: null,
  line: null,
  field: null,
  hint: null,
  ...e,
});

/** Render a build error for the console: English and Chinese, file first. */
export function formatBuildError(e: BuildError): string {
  const where = [e.file, e.line != null ? `line ${e.line}` : null, e.field ? `field ${e.field}` : null]
    .filter(Boolean)
    .join(', ');
  const lines = [`✗ ${where ? where + ': ' : ''}${e.message.en}`, `  ${e.message['zh-CN']}`];
  if (e.hint) lines.push(`  → ${e.hint.en}`, `  → ${e.hint['zh-CN']}`);
  return lines.join('\n');
}

/** Every problem of a stopped build, numbered when there are several, with how many there are. */
export function formatBuildErrors(errors: readonly BuildError[]): string {
  if (errors.length === 1) return formatBuildError(errors[0]!);
  const head = `${errors.length} problems stop the build (all listed; fix them all, then build again) · 共 ${errors.length} 个问题导致构建停止（已全部列出）:`;
  return [head, ...errors.map((e, i) => `\n${i + 1}. ${formatBuildError(e)}`)].join('\n');
}
