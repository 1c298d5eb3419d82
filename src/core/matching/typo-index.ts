/**
 * Typo tolerance for single words: the vocabulary words one edit (insert, delete, substitute,
 * adjacent swap) away from a query word. For the lengths looked up here (a query word of at least
 * four letters), one edit leaves the first two or the last two letters in place, so candidates
 * come from buckets keyed by length and first two letters or length and last two letters (a few
 * words each, even for a large catalogue), each checked in O(length) without building strings.
 * The buckets are built on the first lookup of an unknown word: a process that never needs them
 * never pays.
 */
/** What the index reads of its vocabulary: membership, and the words once to bucket them. */
type Vocabulary = Pick<ReadonlySet<string>, 'has' | 'keys'>;

export class TypoIndex {
  readonly #vocab: Vocabulary;
  readonly #minLength: number;
  #buckets: Map<number, string[]> | undefined;

  /**
   * Words shorter than `minLength` are offered only as the query word less one letter. A map's
   * keys are the vocabulary as they stand (the match index passes its word → term map, not a copy).
   */
  constructor(vocab: Iterable<string> | ReadonlyMap<string, unknown>, minLength = 5) {
    this.#vocab = vocab instanceof Map ? vocab : new Set(vocab as Iterable<string>);
    this.#minLength = minLength;
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

  #index(): Map<number, string[]> {
    if (this.#buckets !== undefined) return this.#buckets;
    const buckets = new Map<number, string[]>();
    const add = (key: number, term: string): void => {
      const list = buckets.get(key);
      if (list === undefined) buckets.set(key, [term]);
      else list.push(term);
    };
    for (const term of this.#vocab.keys()) {
      if (term.length < 3) continue;
      add(headKey(term.length, term), term);
      add(tailKey(term.length, term), term);
    }
    this.#buckets = buckets;
    return buckets;
  }
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
