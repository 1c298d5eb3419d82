import type { Entry } from '../catalogue/catalogue.js';
import { counterSignShown } from './counter-signs.js';
import {
  aboutAuthentication,
  kindAllowsUnasked,
  outputShowsEntry,
  quotesMessage,
  reportedWords,
} from './evidence.js';
import type { EntryRequest } from './entry-requests.js';
import type { Query } from './query.js';
import { flatText } from './quotes.js';
import { OWN_CODE } from './refine.js';
import type { Register } from './register.js';
import type { Scored } from './score.js';
import { STATED_STRENGTH } from './stated-failures.js';
import { splitIdentifier } from './tokens.js';
import type { DecisionCheck } from './types.js';
import { PLAIN_CODE_WORDS } from './vendor-evidence.js';

/** What the decision reads of the match index (match-index.ts). */
interface DecideIndex {
  readonly entries: readonly Entry[];
  /** Per entry, the request a vendor-neutral entry is the failure of (entry-requests.ts). */
  readonly requests: readonly (EntryRequest | undefined)[];
}

export interface Decision {
  readonly confident: boolean;
  /** One per ranked entry, in [0, 1]. */
  readonly confidences: readonly number[];
  /** With `explain`: every check the best reading failed (all are run, the gate too). */
  readonly held?: readonly DecisionCheck[];
}

/** Score at which the logistic confidence passes one half. */
const MIDPOINT = 2.0;
/** The least confidence shown for a reading confident enough to answer unasked. */
const CONFIDENT_FLOOR = 0.6;
/**
 * The most confidence shown for a reading whose text presents a credential it is not about
 * (`counterSigns`): asked, it is offered as the closest reading, not as the likelier one.
 */
const COUNTERED_CEILING = 0.45;
/** How far the best entry must stand above the best non-wrapper runner-up. */
const MIN_MARGIN = 0.3;
/**
 * A runner-up's phrase covered less than this (fewer than two of a three-word phrase's words, by
 * weight) is loose words, not its failure described: `unauthorized_client`'s message reached
 * through a request's `authorization_code`, `invalid_grant`'s "Invalid refresh token" through "get
 * my refresh token" in the prose. The tune figures are the same at 0.75.
 */
const LOOSE_PHRASE = 0.65;
/**
 * The least code evidence a first-person report needs to name its entry: a generic code written as
 * words or slightly misspelt ("invalid tokn", 0.55 before sharing) that up to three entries share.
 */
const NAMED_BY_POSTER = 0.45;
/**
 * The least code evidence by which an error body or status beside a 5xx shows the entry's failure
 * (`wrapsAuthFailure`): a failure stated in words, and so anything stronger — a bare status's
 * reading (0.5 before sharing: 0.41 for invalid_client, which four entries share, 0.5 for
 * invalid_grant), a code named in words or misspelt, a code. Intended: the 5xx text must still show
 * an error body or a status (`shown`), and the stated failure or the status beside the 5xx is what
 * its wrapped call failed with. Measured on every eval set: the figures are the same with this
 * floor at 0.4, 0.55, 0.8 or the code clause removed; the phrase clause carries four real
 * positives.
 */
const WRAPPED_CODE = STATED_STRENGTH;
/** The least phrase evidence by which such a body or status shows the entry's failure. */
const WRAPPED_PHRASE = 0.5;

/**
 * Whether to answer unasked. Decided from evidence, not from a raw score: the text must show that
 * its poster hit a failure, not be written about errors (`hitTheFailure`, the gate model of
 * gate.ts: a PR, docs, a spec, a diff, a feature request stay quiet); error output must carry the
 * entry's code, message or status; a failure of another kind (TLS, network, 5xx) needs the entry's
 * own code or message, and so does a text whose error field holds a code the catalogue does not
 * know (S3's `AccessDenied`); an entry that is not an authentication failure (`failure: server` or
 * `limit`) needs its own code; a text that never speaks of authentication needs the entry's code,
 * its vendor, a message of its own or its failure handed on as a system's answer; the best entry
 * needs an identifying code or quoted message, a well-covered phrase, or a status only it answers
 * with from its vendor's host; its vendor must not be contradicted; and it must stand clear of the
 * runner-up, unless it alone is quoted whole. With `explain`, every check runs once and the failed
 * ones are returned as `held`.
 */
