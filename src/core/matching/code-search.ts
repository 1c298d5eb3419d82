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
