import type { Entry } from '../catalogue/catalogue.js';
import { KIND, type MatchIndex, type Phrase } from './match-index.js';
const PHRASE_CAP = 1;
const SECOND_WEIGHT = 0.3;
/** Term coverage at which a message is checked for a whole quote. */
const WHOLE = 0.85;
/** What a message's coverage counts for when its words are only scattered over the text. */
const SCATTERED = 0.8;
/** What a code's words count for as a phrase when the code itself is not in the text. */
const SCATTERED_CODE = 0.5;
/** What a phrase word the text holds only as a field name counts for beside its other words. */
const FIELD_SHARE = 0.5;

import { nearQuote } from './near-quote.js';
import type { Query } from './query.js';

export interface PhraseEvidence {
  /** The best phrase's value in [0, 1]: what was found, less what is missing. */
  readonly value: number;
  /**
   * The same with each word weighed by how informative it is (`MatchIndex.termInformation`), on the
   * same scale: below `value` where the text holds a phrase's common words and not its rare ones.
   */
  readonly informative: number;
  readonly phrase: Phrase | undefined;
  /** Coverage of the entry's best-covered verbatim message that names its vendor alone. */
  readonly distinctiveMessage: number;
  /** Coverage of the entry's best-covered message or code-as-words, of at least three terms. */
  readonly message: number;
}

const NONE: PhraseEvidence = {
  value: 0,
  informative: 0,
  phrase: undefined,
  distinctiveMessage: 0,
  message: 0,
};

/** Scores every phrase of one entry against the text's terms. */
export function phraseEvidence(ei: number, query: Query, index: MatchIndex): PhraseEvidence {
  const full = 1.6 * index.idfScale;
  const entry = index.entries[ei];
  let bestValue = 0;
  let bestPhrase: Phrase | undefined;
  let distinctiveMessage = 0;
  let message = 0;
  let second = 0;
  let bestInformative = 0;
  let secondInformative = 0;
  // The arrays the loops read, held in locals (the hot path of scoring).
  const { phraseIds, termIdf, phrases, phraseFrom, phraseTo, phraseMass, phraseKinds } = index;
  const { termInformation, phraseInformation } = index;
  const { weights, fieldMask } = query;
  for (const pi of index.entryPhrases[ei] ?? []) {
    const phraseMassOf = phraseMass[pi] ?? 0;
    if (phraseMassOf <= 0) continue;
    const from = phraseFrom[pi] ?? 0;
    const to = phraseTo[pi] ?? 0;
    let mass = 0;
    let information = 0;
    // The mass of the words the text holds only as field names (`grant_type`, `GrantType`).
    let fieldMass = 0;
    let fieldInformation = 0;
    for (let k = from; k < to; k++) {
      const id = phraseIds[k] ?? -1;
      const w = weights[id] ?? 0;
      if (w <= 0) continue;
      const m = (termIdf[id] ?? 0) * w;
      mass += m;
      const i = (termInformation[id] ?? 0) * w;
      information += i;
      // Most texts hold no word only as a field name: no phrase word is then looked up there.
      if (fieldMask?.[id] === 1) {
        fieldMass += m;
        fieldInformation += i;
      }
    }
    if (mass <= 0) continue;
    // The phrase itself is read only where its kind and mass (columns) are not enough.
    const phrase = phrases[pi];
    if (phrase === undefined) continue;
    const kind = phraseKinds[pi];
    // A phrase needs the words of what failed: its words the text holds only as field names
    // ("Unsupported grant_type" beside `grant_type=refresh_token`) count for less, and alone for
    // nothing, unless the message is quoted (its words stand together in the text). A code's and
    // a title's words name the entry itself and are read as they are (SCATTERED_CODE applies).
    if (
      fieldMass > 0 &&
      kind !== KIND.code &&
      kind !== KIND.title &&
      !quotedWhole(entry, phrase, mass, query)
    ) {
      if (fieldMass >= mass) continue;
      mass -= (1 - FIELD_SHARE) * fieldMass;
      information -= (1 - FIELD_SHARE) * fieldInformation;
    }
    const coverage = mass / phraseMassOf;
    if ((kind === KIND.message || kind === KIND.code) && to - from >= 3) {
      // Covered terms count as a quote only when the message's words also stand together.
      const quoted =
        coverage < WHOLE ||
        entry === undefined ||
        (kind === KIND.message
          ? nearQuote(entry, phrase.at, query.flat)
          : codeFound(entry, phrase.at, ei, query));
      const held = quoted ? coverage : Math.min(coverage, SCATTERED);
      message = Math.max(message, held);
      if (phrase.distinctive) distinctiveMessage = Math.max(distinctiveMessage, held);
    }
    // Quoted whole, a message only one system prints names that system, however few of its words
    // are terms ("The token could not be validated." is two); the quote itself is long enough.
    if (coverage >= WHOLE && phrase.quote !== undefined && query.flat.includes(phrase.quote))
      distinctiveMessage = Math.max(distinctiveMessage, 1);
    let value = valueOf(mass, phraseMassOf, full);
    // The phrase's informative share of its words, on the scale of its mass.
    const informationOf = phraseInformation[pi] ?? 0;
    let informative =
      informationOf > 0
        ? valueOf((information / informationOf) * phraseMassOf, phraseMassOf, full)
        : value;
    // The words of an RFC-style code used in passing ("401 Unauthorized … the client") do not write
    // the code; a vendor's CamelCase code is more telling word by word (see indexCodeWords).
    if (
      kind === KIND.code &&
      value > 0 &&
      phrase.snake &&
      !codeFound(entry, phrase.at, ei, query)
    ) {
      value *= SCATTERED_CODE;
      informative *= SCATTERED_CODE;
    }
    if (value > bestValue) {
      second = bestValue;
      bestValue = value;
      bestPhrase = phrase;
    } else if (value > second) second = value;
    if (informative > bestInformative) {
      secondInformative = bestInformative;
      bestInformative = informative;
    } else if (informative > secondInformative) secondInformative = informative;
  }
  if (bestPhrase === undefined && distinctiveMessage === 0 && message === 0) return NONE;
  // A second matching phrase is corroboration: it separates entries whose best phrases tie.
  return {
    value: bestValue + SECOND_WEIGHT * second,
    informative: bestInformative + SECOND_WEIGHT * secondInformative,
    phrase: bestPhrase,
    distinctiveMessage,
    message,
  };
}

