import type { CodeHit } from './code-hit.js';
import { looseKey } from './code-search.js';
import { fuzzyCode, looksLikeCode } from './fuzzy-code.js';
import type { MatchIndex } from './match-index.js';
import { namedByCode } from './named-words.js';
import { IN_CODE_FAILURE } from './read-token.js';
import type { Signals } from './signals.js';
import { splitIdentifier } from './tokens.js';

const MAX_FUZZY_CODES = 3;

export function findCodes(
  signals: Signals,
  index: MatchIndex,
  fuzzyAll: boolean,
  foreign: string[],
): CodeHit[] {
  const hits: CodeHit[] = [];
  let fuzzyLookups = 0;
  for (const { token, inErrorField, inCategoryField, negated } of signals.codeTokens) {
    // A code named as what the error is not is no reading of the error.
    if (negated === true) continue;
    const exact = index.codes.get(token.toLowerCase());
    const loose =
      exact === undefined
        ? index.looseCodes.get(looseKey(token))?.filter((r) => sameShape(r.code, token))
        : undefined;
    const refs = exact ?? (loose !== undefined && loose.length > 0 ? loose : undefined);
    if (refs !== undefined) {
      // A code given as the category of the error says less than the error's own explanation.
      const factor = (exact === undefined ? 0.85 : 1) * (inCategoryField === true ? 0.3 : 1);
      for (const r of refs)
        hits.push({
          entry: r.entry,
          code: r.code,
          strength: r.strength * factor,
          inErrorField,
          vendorUnique: r.vendorUnique,
          ...(exact === undefined && otherShape(r.code, token) ? { asWords: true } : {}),
        });
      continue;
    }
    let fuzzy: CodeHit[] = [];
    if (fuzzyLookups < MAX_FUZZY_CODES && (fuzzyAll || inErrorField) && looksLikeCode(token)) {
      fuzzyLookups++;
      fuzzy = fuzzyCode(token, inErrorField, index);
      hits.push(...fuzzy);
    }
    if (fuzzy.length > 0 || !CODE_SHAPE.test(token)) continue;
    const named = unlistedCode(token, inErrorField, index);
    if (named.length > 0) hits.push(...named);
    // A vendor's own product name (`SuiteTalk`) is CamelCase too, and no code.
    else if (inErrorField && !vendorWord(token, index) && namesAFailure(token)) foreign.push(token);
  }
  return hits;
}

/**
 * A code says what failed (S3's `AccessDenied`, `unsupported_token_type`); a field name
 * (`grant_type`), a package (`simple_salesforce`) or an exception class (`HttpError`,
 * `PlatformException`) in an error field does not, and is no code of another system.
 */
function namesAFailure(token: string): boolean {
  return splitIdentifier(token).some((w) => IN_CODE_FAILURE.test(w) && !CLASS_SUFFIX.test(w));
}

/** The last word of an exception class's name. */
const CLASS_SUFFIX = /^(?:error|exception)$/i;

function vendorWord(token: string, index: MatchIndex): boolean {
  const lower = token.toLowerCase();
  return index.vendors.some((v) => v.words.some((w) => w.name.toLowerCase() === lower));
}

/** A code no entry lists, read by its words: weaker than a listed code, stronger where an error field holds it. */
const UNLISTED_STRENGTH = 0.6;
const UNLISTED_FIELD_STRENGTH = 0.8;

/**
 * A provider's own code that no entry lists, read as the entries whose `wordsInCodes` it holds
 * (named-words.ts): LinkedIn's `unauthorized_scope_error` is `invalid_scope`.
 */
function unlistedCode(token: string, inErrorField: boolean, index: MatchIndex): CodeHit[] {
  const strength = inErrorField ? UNLISTED_FIELD_STRENGTH : UNLISTED_STRENGTH;
  return namedByCode(token, index).map((entry) => ({
    entry,
    code: token,
    strength,
    inErrorField,
    vendorUnique: false,
    label: `code ${token} (not listed; its words name this failure)`,
  }));
}

/**
 * `invalid-grant` or `INVALID_GRANT` is a spelling of `invalid_grant`; `AccessDenied` (an S3 error)
 * is not `access_denied`. CamelCase codes accept any case or separators.
 */
function sameShape(code: string, token: string): boolean {
  return !code.includes('_') || /[_-]/.test(token);
}

/** CamelCase with two or more humps, snake_case or UPPER_SNAKE: a code, in an error field. */
const CODE_SHAPE =
  /^(?:[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+|[a-z]+(?:_[a-z0-9]+)+|[A-Z]+(?:_[A-Z0-9]+)+)$/;

/**
 * `token_expired` for NetSuite's `TokenExpired`: a CamelCase code written in snake or kebab case is
 * the code's words in another provider's spelling (oauthlib's `(token_expired)`), not the code.
 */
function otherShape(code: string, token: string): boolean {
  return !/[_-]/.test(code) && /[_-]/.test(token);
}
