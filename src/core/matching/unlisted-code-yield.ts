import { looseKey } from './code-search.js';
import type { MatchIndex } from './match-index.js';
import type { Query } from './query.js';
import { capScores, type Refinable } from './refine.js';
import type { CodeToken } from './signals.js';
import { showsVendorCode } from './vendors.js';

/** A reading this far behind the printed code's entry is clearly the lesser one. */
const YIELD = 0.35;

/**
 * A vendor's own code that no entry lists (Entra's `AADSTS9002327`), printed beside a protocol code
 * (`"error":"invalid_request"`): the provider chose that protocol code for its failure, so the
 * answer is an entry owning the printed code (or one the vendor's code surfaces as). Another
 * vendor entry whose message shares words with the unlisted code's sentence, or an OAuth entry
 * for a code the text does not print, is a guess the printed code contradicts: it ranks below the
 * best entry the printed code names. Where the text also holds a listed vendor code, that code is
 * read as usual. `scored` is sorted best first; so is the result.
 */
export function unlistedCodeYield<S extends Refinable>(
  scored: S[],
  query: Query,
  index: MatchIndex,
): S[] {
  const allowed = acceptedReadings(query.signals.codeTokens, index);
  if (allowed === undefined) return scored;
  let best = -Infinity;
  for (const s of scored) if (allowed.has(s.entry)) best = Math.max(best, s.score);
  if (best === -Infinity) return scored;
  return capScores(
    scored,
    scored.map((s) => (allowed.has(s.entry) ? Infinity : best - YIELD)),
  );
}

/**
 * The entries a text with only unlisted vendor codes may be read as: those owning a protocol code
 * it prints (in an error field where one holds such a code: "no longer `invalid_request` but
 * `ErrorCode: invalid_client`"), and those its vendor codes surface as. Undefined where the rule
 * does not hold: no vendor code, a listed one, or no printed code.
 */
function acceptedReadings(
  tokens: readonly CodeToken[],
  index: MatchIndex,
): Set<number> | undefined {
  const vendorCodes = tokens.filter((t) => vendorShaped(t.token, index));
  if (vendorCodes.length === 0) return undefined;
  const surfaced = new Set<number>();
  for (const { token } of vendorCodes) {
    for (const r of index.codes.get(token.toLowerCase()) ?? []) {
      if (r.strength >= 1) return undefined;
      surfaced.add(r.entry);
    }
  }
  const printed = tokens.filter(
    (t) => t.negated !== true && t.inCategoryField !== true && ownersOf(t.token, index).length > 0,
  );
  if (printed.length === 0) return undefined;
  const inField = printed.filter((t) => t.inErrorField);
  const owners = (inField.length > 0 ? inField : printed).flatMap((t) => ownersOf(t.token, index));
  return new Set([...owners, ...surfaced]);
}

/** Loops, not nested `some`: this runs for every word of a paste, and two closures each cost more. */
function vendorShaped(token: string, index: MatchIndex): boolean {
  for (const v of index.vendors) if (showsVendorCode(v, token)) return true;
  return false;
}

/** The entries listing the token as their own code, as written or spelt with other separators. */
function ownersOf(token: string, index: MatchIndex): number[] {
  const refs =
    index.codes.get(token.toLowerCase()) ??
    index.looseCodes
      .get(looseKey(token))
      // `invalid-grant` spells `invalid_grant`; `AccessDenied` does not (as code-tokens.ts reads).
      ?.filter((r) => !r.code.includes('_') || /[_-]/.test(token));
  return (refs ?? []).flatMap((r) => (r.strength >= 1 ? [r.entry] : []));
}
