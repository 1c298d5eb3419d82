import type { MatchIndex } from './match-index.js';
import { flatText, quotedMessages } from './quotes.js';
import { splitIdentifier, terms as termsOf, toTerm } from './tokens.js';
import { NOT_WORD, UnicodePattern } from './unicode-pattern.js';

/**
 * Reading a provider's own words by the catalogue's `wordsInCodes`: a code no entry lists
 * (`unauthorized_scope_error`), or a short error message a provider prints instead of a code
 * (`"message": "Invalid OAuth token"`), names the entry whose words it holds beside a failure word.
 */

/** Words that say something failed, in a code or in a sentence ("refresh token is invalid"). */
const FAILURE_WORDS =
  'invalid|insecure|expired?|bad|incorrect|unauthori[sz]ed|missing|revoked|rejected|failed|mismatch(?:ed)?|wrong|unknown|unregistered|insufficient|inactive|malformed|reused';
/**
 * A failure word in a code or a provider's short message (`unauthorized_scope_error`, "Scope is not
 * authorized"), where "not" and "already" name one too (a one-time value spent: Slack's
 * `code_already_used`).
 */
const FAILURE_WORD = new RegExp(`^(?:${FAILURE_WORDS}|not|already)$`, 'i');

/**
 * The entries whose `wordsInCodes` a code holds (all of one item's words, the most words wins), when
 * the code has a failure word in it; none otherwise (`refresh_token` is a field name, not an error).
 */
export function namedByCode(token: string, index: MatchIndex): number[] {
  if (index.wordsInCodes.length === 0) return [];
  const parts = splitIdentifier(token);
  if (parts.length < 2 || !parts.some((p) => FAILURE_WORD.test(p))) return [];
  const held = new Set(parts.flatMap((p) => toTerm(p) ?? []));
  const sequence = parts.map((p) => toTerm(p) ?? '');
  return mostWords(
    index,
    (terms) => terms.every((t) => held.has(t)) && !qualifiesAnother(terms, parts, sequence),
  );
}

/**
 * The words before "code" that make it a number's, an HTTP status as client wrappers print one
 * (axios's "Request failed with status code 400", got's "Response code 401 (Unauthorized)",
 * `statusCode: 401`) or a provider's numeric error (QuickBooks' `errorCode=003200`): that "code"
 * names no authorization code (invalid_grant's item).
 */
export const STATUS_NOUNS = 'status|response|error|http|return(?:ed)?';
/** A status's or error's "code" and the number after it (at most a colon or equals sign between). */
const STATUS_CODE = new RegExp(
  `\\b(${STATUS_NOUNS})(?:[ \\t]*|[_-]?)code(?=\\s*[:=]?\\s*\\d{1,8}\\b)`,
  'gi',
);

/** A message or sentence without the "code" of its numbers ("status code 400" is "status 400"). */
function withoutStatusCodes(text: string): string {
  return /code/i.test(text) ? text.replace(STATUS_CODE, '$1 ') : text;
}

/** Words a code may end in after what failed: its failure words, or a word for the error itself. */
const CODE_SUFFIX = /^(?:error|err|exception|fault|failure)$/i;

/**
 * The item's words stand in the code just before another noun, which the failure word qualifies:
 * Spring Security's client code `invalid_token_response` is a token *response* it could not read
 * (the token endpoint's error or an unreadable body), not a token an API refused.
 */
function qualifiesAnother(
  terms: readonly string[],
  parts: readonly string[],
  sequence: readonly string[],
): boolean {
  const last = terms[terms.length - 1];
  const at = sequence.lastIndexOf(last ?? '');
  if (at < 0) return false;
  // What follows the item says what went wrong (`code_already_used`) or names the error, or
  // nothing follows it.
  return qualifiesNext(parts[at + 1]);
}

/**
 * The word after a code's words in one identifier names another thing the code's words qualify
 * (`invalid_token_response`), where it is not a failure word or a word for the error itself.
 */
export function qualifiesNext(next: string | undefined): boolean {
  return next !== undefined && !FAILURE_WORD.test(next) && !CODE_SUFFIX.test(next);
}

