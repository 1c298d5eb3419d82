import {
  bareStatusReadings,
  undecidedStatusReadings,
  withoutTokenEndpointMisreadings,
} from './bare-status.js';
import { findClaimRules } from './claim-hits.js';
import type { CodeHit } from './code-hit.js';
import { findCodes } from './code-tokens.js';
import { findCodeWords } from './code-words.js';
import { collectTerms } from './collect-terms.js';
import { joined } from './entry-lists.js';
import { eventLineRules } from './event-lines.js';
import type { MatchIndex } from './match-index.js';
import { messageRules } from './message-rules.js';
import { packagesIn } from './other-products.js';
import { flatText } from './quotes.js';
import { detectContexts, type ContextsSeen } from './refine.js';
import { statedOfRequest } from './request-yield.js';
import { extractSignals, type Signals } from './signals.js';
import { statedFailures } from './stated-failures.js';
import {
  codeShapesShown,
  detectVendors,
  vendorWordsAsRead,
  type VendorEvidence,
} from './vendor-evidence.js';

/**
 * A code hit at least this strong is a code the text names: a listed code, a CamelCase code written
 * as words, an unlisted code read by its words; not a snake_case code only written as words (0.55),
 * a code an entry merely surfaces as (0.45), a bare status or a failure stated in words.
 */
const NAMES_CODE = 0.6;

/** A paste reduced to what the scorer reads. */
export interface Query {
  readonly terms: ReadonlyMap<string, number>;
  /** The text in lower case with one space between words, for whole quotes (see `flatText`). */
  readonly flat: string;
  /** The same weights by term id (see `MatchIndex.termIds`), zero where absent. */
  readonly weights: Float64Array;
  /** The term ids set in `weights`. */
  readonly ids: readonly number[];
  /**
   * Term ids the text holds only inside field names and other identifiers without a failure word
   * (`grant_type`, `access_token`, `GrantType`) or as a body's keys (`"__type":`): a phrase needs
   * more of its words than these. A mask
   * by term id (1 where set), or undefined when there are none.
   */
  readonly fieldMask: Uint8Array | undefined;
  readonly signals: Signals;
  readonly codeHits: readonly CodeHit[];
  readonly vendors: ReadonlyMap<string, VendorEvidence>;
  /** Systems whose own code shape the text shows (`AADSTS700027`), listed in the catalogue or not. */
  readonly codeShapes: ReadonlySet<string>;
  /**
   * Installed libraries the paste's file paths show (`site-packages/examplebooks/`), lower case; not
   * the generic HTTP clients and web frameworks, which any product's integration is written with.
   */
  readonly packages: readonly string[];
  /** Code-shaped tokens in an error field that no entry knows (S3's `AccessDenied`). */
  readonly foreignCodes: readonly string[];
  /** The text reports a failure: an error status, a code, or failure words. */
  readonly failure: boolean;
  /** Contexts seen (by position in `index.refinements.contexts`), each with the text that showed it. */
  readonly contexts: ContextsSeen;
  /**
   * Entries whose code the provider's own explanation shows was used loosely (named-words.ts), each
   * with the entries the explanation names.
   */
  readonly explained: ReadonlyMap<number, readonly number[]>;
  /** Those codes as printed, lower case: not a second reading beside their explanation. */
  readonly explainedCodes: ReadonlySet<string>;
  /**
   * A bare 401 or 403 whose request the text does not name (bare-status.ts): one reading per request it
   * may have answered, read only where nothing else in the text reads it (`withUndecided`).
   */
  readonly undecided: readonly CodeHit[];
}

const SHORT_TEXT = 400;

/** Words that report something going wrong (English; other languages lean on codes and statuses). */
const FAILURE =
  /(?<!\b(?:no|not|nothing|zero|0|without|never)\s)\b(?:fail(?:s|ed|ing|ures?)?|errors?|exceptions?|reject(?:s|ed|ing)?|refus(?:es|ed|ing)|denied|invalid|unauthori[sz]ed|forbidden|expired|unable|broken|blocked|mismatch(?:ed)?|wrong|missing|stopped|revoked|inactive|disabled|insufficient|incorrect|unsupported|not (?:found|working|valid|allowed|accepted|enabled|ticked|checked)|(?:does|did|is|was)n['’]?t (?:have|include|allow|match|accept)|lacks?|lacking|(?:does|did|is|was)n['’]?t work(?:ing)?|no longer work(?:s|ing)?|can['’]?t|cannot|won['’]t)\b/i;

