import type { CodeHit } from './code-hit.js';
import type { EntryRequest } from './entry-requests.js';
import type { RequestSide } from './failed-request.js';
import type { CodeRef } from './index-compile.js';
import type { MatchIndex } from './match-index.js';
import { quotedMessages } from './quotes.js';
import { byScore, OWN_CODE, reading, type Refinable, withScore } from './refine.js';
import { STATED_STRENGTH } from './stated-failures.js';

/** The resource server's refusal of an access token (RFC 6750 section 3.1). */
const API_REFUSAL = 'invalid_token';

/** How far a reading of the request that did not fail falls behind the best one of the request that did. */
const SIDE_YIELD = 0.1;

/**
 * A reading of the other request's failure yields: where the paste shows an API refusing its
 * access token, the token endpoint's and the authorization request's readings (`invalid_grant`'s
 * "The refresh token has expired" reached through "OAuth token has expired. … refresh your
 * existing token") give their place to the resource server's best reading and rank just below it;
 * where it shows a token request failing, the other way round. The words they were reached by
 * describe a failure, and the failed request says whose. Not a reading named by its own code or
 * one of its messages quoted whole (`flat`, see `flatText`): that is what the server answered,
 * whichever request it was. `scored` is sorted best first; so is the result.
 */
export function requestSideYield<S extends Refinable>(
  scored: S[],
  side: RequestSide | undefined,
  flat: string,
  index: MatchIndex,
): S[] {
  if (side === undefined) return scored;
  const of = index.requests;
  const first = scored.find((s) => of[s.entry] === side.request);
  if (first === undefined) return scored;
  const stated = statedReading(scored, side, first, index);
  const failed = stated ?? first;
  // An API's refusal is no failure of the requests that got the token (the authorization request
  // and the token request); a failed token request is no API's refusal. Where the words state the
  // failed request's code, its other readings give way to that code's too.
  const other = (request: EntryRequest | undefined): boolean =>
    (side.request === 'api' ? request === 'token' || request === 'authorize' : request === 'api') ||
    (stated !== undefined && request === side.request);
  const yields = (s: S): boolean =>
    s !== failed &&
    other(of[s.entry]) &&
    s.score > failed.score - SIDE_YIELD &&
    s.code < OWN_CODE &&
    !s.ownMessage &&
    quotedMessages(index.entries[s.entry], flat).length === 0;
  const yielding = new Set(scored.filter(yields));
  if (yielding.size === 0) return scored;
  // The failure the yielding readings were reached by is the failed request's: its reading takes
  // their place, and says which request the text shows failing.
  const lead = Math.max(failed.score, ...[...yielding].map((s) => s.score));
  const because = refusedAt(side);
  return scored
    .map((s) =>
      s === failed
        ? reading(s, { score: lead, why: s.why.includes(because) ? s.why : [...s.why, because] })
        : yielding.has(s)
          ? withScore(s, lead - SIDE_YIELD)
          : s,
    )
    .sort(byScore);
}

/** Which request the text shows failing, and the words that show it (for `why`). */
function refusedAt(side: RequestSide): string {
  return `${side.request === 'api' ? 'API call refused' : 'token request failed'}: "${side.seen}"`;
}

/**
 * What an API's refusal shown but not stated of its token ("Invalid API key or access token", a
 * Bearer request, "API error") counts for as `invalid_token`: far less than a failure stated in
 * words, enough to make the resource server's reading one of the candidates when no word of the
 * paste reached it, so the readings of the other requests can give way to it.
 */
const SHOWN_STRENGTH = 0.1;

/** How far below the failed request's best reading a reading of the code its words state may be and still lead. */
const STATED_REACH = 0.3;

/**
 * The vendor-neutral reading of the code the words state of the failed token request ("invalid
 * client ID" beside a refresh: the client's credentials refused, `invalid_client`), where it
 * scores within `STATED_REACH` of that request's best reading: the words say which of the token
 * endpoint's refusals it was, where the readings reached by the paste's other words ("refresh",
 * "grant type") only name the request. For an API call, only a refusal other than the token's
 * own (the scope stated short: `insufficient_scope` over `invalid_token`): a stated refusal of the
 * access token is what sends the client to refresh it, and the refresh's failure is the one reported.
 */
function statedReading<S extends Refinable>(
  scored: readonly S[],
  side: RequestSide,
  first: S,
  index: MatchIndex,
): S | undefined {
  const code = side.states;
  if (code === undefined || (side.request === 'api' && code === API_REFUSAL)) return undefined;
  const stated = new Set(neutralOf(code, index).map((r) => r.entry));
  const found = scored.find((s) => stated.has(s.entry));
  // The scope stated short outranks a refusal of the token read from a bare status or loose words:
  // it says why the API refused, where those only say that it did.
  const reach = side.request === 'api' ? Infinity : STATED_REACH;
  return found !== undefined && found.score > first.score - reach ? found : undefined;
}

/** The vendor-neutral entries that list `code`. */
function neutralOf(code: string, index: MatchIndex): readonly CodeRef[] {
  return (index.codes.get(code) ?? []).filter((r) => {
    const system = index.entries[r.entry]?.system;
    return system !== undefined && !index.vendorSystems.has(system);
  });
}

/**
 * The failure the paste states of the failed request's subject ("access token specified in …
 * rejected", "OAuth token has expired"), as a failure stated in words reads (stated-failures.ts):
 * the vendor-neutral entries of the code it states, where no hit in `found` names them already.
 * An API's refusal the paste only shows reads as the refusal of its token (`invalid_token`), by
 * far the weaker hit (`SHOWN_STRENGTH`). Read only where the text names no code.
 */
export function statedOfRequest(
  side: RequestSide | undefined,
  index: MatchIndex,
  found: readonly CodeHit[],
): CodeHit[] {
  if (side === undefined) return [];
  const code = side.states ?? (side.request === 'api' ? API_REFUSAL : undefined);
  if (code === undefined) return [];
  const strength = side.states === undefined ? SHOWN_STRENGTH : STATED_STRENGTH;
  const named = new Set(found.map((h) => h.entry));
  return neutralOf(code, index).flatMap((r) => {
    if (named.has(r.entry)) return [];
    return [
      {
        entry: r.entry,
        code: side.seen,
        strength: strength * r.strength,
        inErrorField: false,
        vendorUnique: false,
        label: side.states === undefined ? refusedAt(side) : `stated "${side.seen}"`,
      },
    ];
  });
}
