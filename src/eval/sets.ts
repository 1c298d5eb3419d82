import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type Split = 'tune' | 'test';

/** One labelled file to evaluate; `split` marks the real-text corpus. */
export interface EvalFile {
  readonly path: string;
  readonly split?: Split;
}

/** The sets written for the matcher; dev.jsonl lives beside the repository and may be absent. */
export const FIXED_SETS = [
  '../shared/eval/dev.jsonl',
  'test/eval/labelled.jsonl',
  'test/eval/holdout.jsonl',
] as const;

const REAL_DIR = 'test/eval/real';

const SPLIT_FILE = /\.(tune|test)\.jsonl$/;

/** The split a real-corpus file belongs to, from its name (`vendor.tune.jsonl`). */
export function splitOf(path: string): Split | undefined {
  const m = SPLIT_FILE.exec(path);
  return m?.[1] === 'tune' || m?.[1] === 'test' ? m[1] : undefined;
}

/** Every `*.<split>.jsonl` under the real-corpus folder, sorted; none when it does not exist. */
export function realFiles(split: Split, dir = REAL_DIR): EvalFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => splitOf(name) === split)
    .sort()
    .map((name) => ({ path: join(dir, name), split }));
}

export interface Selection {
  readonly files: readonly EvalFile[];
  /** Sets left out and why (dev.jsonl absent, no real corpus yet). */
  readonly notes: readonly string[];
}

/**
 * What `npm run eval` reads. Default: the fixed sets and the real tune split. `--split test` reads
 * only the real test split, which is kept for the final measurement. Named files are read as given,
 * except that a test-split file is refused unless the test split was asked for.
 */
export function selectFiles(named: readonly string[], split: Split, realDir = REAL_DIR): Selection {
  if (named.length > 0) {
    const refused = named.find((p) => splitOf(p) === 'test' && split !== 'test');
    if (refused !== undefined) {
      throw new Error(`${refused} is in the test split: read it only with --split test`);
    }
    return {
      files: named.map((path) => {
        const s = splitOf(path);
        return s === undefined ? { path } : { path, split: s };
      }),
      notes: [],
    };
  }
  const notes: string[] = [];
  const real = realFiles(split, realDir);
  if (real.length === 0) notes.push(`no ${realDir}/*.${split}.jsonl yet`);
  if (split === 'test') return { files: real, notes };
  const fixed = FIXED_SETS.filter((p) => {
    if (existsSync(p)) return true;
    notes.push(`${p} is absent: skipped`);
    return false;
  }).map((path) => ({ path }));
  return { files: [...fixed, ...real], notes };
}
