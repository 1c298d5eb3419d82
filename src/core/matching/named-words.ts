import type { MatchIndex } from './match-index.js';
import { splitIdentifier, toTerm } from './tokens.js';

/**
 * Reading a provider's own words by the catalogue's `wordsInCodes`: a code no entry lists
 * (`unauthorized_scope_error`), or a short error message a provider prints instead of a code
 * (`"message": "Invalid OAuth token"`), names the entry whose words it holds beside a failure word.
 */

/** Words that say something failed (`unauthorized_scope_error`, "refresh token is invalid"). */
const FAILURE_WORD =
  /^(?:invalid|expired?|bad|incorrect|unauthori[sz]ed|missing|revoked|rejected|failed|mismatch(?:ed)?|wrong|unknown|insufficient|inactive|not|malformed)$/i;

/**
 * The entries whose `wordsInCodes` a code holds (all of one item's words, the most words wins), when
 * the code has a failure word in it; none otherwise (`refresh_token` is a field name, not an error).
 */
export function namedByCode(token: string, index: MatchIndex): number[] {
  if (index.wordsInCodes.length === 0) return [];
  const parts = splitIdentifier(token);
  if (parts.length < 2 || !parts.some((p) => FAILURE_WORD.test(p))) return [];
  const held = new Set(parts.flatMap((p) => toTerm(p) ?? []));
  return mostWords(index, (terms) => terms.every((t) => held.has(t)));
}

/** A short value of an error body's message field: what the provider printed instead of a code. */
const MESSAGE_FIELD =
  /\\?["'](?:message|error|error_description|errorMessage|error_message|detail|description|reason)\\?["']\s*:\s*\\?["']([^"'\\\n]{3,80})\\?["']/gi;
/**
 * A validation error object (GitHub's and Strava's APIs): the resource and field it names and a
 * code saying what is wrong (`{"resource":"RefreshToken","field":"refresh_token","code":"invalid"}`).
 */
const VALIDATION_ERROR =
  /["']resource["']\s*:\s*["'](\w*)["']\s*,\s*["']field["']\s*:\s*["'](\w*)["']\s*,\s*["']code["']\s*:\s*["'](\w+)["']/gi;
/** Messages longer than this are explanations, not a provider's name for the error. */
const MAX_MESSAGE_WORDS = 8;
/** How far a failure word may stand before the entry's words, and after them ("… is not valid"). */
const BEFORE = 3;
const AFTER = 3;

/** A short error message in an error body, and the entries it names by their `wordsInCodes`. */
export interface NamedMessage {
  readonly message: string;
  readonly entries: readonly number[];
}

/**
 * Short error messages (`"message": "Invalid refresh token"`, a validation error object) whose
 * failure word stands beside one item of an entry's `wordsInCodes`, with the entries they name.
 */
export function namedByMessages(text: string, index: MatchIndex): NamedMessage[] {
  if (index.wordsInCodes.length === 0 || !/["']/.test(text)) return [];
  const values = [
    ...[...text.matchAll(MESSAGE_FIELD)].map((m) => m[1] ?? ''),
    ...[...text.matchAll(VALIDATION_ERROR)].map((m) => `${m[1] ?? ''} ${m[2] ?? ''} ${m[3] ?? ''}`),
  ];
  const out: NamedMessage[] = [];
  for (const message of new Set(values)) {
    const words = message
      .split(/[^\p{L}\p{N}_]+/u)
      .flatMap((w) => (w === '' ? [] : splitIdentifier(w)));
    if (words.length < 2 || words.length > MAX_MESSAGE_WORDS) continue;
    const failures = words.flatMap((w, i) => (FAILURE_WORD.test(w) ? [i] : []));
    if (failures.length === 0) continue;
    const sequence = words.map((w) => toTerm(w) ?? '');
    const entries = mostWords(index, (terms) => standsBesideFailure(terms, sequence, failures));
    if (entries.length > 0) out.push({ message: message.trim(), entries });
  }
  return out;
}

/** The item's words stand together in the message, with a failure word just before or after them. */
function standsBesideFailure(
  terms: readonly string[],
  sequence: readonly string[],
  failures: readonly number[],
): boolean {
  for (let i = 0; i + terms.length <= sequence.length; i++) {
    if (!terms.every((t, k) => sequence[i + k] === t)) continue;
    const end = i + terms.length - 1;
    if (failures.some((f) => (f < i && f >= i - BEFORE) || (f > end && f <= end + AFTER)))
      return true;
  }
  return false;
}

/** The entries of the `wordsInCodes` items that `holds` accepts with the most words. */
function mostWords(index: MatchIndex, holds: (terms: readonly string[]) => boolean): number[] {
  let most = 0;
  let named: number[] = [];
  for (const { entry, terms } of index.wordsInCodes) {
    if (terms.length < most || !holds(terms)) continue;
    if (terms.length > most) {
      most = terms.length;
      named = [];
    }
    if (!named.includes(entry)) named.push(entry);
  }
  return named;
}