export function decide(
  ranked: readonly Scored[],
  query: Query,
  index: DecideIndex,
  register: Register,
  hitTheFailure: () => boolean,
  explain = false,
): Decision {
  const { entries } = index;
  const [top] = ranked;
  if (top === undefined) return { confident: false, confidences: [] };
  // The best entry's failure handed on as a system's answer ("API says "Request failed: Invalid
  // refresh token""): read once, for the runner-up and for the evidence.
  const reported = reportedFailure(top, query);
  const rival = strongestRival(top, ranked, index, query, reported);
  const margin = top.score - (rival === undefined ? 0 : rivalScore(rival));
  const literal = query.codeHits.some((h) => h.entry === top.entry && h.strength >= 0.8);
  const entry = entries[top.entry];
  // The system's own message quoted whole, and not the runner-up's too: as decisive as its code.
  const quoted =
    quotesMessage(entry, query.flat) &&
    (rival === undefined || !quotesMessage(entries[rival.entry], query.flat));
  // The entry's own code or a message only its vendor prints, or its vendor answering with a status
  // it documents; a quoted message otherwise, except beside a server error (a generic 500 page
  // reads much like the RFC's server_error sentence).
  const own =
    literal ||
    top.ownMessage ||
    (top.status > 0 && top.vendor > 0) ||
    (top.verbatim && !register.otherFailure.includes('server error'));
  // The text presents a credential the entry is not about (a static API key beside a message that
  // refuses a key and a token alike): its message is no answer unless its own code is written out.
  const countered = !literal && counterSignShown(entry, query.flat, register.prose) !== undefined;
  // The poster names the entry's code in its words or reports a failure the text states short of
  // a code, the error output the text shows states it in the system's words, the RFC names it for
  // the endpoint that answered a bare status (or an API refused a token the text names with a 401
  // the poster hit), or the text hands on the failure's words as a system's answer.
  // Read by the evidence and the margin checks: worked out once, when first asked.
  let namedOnce: boolean | undefined;
  const named = (): boolean =>
    (namedOnce ??=
      (register.firstPerson && (inPostersWords(top, query) || statedFailure(top, query))) ||
      statedByTheSystem(top, query, register) ||
      endpointStatus(top, query) ||
      apiStatusHit(top, query, register) ||
      reported);
  // In the order they run: the cheap evidence first, the gate (it reads the whole text) last.
  const checks: readonly (readonly [DecisionCheck, () => boolean])[] = [
    ['output', () => outputShowsEntry(top, register)],
    [
      'other failure',
      () => register.otherFailure.length === 0 || own || wrapsAuthFailure(top, register),
    ],
    // An unknown code whose own message states the entry's failure in a sentence the catalogue
    // knows ("NotAuthorizedException: Invalid Refresh Token.") is that failure's category word:
    // the explanation beats the code. S3's "Access Denied" states no catalogued failure.
    [
      'unknown code',
      () => query.foreignCodes.length === 0 || literal || failureSentence(top, query),
    ],
    ['kind', () => kindAllowsUnasked(entry, top, literal)],
    // A message of the entry's own quoted nearly whole, or its failure handed on as a system's
    // answer ("BadRequestException: Invalid client"), is an authentication failure's own words,
    // whatever else the text says.
    [
      'about authentication',
      () =>
        literal ||
        quoted ||
        top.ownMessage ||
        top.vendor > 0 ||
        reported ||
        aboutAuthentication(query.flat) ||
        codeAboutAuthentication(top, query),
    ],
    ['vendor missing', () => !top.vendorMissing],
    ['other credential', () => !countered],
    // A bare 401 or 403 read by the requests it may answer is a question, never an answer.
    [
      'evidence',
      () =>
        !undecidedStatus(query) &&
        (quoted || literal || hasEvidence(top) || namedByPoster(top, register, query) || named()),
    ],
    // A reading named by its code carries a modest score in a short report (nothing else in it
    // repeats the entry's words): it needs the margin, not the logistic midpoint.
    [
      'margin',
      () => (quoted ? margin > 0 : margin >= MIN_MARGIN && (top.score >= MIDPOINT || named())),
    ],
    // A code inside the best entry's own message quoted whole ("INVALID_CLIENT: Invalid redirect
    // URI") is that message's category word, not a second reading.
    ['competing codes', () => quoted || !competingCodes(query, top.entry)],
    ['gate', hitTheFailure],
  ];
  // Explained, every check runs (once each); otherwise the first failure ends the decision.
  const held = explain ? checks.flatMap(([name, passes]) => (passes() ? [] : [name])) : undefined;
  const confident = held === undefined ? checks.every(([, passes]) => passes()) : held.length === 0;
  const base = (s: Scored): number => 1 / (1 + Math.exp(-1.8 * (s.score - MIDPOINT)));
  // A reading given unasked stood on identifying evidence (a quoted message can carry a modest
  // score): it is not shown as less likely than not.
  const shown = Math.max(
    confident ? CONFIDENT_FLOOR : 0,
    base(top) * Math.min(1, 0.6 + margin / 1.5),
  );
  const first = round(countered ? Math.min(COUNTERED_CEILING, shown) : shown);
  // A lower-ranked reading is never shown as likelier than the one ranked above it.
  const confidences = [first];
  for (const s of ranked.slice(1)) {
    const above = confidences[confidences.length - 1] ?? first;
    confidences.push(
      round(Math.min(above, base(s) * Math.min(0.9, Math.exp(s.score - top.score)))),
    );
  }
  return held === undefined ? { confident, confidences } : { confident, confidences, held };
}

