import Fuse from 'fuse.js';

export function looseKey(code: string): string {
  return code.toLowerCase().replace(/[_\-\s.]/g, '');
}

/** Codes bucketed by first letter and length, so a misspelling is searched among few. */
export function codeBucket(first: string, length: number): string {
  return `${first.toLowerCase()}${String(length)}`;
}

const FUSE_OPTIONS = {
  threshold: 0.2,
  ignoreLocation: true,
  minMatchCharLength: 6,
  includeScore: true,
};

/**
 * fuse.js over the catalogue's codes, one searcher per bucket, each built on first use: most
 * pastes never look for a misspelt code, so a one-shot process does not pay for them.
 */
export class CodeSearch {
  readonly #buckets = new Map<string, string[]>();
  readonly #searchers = new Map<string, Fuse<string>>();

  constructor(codes: Iterable<string>) {
    for (const code of codes) {
      const key = codeBucket(code.charAt(0), code.length);
      const list = this.#buckets.get(key);
      if (list === undefined) this.#buckets.set(key, [code]);
      else list.push(code);
    }
  }

  /** Some code of one bucket passes `test` (fuse.js is not consulted). */
  some(bucket: string, test: (code: string) => boolean): boolean {
    return this.#buckets.get(bucket)?.some(test) ?? false;
  }

  /** The best code of one bucket for `token`, with fuse.js's score (0 = exact). */
  best(bucket: string, token: string): { item: string; score: number } | undefined {
    const list = this.#buckets.get(bucket);
    if (list === undefined) return undefined;
    let fuse = this.#searchers.get(bucket);
    if (fuse === undefined) {
      fuse = new Fuse(list, FUSE_OPTIONS);
      this.#searchers.set(bucket, fuse);
    }
    const hit = fuse.search(token, { limit: 1 })[0];
    return hit === undefined ? undefined : { item: hit.item, score: hit.score ?? 1 };
  }
}

/**
 * A typo changes a few letters; another code with a different word in it (SSS_USAGE_LIMIT_EXCEEDED
 * beside SSS_REQUEST_LIMIT_EXCEEDED) is not a misspelling, however close fuse.js scores it.
 * Case, `_` and `-` are not counted.
 */
export function fewEdits(a: string, b: string, max = 3): boolean {
  const x = looseKey(a);
  const y = looseKey(b);
  if (Math.abs(x.length - y.length) > max) return false;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      row.push(value);
      least = Math.min(least, value);
    }
    if (least > max) return false;
    previous = row;
  }
  return (previous[y.length] ?? max + 1) <= max;
}
