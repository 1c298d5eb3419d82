/**
 * Typo tolerance for single words: the vocabulary words one edit (insert, delete, substitute,
 * adjacent swap) away from a query word. For the lengths looked up here (a query word of at least
 * four letters), one edit leaves the first two or the last two letters in place, so candidates
 * come from buckets keyed by length and first two letters or length and last two letters (a few
 * words each, even for a large catalogue), each checked in O(length) without building strings.
 * The buckets are built on the first lookup of an unknown word (a process that never needs them
 * never pays), or come worked out ahead with the index (`typoBuckets`, in the knowledge snapshot).
 */
/** What the index reads of its vocabulary: membership, and the words once to bucket them. */
type Vocabulary = Pick<ReadonlySet<string>, 'has' | 'keys'>;

/**
 * The buckets as plain data: bucket keys in ascending order, `ends[i]` where bucket i's words end in
 * `words`, and the words as positions in the vocabulary's order (ascending within a bucket, the
 * order the buckets would be filled in).
 */
export interface TypoBuckets {
  readonly keys: readonly number[];
  readonly ends: readonly number[];
  readonly words: readonly number[];
}

/** The buckets of a vocabulary (its words in order), as `TypoIndex` would build them. */
export function typoBuckets(vocabulary: Iterable<string>): TypoBuckets {
  const buckets = fillBuckets(vocabulary, (_, i) => i);
  const keys = [...buckets.keys()].sort((a, b) => a - b);
  const words: number[] = [];
  const ends = keys.map((key) => {
    words.push(...(buckets.get(key) ?? []));
    return words.length;
  });
  return { keys, ends, words };
}

/**
 * Precomputed buckets, read in place: a binary search for the key, no map built up front; a bucket
 * read once is kept, so a long-running process looks each one up in a map afterwards.
 */
class StoredBuckets {
  readonly #keys: Int32Array;
  readonly #ends: Int32Array;
  readonly #words: Int32Array;
  readonly #vocab: Vocabulary;
  readonly #read = new Map<number, string[] | null>();
  #byPosition: readonly string[] | undefined;

  constructor(data: TypoBuckets, vocab: Vocabulary) {
    this.#keys = Int32Array.from(data.keys);
    this.#ends = Int32Array.from(data.ends);
    this.#words = Int32Array.from(data.words);
    this.#vocab = vocab;
  }

  get(key: number): string[] | undefined {
    const read = this.#read.get(key);
    if (read !== undefined) return read ?? undefined;
    const bucket = this.#find(key);
    this.#read.set(key, bucket ?? null);
    return bucket;
  }

  #find(key: number): string[] | undefined {
    const keys = this.#keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid] ?? 0;
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else {
        const byPosition = (this.#byPosition ??= [...this.#vocab.keys()]);
        const out: string[] = [];
        for (let w = mid === 0 ? 0 : (this.#ends[mid - 1] ?? 0); w < (this.#ends[mid] ?? 0); w++)
          out.push(byPosition[this.#words[w] ?? 0] ?? '');
        return out;
      }
    }
    return undefined;
  }
}

export class TypoIndex {
  readonly #vocab: Vocabulary;
  readonly #minLength: number;
  #buckets: Pick<Map<number, string[]>, 'get'> | undefined;

  /**
   * Words shorter than `minLength` are offered only as the query word less one letter. A map's
   * keys are the vocabulary as they stand (the match index passes its word → term map, not a copy).
   */
  constructor(
    vocab: Iterable<string> | ReadonlyMap<string, unknown>,
    buckets?: TypoBuckets,
    minLength = 5,
  ) {
    this.#vocab = vocab instanceof Map ? vocab : new Set(vocab as Iterable<string>);
    this.#minLength = minLength;
    if (buckets !== undefined) this.#buckets = new StoredBuckets(buckets, this.#vocab);
  }

  has(term: string): boolean {
    return this.#vocab.has(term);
  }

  /** Vocabulary words one edit away from `word` (itself when known). */
  candidates(word: string): string[] {
    if (this.#vocab.has(word)) return [word];
    const n = word.length;
    // Shorter words are too easily one edit from another to correct (and break the bucket rule).
    if (n < 4) return [];
    const buckets = this.#index();
    const found = new Set<string>();
    for (let length = n - 1; length <= n + 1; length++) {
      for (const key of [headKey(length, word), tailKey(length, word)]) {
        for (const t of buckets.get(key) ?? []) {
          const ok =
            t.length >= this.#minLength
              ? withinOneEdit(word, t)
              : t.length === n - 1 && withinOneEdit(word, t);
          if (ok) found.add(t);
        }
      }
    }
    return [...found];
  }

  /** The vocabulary word one edit away from `word`, if exactly one is. */
  correct(word: string): string | undefined {
    const found = this.candidates(word);
    return found.length === 1 ? found[0] : undefined;
  }

  #index(): Pick<Map<number, string[]>, 'get'> {
    return (this.#buckets ??= fillBuckets(this.#vocab.keys(), (term) => term));
  }
}

/**
 * Each vocabulary word of three letters or more under its head and tail keys, as `value` gives it
 * (the word, or its position in the vocabulary's order), in vocabulary order within a bucket.
 */
function fillBuckets<T>(
  vocabulary: Iterable<string>,
  value: (term: string, position: number) => T,
): Map<number, T[]> {
  const buckets = new Map<number, T[]>();
  let i = 0;
  for (const term of vocabulary) {
    if (term.length >= 3) {
      const v = value(term, i);
      for (const key of [headKey(term.length, term), tailKey(term.length, term)]) {
        const list = buckets.get(key);
        if (list === undefined) buckets.set(key, [v]);
        else list.push(v);
      }
    }
    i++;
  }
  return buckets;
}

// Keys are small integers (length, head or tail, and a hash of two letters), so building the
// buckets allocates no strings; a rare hash collision only adds a word that the check then drops.
function key(length: number, side: number, a: number, b: number): number {
  return ((length * 2 + side) << 20) | ((a * 1031 + b) & 0xfffff);
}

function headKey(length: number, word: string): number {
  return key(length, 0, word.charCodeAt(0), word.charCodeAt(1));
}

function tailKey(length: number, word: string): number {
  return key(length, 1, word.charCodeAt(word.length - 2), word.charCodeAt(word.length - 1));
}

/** True when `a` and `b` differ by at most one insert, delete, substitution or adjacent swap. */
function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (i === la || sameFrom(a, i + 1, b, i + 1)) return true;
    return (
      i + 1 < la &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      sameFrom(a, i + 2, b, i + 2)
    );
  }
  return la > lb ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

/** `a` from `i` equals `b` from `j` (the rests have equal length). */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (let k = 0; i + k < a.length; k++) {
    if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  }
  return true;
}