/**
 * A 5xx that wraps the failure the text shows: an error body or a status beside it carries the
 * entry's code or its phrases ("500 … {"error":"unauthorized_client"}", a 400 "Invalid scope" logged
 * before the app's own 500). Proxies and apps answer 500 when their token call failed; a server
 * error alone, or beside another kind of failure, still needs the entry's own code or message.
 */
function wrapsAuthFailure(top: Scored, register: Register): boolean {
  const onlyServerError =
    register.otherFailure.length === 1 && register.otherFailure[0] === 'server error';
  const shown = register.output.includes('error body') || register.output.includes('status');
  return onlyServerError && shown && (top.code >= WRAPPED_CODE || top.phrase >= WRAPPED_PHRASE);
}

/** A code hit this strong is a code written in the text (an unlisted code read by its words). */
const WRITTEN_CODE = 0.6;

/**
 * The best entry's code as the text writes it speaks of authentication in its own words, split as
 * an identifier: `InvalidGrantCodeException` speaks of a grant as `BAD_REFRESH_TOKEN` speaks of a
 * token (aboutAuthentication reads snake_case words in the flat text, which has lost the CamelCase
 * boundaries). Not a bare status's reading or a failure stated in words: their codes are the
 * catalogue's, not the text's.
 */
function codeAboutAuthentication(top: Scored, query: Query): boolean {
  return query.codeHits.some(
    (h) =>
      h.entry === top.entry &&
      h.byEndpoint === undefined &&
      h.strength >= WRITTEN_CODE &&
      aboutAuthentication(splitIdentifier(h.code).join(' ').toLowerCase()),
  );
}

/**
 * Two different codes named side by side, neither reported as the error ("invalid_grant or
 * invalid_client?"), are a question about codes, not a failure to answer unasked.
 */
function competingCodes(query: Query, top: number): boolean {
  // A code its own explanation re-reads ("unauthorized_client - Invalid client secret") is not a
  // second reading beside it.
  const named = query.codeHits.filter(
    (h) => h.strength >= 0.8 && !query.explainedCodes.has(h.code.toLowerCase()),
  );
  if (named.some((h) => h.inErrorField)) return false;
  const others = new Set(named.filter((h) => h.entry !== top).map((h) => h.code.toLowerCase()));
  // Codes the best entry also surfaces as (`invalid_grant` beside `TokenExpired`) agree with it.
  const own = new Set(
    query.codeHits.filter((h) => h.entry === top).map((h) => h.code.toLowerCase()),
  );
  return [...others].some((c) => !own.has(c));
}

/**
 * A runner-up's score less what its phrases owe to words most entries share: "the client is not
 * authorized to request an access token" half found through "client", "request", "access" and
 * "token" in a text about something else is no second reading of it (phrases.ts).
 */
function rivalScore(s: Scored): number {
  return s.score - s.commonWords;
}

/** The rival (see `isRival`) that stands closest to the best entry by `rivalScore`. */
function strongestRival(
  top: Scored,
  ranked: readonly Scored[],
  index: DecideIndex,
  query: Query,
  reported: boolean,
): Scored | undefined {
  let best: Scored | undefined;
  for (let i = 1; i < ranked.length; i++) {
    const s = ranked[i];
    if (s === undefined || (best !== undefined && s.score <= rivalScore(best))) continue;
    if (!isRival(top, s, index, query, reported)) continue;
    if (best === undefined || rivalScore(s) > rivalScore(best)) best = s;
  }
  return best;
}

