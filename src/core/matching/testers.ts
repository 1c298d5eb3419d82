import { literalGrams, markGrams, mayHold, type TextGrams } from './text-grams.js';

/*
 * The register's patterns as it tests a paste: each may sit behind a pre-check of the literals
 * its every match holds, read in the paste's grams (text-grams.ts) or as plain strings.
 */

/**
 * Tests a text, given the grams of the paste it was read from (the paste itself, its prose, a
 * sentence of it): see text-grams.ts.
 */
export interface Tester {
  test(text: string, grams: TextGrams): boolean;
}

/** A tester that needs no grams (a `Tester` too): for callers without the paste's grams. */
export interface TextTester {
  /** `lower`: the text lower-cased, when the caller already has it (one copy for many tests). */
  test(text: string, lower?: string): boolean;
}

/** A rule read by `test` alone: a pattern, or patterns each run only where it can match. */
export type TestRule = readonly [name: string, pattern: Tester];

/** Any of the patterns: each scans the text on its own (one pattern's flags differ from another's). */
export function anyOf(...patterns: readonly Tester[]): Tester {
  return { test: (text, grams) => patterns.some((p) => p.test(text, grams)) };
}

/**
 * `pattern`, scanned only in a text holding one of `literals` (in any case where the pattern reads
 * any case, so "BREAKING CHANGE" is found by "reaking"; a match always holds one): most texts have
 * none, and one scan for plain words (read as one pattern: a search per word scanned the text once
 * per word) costs half of trying the pattern at every position. Before that scan, the paste's grams
 * rule out the literals it cannot hold (most pastes hold none: no scan at all).
 */
export function guarded(literals: readonly string[], pattern: RegExp): Tester {
  const words = new RegExp(
    literals.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    pattern.ignoreCase ? 'i' : '',
  );
  const grams = literals.map(literalGrams);
  return {
    test: (text, held) =>
      grams.some((g) => mayHold(held, g)) && words.test(text) && pattern.test(text),
  };
}

/**
 * Whether a text holds one of `literals` (plain ASCII, lower case) in any case: the pre-check of a
 * case-insensitive pattern every match of which holds one. Such a pattern (no `u` flag) folds ASCII
 * letters only among themselves, so a match's literal is in the lower-cased text; a non-ASCII
 * letter lower-cased to ASCII can only make the check pass more often, never less. Plain searches,
 * with nothing compiled or derived up front: the pattern itself is compiled at its first scan.
 */
export function holdingFolded(literals: readonly string[]): TextTester {
  return {
    test: (text, lower = text.toLowerCase()) => literals.some((l) => lower.includes(l)),
  };
}

/** `pattern` (case-insensitive), scanned only in a text `holdingFolded` one of `literals`. */
export function foldGuarded(literals: readonly string[], pattern: RegExp): TextTester {
  const held = holdingFolded(literals);
  return { test: (text, lower) => held.test(text, lower) && pattern.test(text) };
}

/**
 * What every match of a pattern holds: one of `marks` as written, or one of `words` in any case.
 * Stated per pattern from its alternatives (each names one of them), so a paste that holds none is
 * passed over without a scan: `marks` are looked for as plain strings, `words` in the paste's grams.
 */
export interface Held {
  readonly marks?: readonly string[];
  readonly words?: readonly string[];
}

export function heldBy(held: Held, pattern: Tester): Tester {
  const marks = held.marks ?? [];
  // A mark is looked for in the text only where the paste's grams may hold it.
  const marked = marks.map(markGrams);
  const words = (held.words ?? []).map(literalGrams);
  return {
    test: (text, grams) =>
      (marks.some((m, k) => mayHold(grams, marked[k] ?? []) && text.includes(m)) ||
        words.some((w) => mayHold(grams, w))) &&
      pattern.test(text, grams),
  };
}

/**
 * The tester, remembering its answer for the last text: the condition rule and the first-person
 * report read the same prose.
 */
export function rememberLast(tester: Tester): Tester {
  let last: string | undefined;
  let answer = false;
  return {
    test: (text, grams) => {
      if (text !== last) {
        answer = tester.test(text, grams);
        last = text;
      }
      return answer;
    },
  };
}

/** The names of the rules whose pattern the text matches, in order. */
export function matching(rules: readonly TestRule[], text: string, grams: TextGrams): string[] {
  return rules.flatMap(([name, pattern]) => (pattern.test(text, grams) ? [name] : []));
}
