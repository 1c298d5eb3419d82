import { escapedFormsPattern, MIN_SECRET_LENGTH, runForms, travelForms } from './encodings.js';

export const MASK = '••••';
/** A run this long of a secret's characters, left after scrubbing, is masked too. */
export const MIN_RUN = 8;

/**
 * Removes every value a check must never show from text a server wrote. `scrub` replaces each value
 * in every encoding it may come back in; `mask` also masks any run of `MIN_RUN` or more of a
 * value's characters that is left (a server that quotes only part of a secret, a cut excerpt).
 */
export class SecretScrubber {
  readonly #values = new Set<string>();
  #pattern: RegExp | null = null;
  #grams: Set<string> | null = null;

  add(values: Iterable<string | undefined>): void {
    for (const v of values) {
      if (v === undefined || v.length < MIN_SECRET_LENGTH || this.#values.has(v)) continue;
      this.#values.add(v);
      this.#pattern = null;
      this.#grams = null;
    }
  }

  scrub(text: string): string {
    if (this.#values.size === 0 || text === '') return text;
    return text.replace(this.#regex(), MASK);
  }

  mask(text: string): string {
    return maskRuns(this.scrub(text), this.#runGrams());
  }

  #regex(): RegExp {
    if (this.#pattern !== null) return this.#pattern;
    // Longest first, so a value inside a longer one (a token inside its header) masks fully.
    const values = new Set(this.#values);
    const literals = [...new Set([...values].flatMap(travelForms))]
      .filter((l) => l.length >= MIN_SECRET_LENGTH)
      .sort((a, b) => b.length - a.length);
    const pattern = literals.map((l) => escapedFormsPattern(l, values.has(l))).join('|');
    this.#pattern = new RegExp(pattern, 'g');
    return this.#pattern;
  }

  #runGrams(): Set<string> {
    if (this.#grams !== null) return this.#grams;
    const grams = new Set<string>();
    for (const form of [...this.#values].flatMap(runForms))
      for (let i = 0; i + MIN_RUN <= form.length; i++) grams.add(form.slice(i, i + MIN_RUN));
    this.#grams = grams;
    return grams;
  }
}

/** Masks every stretch of `text` covered by windows that appear in `grams`. */
export function maskRuns(text: string, grams: ReadonlySet<string>): string {
  if (grams.size === 0 || text.length < MIN_RUN) return text;
  let out = '';
  let copied = 0;
  let coveredTo = -1;
  let start = -1;
  for (let i = 0; i + MIN_RUN <= text.length; i++) {
    if (!grams.has(text.slice(i, i + MIN_RUN))) continue;
    if (i > coveredTo) {
      if (start >= 0) {
        out += text.slice(copied, start) + MASK;
        copied = coveredTo;
      }
      start = i;
    }
    coveredTo = i + MIN_RUN;
  }
  if (start >= 0) {
    out += text.slice(copied, start) + MASK;
    copied = coveredTo;
  }
  return out + text.slice(copied);
}