/**
 * Runners-up that do not compete with the best entry: a wrapper reading (NetSuite INVALID_LOGIN)
 * behind its specific cause, a vendor entry whose vendor the text never names, the generic OAuth
 * reading behind the vendor's own reading of the same failure (its vendor shown by host or name,
 * or by its own code or message, as surely: vendorTerm in score.ts), a code the provider's own
 * explanation shows was used loosely (named-words.ts: score.ts ranks it just below the reading
 * the explanation names, so it could never leave a margin), a reading found only through the
 * best entry's own code in an error field (`surfacesAsNamed`), and, where the best entry's failure
 * is handed on as a system's answer (`reported`), a reading only the poster's own account reaches
 * (`ownAccountOnly`), and an API's refusal of a token beside the token endpoint's refusal it
 * follows from (`followsFromTokenRefusal`).
 */
function isRival(
  top: Scored,
  other: Scored,
  index: DecideIndex,
  query: Query,
  reported: boolean,
): boolean {
  const entry = index.entries[other.entry];
  if (entry === undefined || entry.generic || other.vendorMissing) return false;
  if (query.explained.get(other.entry)?.includes(top.entry) === true) return false;
  const refines = top.vendorSpecific && !top.vendorMissing && !other.vendorSpecific;
  return (
    !refines &&
    !surfacesAsNamed(top, other, query) &&
    !looseBeside(top, other) &&
    !(reported && ownAccountOnly(top, other, query)) &&
    !followsFromTokenRefusal(top, other, index, query)
  );
}

/**
 * An API's refusal of a token (RFC 6750 section 3.1, `invalid_token`) beside the token endpoint's
 * refusal (RFC 6749 section 5.2: `invalid_grant`, `invalid_client` …), each named by its code
 * ("getting invalid_token … then when trying to refresh token … invalid_grant"): an API refusing an
 * expired token is what sends a client to the token endpoint, and a token the endpoint would not
 * issue is what the API then refuses. The token endpoint's answer is the failure left to fix; the
 * API's follows from it, so it is no second reading.
 */
function followsFromTokenRefusal(
  top: Scored,
  other: Scored,
  index: DecideIndex,
  query: Query,
): boolean {
  if (index.requests[top.entry] !== 'token' || index.requests[other.entry] !== 'api') return false;
  const named = (entry: number): boolean =>
    query.codeHits.some((h) => h.entry === entry && h.strength >= OWN_CODE);
  return named(top.entry) && named(other.entry);
}

/**
 * A runner-up reached only through the poster's own account of what they did: its phrases, a
 * failure they state in passing ("After 1 hr access_token is expired and I generated a new one"),
 * beside the failure a system is reported to have answered ("API says "Request failed: Invalid
 * refresh token"", `I get an error: "client_id is invalid"`). Nothing the system answered names
 * it: no code or code as words, none in an error field, no status read at its endpoint or that
 * only it documents, no failure of it handed on as an answer, none of its messages quoted, no
 * vendor of its own shown. The
 * answer says which failure it was; the account around it shares its words, not its failure.
 */
function ownAccountOnly(top: Scored, other: Scored, query: Query): boolean {
  if (other.verbatim || other.ownMessage || other.vendor > 0) return false;
  // A status it documents and the best entry does not is the system's answer too.
  if (other.status > 0 && top.status <= 0) return false;
  return !query.codeHits.some(
    (h) =>
      h.entry === other.entry &&
      (h.strength > STATED_STRENGTH ||
        h.inErrorField ||
        h.byEndpoint === true ||
        reportedWords(query.flat, codeAsFlatWords(h.code))),
  );
}

/**
 * A runner-up found only by loose words beside a best entry the text names by a code, a status
 * read at its endpoint or a failure stated: no code of its own, no message of its own quoted, and
 * none of its phrases half covered ("unauthorized_client" beside a token endpoint's 401, reached
 * through the words "client" and "authorized"). It shares the text's vocabulary, not its failure.
 */
function looseBeside(top: Scored, other: Scored): boolean {
  return (
    top.code > 0 &&
    other.code === 0 &&
    !other.verbatim &&
    !other.ownMessage &&
    other.phrase < LOOSE_PHRASE
  );
}

