import { escapedFormsPattern, MIN_SECRET_LENGTH, runForms, travelForms } from './encodings.js';

export const MASK = '••••';
/** A run this long of a secret's characters, left after scrubbing, is masked too. */
const MIN_RUN = 8;

/**
 * Removes every value a check must never show from text a server wrote. `scrub` replaces each value
 * in every encoding it may come back in; `mask` also masks any run of `MIN_RUN` or more of a
 * value's characters that is left (a server that quotes only part of a secret, a cut excerpt).
 */
export class SecretScrubber {
  readonly #values = new Set<string>();
  /** Values whose leftover runs are masked too: what the user gave and what was sent. */
  readonly #runValues = new Set<string>();
  #pattern: RegExp | null = null;
  #grams: Set<string> | null = null;

  /**
   * `runs` false for tokens a server issued: they are scrubbed whole, but masking their runs would
   * only hide ordinary text that happens to share eight characters with a random token.
   */
  add(values: Iterable<string | undefined>, runs = true): void {
    // A server may hand back a non-ASCII secret in the other Unicode normal form.
    const all = [...values].flatMap((v) =>
      v === undefined ? [] : [...new Set([v, v.normalize('NFC'), v.normalize('NFD')])],
    );
    for (const v of all) {
      if (v.length < MIN_SECRET_LENGTH) continue;
      if (!this.#values.has(v)) {
        this.#values.add(v);
        this.#pattern = null;
      }
      if (runs && !this.#runValues.has(v)) {
        this.#runValues.add(v);
        this.#grams = null;
      }
    }
  }

  scrub(text: string): string {
    if (this.#values.size === 0 || text === '') return text;
    const ranges: [number, number][] = [];
    for (const m of text.matchAll(this.#regex())) ranges.push([m.index, m.index + m[0].length]);
    return maskRanges(text, ranges);
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
    // Case-insensitive: a server that upper-cases what it quotes still quotes the secret, and a
    // random value matching another in all but case is too unlikely to hide anything else.
    this.#pattern = new RegExp(pattern, 'gi');
    return this.#pattern;
  }

  #runGrams(): Set<string> {
    if (this.#grams !== null) return this.#grams;
    const grams = new Set<string>();
    for (const form of [...this.#runValues].flatMap(runForms))
      for (let i = 0; i + MIN_RUN <= form.length; i++) {
        const gram = form.slice(i, i + MIN_RUN);
        grams.add(gram);
        grams.add(gram.toLowerCase());
      }
    this.#grams = grams;
    return grams;
  }
}

/** Masks every stretch of `text` covered by windows that appear in `grams`. */
function maskRuns(text: string, grams: ReadonlySet<string>): string {
  if (grams.size === 0 || text.length < MIN_RUN) return text;
  // Lower case only where it keeps every index (a few characters change length when lowered).
  const lowered = text.toLowerCase();
  const lower = lowered.length === text.length ? lowered : text;
  const ranges: [number, number][] = [];
  for (let i = 0; i + MIN_RUN <= text.length; i++) {
    if (!grams.has(lower.slice(i, i + MIN_RUN))) continue;
    const last = ranges.at(-1);
    if (last !== undefined && i <= last[1]) last[1] = i + MIN_RUN;
    else ranges.push([i, i + MIN_RUN]);
  }
  return maskRanges(text, ranges);
}

/**
 * Replaces each range (sorted, not overlapping) with the mask, widened so it never cuts an escape
 * (`\\x`, `\\uXXXX`) in half: the JSON or text around it must stay readable.
 */
function maskRanges(text: string, ranges: readonly (readonly [number, number])[]): string {
  let out = '';
  let copied = 0;
  for (const [from, to] of ranges) {
    const start = Math.max(escapeAround(text, from)?.[0] ?? from, copied);
    const end = escapeAround(text, to)?.[1] ?? to;
    if (start >= end) continue;
    out += text.slice(copied, start) + MASK;
    copied = Math.min(end, text.length);
  }
  return out + text.slice(copied);
}

/** The escape sequence that `index` falls strictly inside, as [start, end), if any. */
function escapeAround(text: string, index: number): [number, number] | null {
  for (let b = index - 1; b >= 0 && b >= index - 5; b--) {
    if (text[b] !== '\\' || !escaping(text, b)) continue;
    const end = b + (text[b + 1] === 'u' ? 6 : 2);
    return index < end ? [b, end] : null;
  }
  return null;
}

/** A backslash starts an escape when an odd number of backslashes ends at it. */
function escaping(text: string, at: number): boolean {
  let n = 0;
  while (at - n >= 0 && text[at - n] === '\\') n++;
  return n % 2 === 1;
}
