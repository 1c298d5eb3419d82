/**
 * Typo tolerance for single words: every vocabulary term is indexed under its one-letter deletions,
 * so a query word one edit away (insert, delete, substitute, adjacent swap) finds it in O(length).
 */
export class TypoIndex {
  readonly #vocab: ReadonlySet<string>;
  readonly #deletions = new Map<string, string[]>();

  constructor(vocab: Iterable<string>, minLength = 5) {
    this.#vocab = new Set(vocab);
    for (const term of this.#vocab) {
      if (term.length < minLength) continue;
      for (const key of deletions(term)) {
        const list = this.#deletions.get(key);
        if (list === undefined) this.#deletions.set(key, [term]);
        else if (!list.includes(term)) list.push(term);
      }
    }
  }

  has(term: string): boolean {
    return this.#vocab.has(term);
  }

  /** Vocabulary words one edit away from `word` (itself when known). */
  candidates(word: string): string[] {
    if (this.#vocab.has(word)) return [word];
    const candidates = new Set<string>();
    for (const t of this.#deletions.get(word) ?? []) candidates.add(t);
    for (const key of deletions(word)) {
      if (this.#vocab.has(key)) candidates.add(key);
      for (const t of this.#deletions.get(key) ?? []) candidates.add(t);
    }
    return [...candidates].filter((c) => Math.abs(c.length - word.length) <= 1);
  }

  /** The vocabulary word one edit away from `word`, if exactly one is. */
  correct(word: string): string | undefined {
    const found = this.candidates(word);
    return found.length === 1 ? found[0] : undefined;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