/**
 * The text names the best entry's code exactly in an error field (`"error": "token_rejected"`), and
 * the other entry's only code evidence is that same code, which it merely surfaces as (NetSuite's
 * invalid signature surfaces as token_rejected): the error field says which answer the provider
 * gave, and a reading reached through it is a narrower cause of that answer, not a second one.
 */
function surfacesAsNamed(top: Scored, other: Scored, query: Query): boolean {
  const named = new Set(
    query.codeHits
      .filter((h) => h.entry === top.entry && h.inErrorField && h.strength >= OWN_CODE)
      .map((h) => h.code.toLowerCase()),
  );
  if (named.size === 0) return false;
  const its = query.codeHits.filter((h) => h.entry === other.entry);
  return (
    its.length > 0 && its.every((h) => h.strength < OWN_CODE && named.has(h.code.toLowerCase()))
  );
}

/**
 * The poster reports getting the entry's code, named in words or shared with other entries ("I keep
 * getting invalid grant"); without the report, words such as "invalid token" are plain English. A
 * text that shows error output and the code as words ("RequestError: 401, Invalid token: …",
 * `error: 'invalid request'` in a logged body) reports it as well.
 */
function namedByPoster(top: Scored, register: Register, query: Query): boolean {
  if (top.code < NAMED_BY_POSTER) return false;
  if (register.firstPerson) return true;
  return (
    showsErrorOutput(register) &&
    query.codeHits.some((h) => h.entry === top.entry && h.asWords === true)
  );
}

/** The text shows error output, not only a command's printout. */
function showsErrorOutput(register: Register): boolean {
  return register.output.some((o) => o !== 'command output');
}

/**
 * The entry's code in its own words, however many entries share them: "invalid client" is shared
 * by five (every vendor's invalid_client), yet names invalid_client as surely as "invalid grant"
 * names invalid_grant; the vendors' entries among them are told apart by their vendor.
 */
function inPostersWords(top: Scored, query: Query): boolean {
  return query.codeHits.some(
    (h) => h.entry === top.entry && h.asWords === true && h.strength >= PLAIN_CODE_WORDS,
  );
}

/**
 * The text names the entry's failure short of its code: a sentence stating it ("The given OAuth 2
 * access token is malformed"), its code's words, an unlisted code's words. Not a bare status read
 * at its endpoint (`byEndpoint` set either way): an API's 401 could be any refusal.
 */
function statedFailure(top: Scored, query: Query): boolean {
  return shortOfCode(top, query).some((h) => h.byEndpoint === undefined);
}

/**
 * The text states the entry's failure in a sentence that is not the poster's own (an error line, a
 * code block, a quoted message: `"Your OAuth token is likely expired" …` above a traceback, "respons
 * from dropbox: Invalid or expired oauth_token."): the system stated it, the poster only handed it on.
 * A sentence of their own ("the token was expired and has to be reentered") is their account.
 */
function statedByTheSystem(top: Scored, query: Query, register: Register): boolean {
  if (!showsErrorOutput(register)) return false;
  const prose = flatText(register.prose);
  const hits = shortOfCode(top, query);
  // A code the output prints that names the failure short of the entry's own (a spelling of it,
  // `unauthorised_client`; an unlisted code in its words, `invalid_access_token`), unless the text
  // names it as an exception class too (`MissingTokenError: (missing_token) …`): the client
  // library raised that on reading the answer, the server did not send it.
  const raisedByClient = hits.some((h) => /(?:Error|Exception)$/.test(h.code));
  return hits.some(
    (h) =>
      h.byEndpoint === undefined &&
      (h.code.includes(' ') || (h.strength >= STATED_CODE && !raisedByClient)) &&
      !prose.includes(flatText(h.code)) &&
      !prose.includes(codeAsFlatWords(h.code)),
  );
}

/** A code the output prints short of the entry's own, as strong as an unlisted code in its words. */
const STATED_CODE = 0.6;

/**
 * The entry's failure, named by its code's words, by a code as the text writes it, or stated in a
 * sentence, handed on as what a system answered ("it still says invalid token", "Connection failed:
 * Invalid access token", "OAuth refresh fails with BAD_REFRESH_TOKEN"): the poster hit it, whether
 * or not they write in the first person.
 */
