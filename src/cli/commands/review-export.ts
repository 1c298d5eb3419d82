import { writeFile } from 'node:fs/promises';
import type { ReviewReport } from './review-report.js';

export type ExportOutcome =
  | { readonly written: true; readonly cases: number }
  | { readonly written: false; readonly reason: 'exists' }
  /** `code`: the system's error code (ENOENT, EACCES …). */
  | { readonly written: false; readonly reason: 'unwritable'; readonly code: string };

/**
 * Writes each template's masked example as an eval case with nothing expected yet, for a
 * maintainer to label (`expect`) and add to test/eval. Mode 0600: the examples are people's pastes,
 * masked but not anonymous. An existing file is kept unless `force`.
 */
export async function exportCases(
  report: ReviewReport,
  file: string,
  force: boolean,
): Promise<ExportOutcome> {
  const cases = report.templates.flatMap((t) =>
    t.example === undefined
      ? []
      : [JSON.stringify({ text: t.example, via: t.exampleVia ?? 'channel', expect: [] })],
  );
  try {
    await writeFile(file, cases.map((c) => `${c}\n`).join(''), {
      mode: 0o600,
      flag: force ? 'w' : 'wx',
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    return code === 'EEXIST'
      ? { written: false, reason: 'exists' }
      : { written: false, reason: 'unwritable', code };
  }
  return { written: true, cases: cases.length };
}