/**
 * Reads a paste into a query. `weights` is a zeroed buffer of `index.termIdf.length` the caller owns
 * (a diagnoser reuses one, so a large catalogue costs no allocation per paste); `clearQuery` zeroes it.
 * `pasted` is the paste before normalising, with its stack frames.
 */
export function buildQuery(
  text: string,
  index: MatchIndex,
  weights = new Float64Array(index.termIdf.length),
  pasted = text,
): Query {
  const signals = extractSignals(text);
  const { terms: queryTerms, sequence, camel, qualified, fields } = collectTerms(text, index);
  // Misspelt codes are looked for where people type codes: short messages and error fields.
  const fuzzy = text.length <= SHORT_TEXT;
  const foreignCodes: string[] = [];
  const literal = findCodes(signals, index, fuzzy, foreignCodes);
  // A code found as written is read as written (in a category field it says little): its words
  // are not read again as the code.
  // So is a code named as what the error is not ("not MissingKeyId").
  const written = new Set([
    ...literal.map((h) => h.code.toLowerCase()),
    ...signals.codeTokens.flatMap((t) => (t.negated === true ? [t.token.toLowerCase()] : [])),
  ]);
  const messages = messageRules(text, index, literal);
  const events = eventLineRules(text, index);
  // A token endpoint's 401 is not the resource server's refusal, whatever token its words name.
  const found = withoutTokenEndpointMisreadings(
    [
      ...literal,
      ...events.hits,
      ...findCodeWords(sequence, camel, qualified, index).filter(
        (h) => !written.has(h.code.toLowerCase()),
      ),
      ...findClaimRules(text, index),
      ...messages.hits,
    ],
    text,
    signals,
    index,
  );
  // A named code says more than a bare status or a failure put in words: those only stand in for one.
  const coded = found.some((h) => h.strength >= NAMES_CODE);
  for (const r of bareStatusReadings(text, signals, index, coded))
    found.push({ ...r, inErrorField: false, vendorUnique: false });
  if (!coded) {
    found.push(...statedFailures(text, index));
    found.push(...statedOfRequest(signals.failedRequest, index, found));
  }
  // Nothing read but a 401 or 403: its readings, one per request it may answer, kept aside.
  const undecided = undecidedStatusReadings(text, signals, index, found).map((r): CodeHit => ({
    ...r,
    inErrorField: false,
    vendorUnique: false,
  }));
  const vendors = detectVendors(text, signals, queryTerms, index, found);
  const codeShapes = new Set(codeShapesShown(text, index));
  const shown = new Set([...vendors.keys(), ...codeShapes]);
  const codeHits = found.flatMap((h) => vendorWordsAsRead(h, shown, index));
  const failure =
    [...signals.statuses].some((s) => s >= 400) ||
    codeHits.some((h) => h.strength >= NAMES_CODE) ||
    FAILURE.test(text);
  const ids: number[] = [];
  let fieldMask: Uint8Array | undefined;
  for (const [term, weight] of queryTerms) {
    const id = index.termIds.get(term);
    if (id === undefined) continue;
    weights[id] = weight;
    ids.push(id);
    if (fields.has(term)) {
      fieldMask ??= new Uint8Array(weights.length);
      fieldMask[id] = 1;
    }
  }
  return {
    terms: queryTerms,
    flat: flatText(text),
    weights,
    ids,
    fieldMask,
    signals,
    codeHits,
    vendors,
    codeShapes,
    packages: packagesIn(pasted),
    foreignCodes,
    failure,
    contexts: detectContexts(text, index.refinements.contexts),
    explained: joined(messages.explained, events.explained),
    explainedCodes: new Set([...messages.explainedCodes, ...events.explainedCodes]),
    undecided,
  };
}

/** The query with the readings of its bare status (`undecided`) read as code hits. */
export function withUndecided(query: Query): Query {
  return { ...query, codeHits: [...query.codeHits, ...query.undecided], undecided: [] };
}

/** Zeroes what `buildQuery` wrote into its weights buffer. */
export function clearQuery(query: Query): void {
  for (const id of query.ids) query.weights[id] = 0;
}