function reportedFailure(top: Scored, query: Query): boolean {
  return shortOfCode(top, query).some(
    (h) =>
      h.byEndpoint !== true &&
      (reportedWords(query.flat, codeAsFlatWords(h.code)) ||
        (!h.code.includes(' ') && reportedWords(query.flat, h.code.toLowerCase()))),
  );
}

/** The text states the best entry's failure in a sentence (a stated failure or message, not a code). */
function failureSentence(top: Scored, query: Query): boolean {
  return shortOfCode(top, query).some((h) => h.byEndpoint === undefined && h.code.includes(' '));
}

/** The best entry's hits that name its failure, but weaker than its own code. */
function shortOfCode(top: Scored, query: Query): Query['codeHits'] {
  return query.codeHits.filter(
    (h) => h.entry === top.entry && h.strength >= STATED_STRENGTH && h.strength < OWN_CODE,
  );
}

/**
 * A code's words as flat text finds them (`invalid_token` → "invalid token", `TokenRejected` →
 * "token rejected"); a sentence as is.
 */
function codeAsFlatWords(code: string): string {
  return flatText(code.includes(' ') ? code : splitIdentifier(code).join(' ')).replace(
    /[.!]+$/,
    '',
  );
}

/**
 * A bare status the RFC reads one way at the endpoint that answered it: a token endpoint's 401 is
 * client authentication failing (RFC 6749 section 5.2, invalid_client), a refresh request's 400 the
 * refresh token refused (invalid_grant). An API's 401 could be any refusal:
 * `apiStatusHit` reads it only beside a token named.
 */
function endpointStatus(top: Scored, query: Query): boolean {
  return query.codeHits.some((h) => h.entry === top.entry && h.byEndpoint === true);
}

/**
 * A token the request was sent with, by name: "access token", `access_token`, OAuth, a bearer, a
 * JWT. RFC 6750's `invalid_token` is the refusal of one; an API's 401 to a key or a password is not.
 */
const TOKEN_NAMED = /(?<![a-z])(?:tokens?|oauth2?|bearer|jwts?)(?![a-z])/g;
/**
 * A "token" no request authenticates with: a form's CSRF token, "no tokens", the token endpoint or
 * its URL (read by `endpointStatus`). Read just before and after the word.
 */
const NOT_SENT_BEFORE = /(?<![a-z])(?:csrf|xsrf|anti[ -]?forgery|verification|no)[ _-]?$/;
const NOT_SENT_AFTER = /^[ _-]?(?:endpoint|ur[il])(?![a-z])/;

function tokenSent(flat: string): boolean {
  for (const m of flat.matchAll(TOKEN_NAMED)) {
    const at = m.index;
    const end = at + m[0].length;
    const other =
      m[0].startsWith('token') &&
      (NOT_SENT_BEFORE.test(flat.slice(Math.max(0, at - 16), at)) ||
        NOT_SENT_AFTER.test(flat.slice(end, end + 12)));
    if (!other) return true;
  }
  return false;
}

/**
 * An API's 401 read as the token refused (RFC 6750 section 3.1, `byEndpoint` false) that the poster
 * hit: reported in the first person or printed by a client (`401 Client Error: Unauthorized for
 * url`, `ClientResponseError: 401`), in a text that shows a token was sent. Alone a 401 could be any
 * refusal of the caller; with a token named, the token is what the API refused.
 */
function apiStatusHit(top: Scored, query: Query, register: Register): boolean {
  if (!register.firstPerson && !showsErrorOutput(register)) return false;
  return (
    query.codeHits.some((h) => h.entry === top.entry && h.byEndpoint === false) &&
    tokenSent(query.flat)
  );
}

/** The text is read by a bare status's readings only, one per request it may have answered. */
function undecidedStatus(query: Query): boolean {
  return query.codeHits.some((h) => h.asks !== undefined);
}

function hasEvidence(top: Scored): boolean {
  return (
    top.code >= 0.8 ||
    top.phrase >= 0.75 ||
    (top.phrase >= 0.5 && (top.vendor > 0 || top.status > 0 || top.code > 0)) ||
    // A status only one entry of the vendor answers with, seen with the vendor's host or path.
    (top.statusUnique && top.vendor >= 0.5) ||
    // The vendor's host or path answered with a status the entry documents.
    (top.status > 0 && top.vendor >= 0.75)
  );
}

function round(x: number): number {
  return Math.max(0, Math.min(1, Math.round(x * 1000) / 1000));
}