/**
 * A value of an error body's message field: what the provider printed beside or instead of a code
 * (`errmsg` beside `errcode` in WeChat's and other Chinese platforms' bodies).
 * The key is quoted (JSON) or, in an object literal a client printed, bare after `{` or a comma
 * (`{ error: 'invalid_request', error_description: 'Invalid Authorization Code' }`), its value
 * after a colon or, as Spring Security OAuth and a `WWW-Authenticate` challenge print it, an equals
 * sign (`error="invalid_grant", error_description="Invalid redirect: …"`). That `{` or
 * comma is matched, not looked behind for: a look-behind over blanks is tried at every position and
 * rescans a run of spaces each time (only the value is read, so the match may start there).
 */
const MESSAGE_FIELD =
  /(?:\\?["']|[{,]\s*)(?:message|error|error_description|errorMessage|error_message|errmsg|detail|description|reason)(?:\\?["'])?\s*[:=]\s*\\?["']([^"'\\\n]{3,300})\\?["']/gi;
/**
 * A validation error object (GitHub's and Strava's APIs): the resource and field it names and a
 * code saying what is wrong (`{"resource":"RefreshToken","field":"refresh_token","code":"invalid"}`,
 * Strava's `{"resource":"AccessToken","field":"activity:read_permission","code":"missing"}`), as
 * JSON, as PHP prints it (`'resource' => 'Application', 'field' => '', 'code' => 'invalid'`) or as
 * Node prints an object (`{ resource: 'Application', field: '', code: 'invalid' }`, its keys bare).
 */
const VALIDATION_ERROR =
  /(?:["']resource["']|\bresource)\s*(?::|=>)\s*["'](\w*)["']\s*,\s*(?:["']field["']|field)\s*(?::|=>)\s*["']([\w:.-]*)["']\s*,\s*(?:["']code["']|code)\s*(?::|=>)\s*["'](\w+)["']/gi;
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
  const out: NamedMessage[] = [];
  for (const message of messageValues(text, index)) {
    const words = wordsOfMessage(message);
    if (words.length < 2 || words.length > MAX_MESSAGE_WORDS || knownWhole(message, index))
      continue;
    const entries = namedBeside(words, index, 1);
    if (entries.length > 0) out.push({ message: message.trim(), entries });
  }
  // A validation error is also a code in three fields, read as one code is, its words in any order
  // (`AccessToken activity:read_permission missing`: a token missing a permission).
  for (const m of validationErrors(text, index)) {
    const entries = namedByCode(m.replace(/\s+/g, '_'), index);
    if (entries.length > 0) out.push({ message: m, entries });
  }
  return out;
}

/**
 * A message holding one of the catalogue's messages whole ("Insufficient Permission: Request had
 * insufficient authentication scopes.") is that entry's, found by the phrase scorer: its words are
 * not read again as another entry's.
 */
function knownWhole(message: string, index: MatchIndex): boolean {
  const flat = flatText(message);
  return index.entries.some((e) => quotedMessages(e, flat).length > 0);
}

/** A sentence, line or clause of a text (up to a colon or bracket), for failures stated in words. */
const SENTENCE = /[^.!?\n:;[\]]{8,300}/g;
/**
 * Failure words as a poster states a failure: not FAILURE_WORD's "not" and "already", which in prose
 * qualify anything ("does not accept refresh tokens").
 */
const STATED_FAILURE = new RegExp(`^(?:${FAILURE_WORDS})$`, 'i');
/**
 * Letters every STATED_FAILURE word or NOT_VALID or NOT_MATCHING phrase holds: a sentence without any cannot state a
 * failure, and is not split into words (most lines of a long log).
 */
const MAY_STATE =
  /valid|secure|expire|bad|correct|unauthori[sz]ed|missing|revoked|rejected|failed|mismatch|wrong|unknown|insufficient|inactive|malformed|reused|recogni|listed|registered|associated|(?:not|n['’]t)\s+(?:found|match)/i;
/**
 * "is not valid", "isn't valid", "no longer valid": "invalid" in two or three words; "not
 * whitelisted", "not registered" or "not associated", a value the server does not know (Shopify's
 * "The redirect_uri is not whitelisted", GitHub's "The redirect_uri is not associated with this
 * application"); and "not found", a value it has no record of ("Refresh token not found",
 * "authorization code not found for code=…").
 */
const NOT_VALID =
  /(?:\bnot|n['’]t|\bno longer)\s+(?:valid|correct|recogni[sz]ed|whitelisted|allowlisted|registered|associated|found)\b/gi;
/**
 * "does not match", "didn't match", "not matching": a mismatch in words ("redirect_uri did not match
 * any configured URIs", "redirect uri does not match").
 */
const NOT_MATCHING = /(?:\b(?:does|did|do)(?:\s+not|n['’]t)|\bnot)\s+match(?:es|ed|ing)?\b/gi;
/**
 * A condition or a question up to the next comma ("why a refresh token is invalid", "if the token
 * has expired"): a failure supposed or asked about, not stated.
 */
const SUPPOSED =
  /\b(?:if|when(?:ever)?|whether|why|how|unless|in case|once|(?:might|may|could)(?: not)? (?:be|have))\b[^,]*/gi;
/**
 * The fewest words of a `wordsInCodes` item a sentence must hold ("refresh token"): one word beside
 * "invalid" is plain English. With its failure word, a sentence of fewer words states nothing.
 */
const MIN_STATED_ITEM = 2;

/**
 * Failures stated in words ("the refresh token is invalid", "says the client secret has expired"):
 * a sentence in which an entry's `wordsInCodes` item of two or more words stands beside a failure
 * word, with the entries it names; the item with the most words wins, as for a code. Words are the
 * written ones (snake_case split, CamelCase kept whole: `TokenError` is a class, not "token error").
 */
export function namedInSentences(text: string, index: MatchIndex): NamedMessage[] {
  if (index.wordsInCodes.length === 0) return [];
  const out: NamedMessage[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    if (!MAY_STATE.test(m[0])) continue;
    const stated = withoutStatusCodes(m[0])
      .replace(SUPPOSED, ' ')
      .replace(NOT_VALID, ' invalid ')
      .replace(NOT_MATCHING, ' mismatch ');
    const words = stated.split(NOT_WORD.for(stated)).filter((w) => w !== '');
    if (words.length < MIN_STATED_ITEM + 1) continue;
    const entries = namedBeside(words, index, MIN_STATED_ITEM, STATED_FAILURE);
    if (entries.length > 0) out.push({ message: m[0].trim(), entries });
  }
  return out;
}

/**
 * The words an explanation opens with: its subject and what is wrong with it, which a first
 * sentence may state late ("Value passed for the authorization code was invalid.").
 */
const OPENING_WORDS = 12;

/** An explanation that names another failure than the code it explains. */
export interface Explained {
  /** The entry of the code the provider used loosely. */
  readonly code: number;
  /** The code as printed, lower case. */
  readonly codeText: string;
  /** The code stood in an error field (`"error": …`), not only before its explanation in a line. */
  readonly inErrorField: boolean;
  readonly message: string;
  /** The entries the explanation names. */
  readonly entries: readonly number[];
}

/**
 * The explanation beats a code the provider used loosely: a message beside a listed code (`coded`,
 * the entries named by a code in an error field) whose opening words name another entry of the same
 * system that documents a status the code's entry does (what the same response could carry) by an
 * item of two or more words beside a failure word, and hold none of the coded entry's
 * own words ("refresh_token is invalid" beside `unauthorized_client`, "Invalid client credentials"
 * beside `unauthorized_client`, "Refresh token could not be mapped …" beside `invalid_client`).
 */
export function explainedOtherwise(
  text: string,
  index: MatchIndex,
  coded: readonly { readonly entry: number; readonly code: string }[],
): Explained[] {
  if (index.wordsInCodes.length === 0) return [];
  const pairs: { codes: readonly number[]; code: string; message: string; field: boolean }[] = [];
  const inField = [...new Set(coded.map((c) => c.entry))];
  const fieldCode = coded[0]?.code.toLowerCase() ?? '';
  if (inField.length > 0)
    for (const message of [...messageValues(text, index), ...formDescriptions(text)])
      pairs.push({ codes: inField, code: fieldCode, message, field: true });
  // invalid_request is the RFC's catch-all (missing, unsupported or malformed anything): what its
  // description says is wrong decides, also where the description quotes the value it refused
  // ("Redirect URI 'http://localhost:8080/callback' does not match CIMD redirect_uris."); the quoted
  // value itself is no word of the explanation.
  if (fieldCode === 'invalid_request' && text.includes("'"))
    for (const m of text.matchAll(QUOTING_DESCRIPTION))
      pairs.push({
        codes: inField,
        code: fieldCode,
        message: (m[1] ?? '').replace(QUOTED_VALUE, ' '),
        field: true,
      });
  // A code printed with its explanation after it: "unauthorized_client - Invalid client secret."
  for (const m of text.matchAll(CODE_THEN_EXPLANATION)) {
    const code = (m[1] ?? '').toLowerCase();
    const refs = index.codes.get(code) ?? [];
    const codes = refs.filter((r) => r.strength >= 1).map((r) => r.entry);
    // The closing quote of a quoted line ends the explanation (`"INVALID_CLIENT: Insecure redirect URI".`),
    // and so does a bracket it did not open (`[error: …, description: Invalid client], null)`).
    const message = unbracketed(m[2] ?? '').replace(/(?:\\?["'`])+[.,;:!]*\s*$/, '');
    // An explanation is the provider's: a line of the poster's own after the code explains nothing.
    if (
      m[0].slice(0, m[0].length - (m[2] ?? '').length).includes('\n') &&
      POSTER_LINE.test(message)
    )
      continue;
    if (codes.length > 0) pairs.push({ codes, code, message, field: false });
  }
  const out: Explained[] = [];
  for (const { codes, code: codeText, message, field } of pairs) {
    // Only a code whose entry has `wordsInCodes` is read as explained otherwise.
    if (!codes.some((c) => itemsOf(index, c).length > 0)) continue;
    const all = wordsOfMessage(message);
    const opening = all.slice(0, OPENING_WORDS);
    const unauthenticated = requiredAuthentication(message, index);
    const entries = unauthenticated.length > 0 ? unauthenticated : namedBeside(opening, index, 2);
    if (entries.length === 0) entries.push(...namedRightAfterFailure(opening, index));
    // The code's own words of two or more anywhere in the explanation, in any order, restate the
    // code: "The grant type is unauthorized for this client_id" is unauthorized_client's own reading.
    // One word does not: invalid_request's "parameter" is in every description of a parameter
    // ("The provided value for the input parameter 'redirect_uri' is not valid"). "Not allowed"
    // and "not permitted" say "unauthorized": "Client is not allowed to use response_type=token"
    // restates unauthorized_client, whatever it is not allowed to use.
    const held = new Set(
      wordsOfMessage(message.replace(NOT_ALLOWED, ' unauthorized ')).flatMap(
        (w) => toTerm(w) ?? [],
      ),
    );
    const restates = (terms: readonly string[]): boolean =>
      terms.length >= 2 && terms.every((t) => held.has(t));
    // A parameter said only to be missing or required is invalid_request's own reading, whichever
    // parameter it names (RFC 6749 5.2: "The request is missing a required parameter"): "Missing
    // grant type" beside invalid_request is no unsupported grant type. A value also said to be
    // wrong ("missing or not whitelisted") is explained by what is wrong with it.
    const missing =
      unauthenticated.length === 0 &&
      codeText === 'invalid_request' &&
      MISSING.test(message) &&
      !WRONG_VALUE.test(message);
    // A value said to be absent is what many codes mean (invalid_request for any parameter,
    // invalid_client for "no client authentication included"): its closeness to another entry's
    // line names no other failure.
    const absent = ABSENT.test(message);
    // The explanation's terms, read once for the catalogue-line comparisons below, only if asked.
    let lineWords: ReadonlySet<string> | undefined;
    const asLine = (): ReadonlySet<string> => (lineWords ??= new Set(termsOf(message)));
    for (const code of codes) {
      // Only a code whose entry has `wordsInCodes` is read as explained otherwise: the others are
      // not compared at all.
      const items = itemsOf(index, code);
      if (items.length === 0) continue;
      const other =
        entries.length > 0
          ? entries.filter((e) => sameResponse(index, code, e))
          : absent
            ? []
            : closestLines(asLine(), index, code);
      const own =
        missing ||
        items.some(restates) ||
        (other.length > 0 && closerToCode(asLine(), index, code, other));
      if (other.length > 0 && !own)
        out.push({ code, codeText, inErrorField: field, message: message.trim(), entries: other });
    }
  }
  return out;
}

/** The fewest words an explanation must share with another entry's line to read as it. */
const CLOSE_LINE = 3;
/** How many more words than with any line of the code's own entry. */
const CLOSER_BY = 2;

/** The entry's `wordsInCodes` items, as terms, in order. */
function itemsOf(index: MatchIndex, entry: number): readonly (readonly string[])[] {
  return index.entryWordsInCodes[entry] ?? [];
}

/**
 * Where no failure word names what failed, the explanation may still read as another entry's
 * catalogue line: OpenIddict's `invalid_request` "This client application is not allowed to use
 * the specified scope." is invalid_scope's "scope not allowed for this client". The entries of the
 * code's response (sameResponse) that hold one of their `wordsInCodes` items and whose message or
 * phrase shares the most words with the explanation, at least CLOSE_LINE and CLOSER_BY more than
 * any line of the code's own entry.
 */
function closestLines(held: ReadonlySet<string>, index: MatchIndex, code: number): number[] {
  const shared = (entry: number): number => mostShared(lineTerms(index, entry, true), held);
  const least = Math.max(CLOSE_LINE, shared(code) + CLOSER_BY);
  let best = least;
  let out: number[] = [];
  for (let e = 0; e < index.entries.length; e++) {
    if (!sameResponse(index, code, e)) continue;
    if (!itemsOf(index, e).some((terms) => terms.every((t) => held.has(t)))) continue;
    const s = shared(e);
    if (s > best) [best, out] = [s, [e]];
    else if (s === best) out.push(e);
  }
  return out;
}

/**
 * The explanation reads as one of the code's own catalogue messages (the RFC's description of the
 * code) more closely than any message of the failures it seems to name: Auth0's
 * `unauthorized_client` "Grant type '…' not allowed for the client" is the RFC's "not authorized to
 * use this authorization grant type", not an unsupported grant type. Closeness is the most words one
 * message shares with the explanation.
 */
function closerToCode(
  held: ReadonlySet<string>,
  index: MatchIndex,
  code: number,
  others: readonly number[],
): boolean {
  const shared = (entry: number): number => mostShared(lineTerms(index, entry, false), held);
  return shared(code) > Math.max(...others.map(shared));
}

/** The most distinct words one line shares with `held`. */
function mostShared(lines: readonly (readonly string[])[], held: ReadonlySet<string>): number {
  let most = 0;
  for (const line of lines) {
    let n = 0;
    for (const t of line) if (held.has(t)) n++;
    if (n > most) most = n;
  }
  return most;
}

/**
 * Each entry's catalogue lines (its messages, and with `phrases` its phrases too) as their distinct
 * words, as the index compiled them (its message and phrase phrases' terms; a line with no terms
 * has none), gathered once per index: explanations are compared with them on every paste that has
 * one.
 */
const LINE_TERMS = new WeakMap<MatchIndex, Map<string, readonly (readonly string[])[]>>();

function lineTerms(
  index: MatchIndex,
  entry: number,
  phrases: boolean,
): readonly (readonly string[])[] {
  let byEntry = LINE_TERMS.get(index);
  if (byEntry === undefined) {
    byEntry = new Map();
    LINE_TERMS.set(index, byEntry);
  }
  const key = phrases ? `${entry}+` : `${entry}`;
  let lines = byEntry.get(key);
  if (lines === undefined) {
    lines = (index.entryPhrases[entry] ?? []).flatMap((pi) => {
      const p = index.phrases[pi];
      if (p === undefined || !(p.kind === 'message' || (phrases && p.kind === 'phrase'))) return [];
      return [Array.from(index.phraseIds.subarray(p.from, p.to), (id) => index.terms[id] ?? '')];
    });
    byEntry.set(key, lines);
  }
  return lines;
}

/**
 * A snake_case code (any case), then a dash, colon or bar, or only a space before a capital, and the
 * explanation after it on the same line: "unauthorized_client - Invalid client secret.",
 * "INVALID_CLIENT: Insecure redirect URI", "invalid_client Invalid redirect_uri", AppAuth's
 * "[error: unauthorized_client, description: Invalid client or Invalid client credentials]", and
 * Go's golang.org/x/oauth2 RetrieveError, code and description each quoted (`oauth2:
 * "unauthorized_client" "invalid empty client secret"`, its quotes escaped inside a log field),
 * oauthlib's code in brackets before its description ("(invalid_grant) redirect uri does not
 * match"), and a code reported in prose with its message quoted soon after it ("returns
 * `invalid_request` along with hint message "Authorization code has been revoked"").
 */
const CODE_THEN_EXPLANATION =
  /\b([A-Za-z]+(?:_[A-Za-z]+)+)_?(?:\s*[-:|]\s+|\s+(?=[A-Z])|\)\s+(?=[A-Za-z])|[`'"]?[^\n.`'"]{0,40}?\b(?:message|description|hint)\s*:?\s*["“`']|,\s*(?:error_)?description\s*[:=]\s*|\\?" \\?")([^\n]{3,200})/g;

/**
 * A line opening in the poster's own voice ("Im using django-oauth2-provider …", "We changed …"):
 * the poster's prose after a code, not the provider's explanation of it on the next line.
 */
const POSTER_LINE = /^(?:I|I['’]?(?:m|ve|d|ll)|My|We|We['’]?(?:re|ve)|Our)\b/;

/** An error description in double quotes that quotes a value in single quotes. */
const QUOTING_DESCRIPTION =
  /\\?["'](?:error_description|message|detail)\\?["']\s*:\s*\\?"([^"\\\n]{0,150}'[^'"\\\n]{1,200}'[^"\\\n]{0,150})\\?"/gi;
/**
 * An error description in a form-encoded answer or a redirect's query string, as the RFC returns
 * it (`error=invalid_grant&error_description=redirect+uri+does+not+match`; normalise.ts has read
 * its `+` and `%XX` back as the words they stand for), up to the next parameter.
 */
const FORM_DESCRIPTION = /[?&#]error_description=([^&#\n"'`<>]{3,300})/g;

/** The error descriptions of a form-encoded answer or a query string. */
function formDescriptions(text: string): string[] {
  if (!text.includes('error_description=')) return [];
  return [...text.matchAll(FORM_DESCRIPTION)].map((m) => m[1] ?? '');
}

/** A value quoted in single quotes inside a description. */
const QUOTED_VALUE = /'[^']*'/g;

/** Something refused permission in words: "is not allowed", "isn't permitted". */
const NOT_ALLOWED = /(?:\bnot|n['’]t)\s+(?:allowed|permitted)\b/gi;

/** A parameter said to be absent: the request's own fault (invalid_request). */
const MISSING = /\b(?:missing|required)\b/i;
/** A value said to be absent, in the words a server's explanation uses for it. */
const ABSENT =
  /\b(?:missing|required|not (?:provided|present|included)|must (?:contain|include|be (?:provided|present|sent|included)))\b/i;
/** A value said to be wrong, beside or instead of absent. */
const WRONG_VALUE =
  /\b(?:invalid|not|expired|revoked|mismatch(?:ed)?|wrong|unknown|incorrect|malformed|unsupported)\b/i;

/**
 * The code whose failure is client authentication the server requires and did not get: RFC 6749
 * section 5.2's invalid_client, "no client authentication included".
 */
const REQUIRED_OF = 'invalid_client';
/**
 * A server stating how a value must reach it ("must be provided in the Authorization header",
 * "must be authenticated using …"): a requirement of the client's authentication, where "is
 * missing" only reports a parameter absent (invalid_request's own reading, see `MISSING`).
 */
const REQUIRED = /\bmust\s+(?:be\s+)?(?:provided|present|sent|included|authenticated?)\b/gi;
/** The requirement, read as one failure word. */
const MUST = /^must$/i;
/**
 * How far "must be authenticated" may stand before what it requires: a preposition and a word
 * or two ("using OAuth client credentials", OAuth read as two words).
 */
const REQUIRED_BEFORE = 5;

/**
 * The entries of `REQUIRED_OF` whose item of two or more words an explanation states a
 * requirement of ("client_secret must be provided in the Authorization header" beside
 * invalid_request, "Requests must be authenticated using OAuth client credentials" beside
 * unauthorized_client): the server says no client authentication was included.
 */
function requiredAuthentication(message: string, index: MatchIndex): number[] {
  const stated = message.replace(REQUIRED, ' must ');
  if (stated === message) return [];
  const words = wordsOfMessage(stated).slice(0, OPENING_WORDS);
  return namedBeside(words, index, 2, MUST, REQUIRED_BEFORE).filter(
    (e) => index.entries[e]?.codes.some((c) => c.toLowerCase() === REQUIRED_OF) === true,
  );
}

/** The text up to a closing bracket it does not open itself. */
function unbracketed(text: string): string {
  const close = text.indexOf(']');
  return close >= 0 && !text.slice(0, close).includes('[') ? text.slice(0, close) : text;
}

/**
 * Another failure the same response could carry as the code's: an entry of the code's system that
 * documents a status the code's entry does.
 */
function sameResponse(index: MatchIndex, code: number, other: number): boolean {
  const a = index.entries[code];
  const b = index.entries[other];
  return (
    a !== undefined &&
    b !== undefined &&
    other !== code &&
    a.system === b.system &&
    b.status.some((s) => a.status.includes(s))
  );
}

/**
 * A request id a provider appends to its message (WeChat's `invalid code, hints: [ req_id: … ]`, a
 * trailing `[request id: …]`): no word of what failed.
 */
const REQUEST_ID =
  /[,;]?[ \t]*(?:hints?:[ \t]*)?\[[ \t]*(?:req_?id|rid|request[ _-]?id)\b[^\]]{0,120}\][ \t]*$/i;

function messageValues(text: string, index: MatchIndex): Set<string> {
  if (index.wordsInCodes.length === 0 || !/["']/.test(text)) return new Set();
  return new Set([
    ...[...text.matchAll(MESSAGE_FIELD)].map((m) => (m[1] ?? '').replace(REQUEST_ID, '')),
    ...validationErrors(text, index),
  ]);
}

/** Each validation error object's resource, field and code, separated by spaces. */
function validationErrors(text: string, index: MatchIndex): string[] {
  if (index.wordsInCodes.length === 0 || !/["']/.test(text)) return [];
  return [...text.matchAll(VALIDATION_ERROR)].map((m) =>
    [m[1], m[2], m[3]].filter((w) => w !== undefined && w !== '').join(' '),
  );
}

/** What separates the words of a message: anything but letters, digits and underscores. */
const NOT_IDENTIFIER = new UnicodePattern(String.raw`[^\p{L}\p{N}_]+`, 'u');

function wordsOfMessage(message: string): string[] {
  const stripped = withoutStatusCodes(message);
  return stripped
    .split(NOT_IDENTIFIER.for(stripped))
    .flatMap((w) => (w === '' ? [] : splitIdentifier(w)));
}

/** The entries whose item of at least `least` words stands beside a failure word of `words`. */
function namedBeside(
  words: readonly string[],
  index: MatchIndex,
  least: number,
  failure: RegExp = FAILURE_WORD,
  before = BEFORE,
): number[] {
  const failures = words.flatMap((w, i) => (failure.test(w) ? [i] : []));
  if (failures.length === 0) return [];
  const sequence = words.map((w) => toTerm(w) ?? '');
  return mostWords(
    index,
    (terms) => terms.length >= least && standsBesideFailure(terms, sequence, failures, before),
  );
}

/** `terms` stand in `sequence` in order from position `i`. */
export function standsAt(
  terms: readonly string[],
  sequence: readonly string[],
  i: number,
): boolean {
  return terms.every((t, k) => sequence[i + k] === t);
}

/**
 * The entries whose one-word item follows a failure word directly ("Invalid redirect: … does not
 * match", "Invalid scope"): in a provider's explanation beside its code, what that word qualifies
 * is what failed.
 */
function namedRightAfterFailure(words: readonly string[], index: MatchIndex): number[] {
  const sequence = words.map((w) => toTerm(w) ?? '');
  return mostWords(
    index,
    (terms) =>
      terms.length === 1 &&
      sequence.some((t, i) => i > 0 && t === terms[0] && FAILURE_WORD.test(words[i - 1] ?? '')),
  );
}

/** The item's words stand together in the message, with a failure word just before or after them. */
function standsBesideFailure(
  terms: readonly string[],
  sequence: readonly string[],
  failures: readonly number[],
  before: number,
): boolean {
  for (let i = 0; i + terms.length <= sequence.length; i++) {
    if (!standsAt(terms, sequence, i)) continue;
    const end = i + terms.length - 1;
    if (failures.some((f) => (f < i && f >= i - before) || (f > end && f <= end + AFTER)))
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