/** A phrase's value for `mass` of its `phraseMass` found: what was found, less what is missing. */
function valueOf(mass: number, phraseMass: number, full: number): number {
  return Math.max(0, Math.min(PHRASE_CAP, mass / full) - (0.6 * (phraseMass - mass)) / full);
}

/** A message of three or more words covered well and standing together in the text. */
function quotedWhole(
  entry: Entry | undefined,
  phrase: Phrase,
  mass: number,
  query: Query,
): boolean {
  return (
    phrase.kind === 'message' &&
    entry !== undefined &&
    phrase.to - phrase.from >= 3 &&
    mass / phrase.mass >= WHOLE &&
    nearQuote(entry, phrase.at, query.flat)
  );
}

/**
 * The entry's code `at` is in the text: as written, in another spelling, misspelt, or as its words
 * standing together (`refresh token error`); see the code hits of code-tokens.ts. Its words scattered over
 * a report ("refreshing the token … error") are not the code.
 */
function codeFound(entry: Entry | undefined, at: number, ei: number, query: Query): boolean {
  const code = entry?.codes[at];
  return code !== undefined && query.codeHits.some((h) => h.entry === ei && h.code === code);
}

/** How much of the text's vocabulary the entry shares (its phrases, reason and steps). */
export function overlap(ei: number, query: Query, index: MatchIndex): number {
  let sum = 0;
  const { termIdf } = index;
  const weights = query.weights;
  for (const id of index.entryTermIds[ei] ?? []) {
    sum += (termIdf[id] ?? 0) * (weights[id] ?? 0);
  }
  return Math.min(1, sum / (2.5 * index.idfScale));
}
