import { addEntries, type EntryLists } from './entry-lists.js';
import { bareStatusReadings, withoutTokenEndpointMisreadings } from './bare-status.js';
import { codeBucket, fewEdits, looseKey } from './code-search.js';
import type { MatchIndex } from './match-index.js';
import { flatText } from './quotes.js';
import { claimEvidence } from './claims.js';
import { eventLineRules } from './event-lines.js';
import { tbaEvidence } from './tba-header.js';
import { detectContexts, type ContextsSeen } from './refine.js';
import { extractSignals, type Signals } from './signals.js';
import {
  explainedOtherwise,
  namedByCode,
  namedByMessages,
  namedInSentences,
  qualifiesNext,
  standsAt,
} from './named-words.js';
import { splitIdentifier, termTokens, toTerm, wordsOf } from './tokens.js';

/**
 * A code hit at least this strong is a code the text names: a listed code, a CamelCase code written
 * as words, an unlisted code read by its words; not a snake_case code only written as words (0.55),
 * a code an entry merely surfaces as (0.45), a bare status or a failure stated in words.
 */
const NAMES_CODE = 0.6;

interface CodeHit {
  readonly entry: number;
  readonly code: string;
  /** Identifying strength (1 exact identifying code … lower for loose, fuzzy or surfaces-as). */
  readonly strength: number;
  readonly inErrorField: boolean;
  readonly vendorUnique: boolean;
  /** How it was found, when not by the code's own name (a rule over a pasted token). */
  readonly label?: string;
  /** The code written as ordinary words (`invalid signature`), not as the code. */
  readonly asWords?: boolean;
  /** A bare status read as the one answer the RFC names for its endpoint (bare-status.ts). */
  readonly byEndpoint?: boolean;
}

interface VendorEvidence {
  readonly strength: number;
  readonly why: readonly string[];
}

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
   * (`grant_type`, `access_token`, `GrantType`): a phrase needs more of its words than these.
   */
  readonly fieldIds: ReadonlySet<number>;
  readonly signals: Signals;
  readonly codeHits: readonly CodeHit[];
  readonly vendors: ReadonlyMap<string, VendorEvidence>;
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
}

/** Cap on distinct terms read: a huge paste cannot make scoring slow. */
const MAX_TERMS = 600;
const MAX_FUZZY_CODES = 3;
const SHORT_TEXT = 400;

/** Words that report something going wrong (English; other languages lean on codes and statuses). */
const FAILURE =
  /(?<!\b(?:no|not|nothing|zero|0|without|never)\s)\b(?:fail(?:s|ed|ing|ures?)?|errors?|exceptions?|reject(?:s|ed|ing)?|refus(?:es|ed|ing)|denied|invalid|unauthori[sz]ed|forbidden|expired|unable|broken|blocked|mismatch(?:ed)?|wrong|missing|stopped|revoked|inactive|disabled|insufficient|incorrect|unsupported|not (?:found|working|valid|allowed|accepted|enabled|ticked|checked)|(?:does|did|is|was)n['’]?t (?:have|include|allow|match|accept)|lacks?|lacking|(?:does|did|is|was)n['’]?t work(?:ing)?|no longer work(?:s|ing)?|can['’]?t|cannot|won['’]t)\b/i;

/**
 * Reads a paste into a query. `weights` is a zeroed buffer of `index.termIdf.length` the caller owns
 * (a diagnoser reuses one, so a large catalogue costs no allocation per paste); `clearQuery` zeroes it.
 */
export function buildQuery(
  text: string,
  index: MatchIndex,
  weights = new Float64Array(index.termIdf.length),
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
  if (!coded) found.push(...statedFailures(text, index));
  const vendors = detectVendors(text, signals, queryTerms, index, found);
  const shown = new Set([...vendors.keys(), ...codeShapesShown(text, index)]);
  const codeHits = found.flatMap((h) => vendorWordsAsRead(h, shown, index));
  const failure =
    [...signals.statuses].some((s) => s >= 400) ||
    codeHits.some((h) => h.strength >= NAMES_CODE) ||
    FAILURE.test(text);
  const ids: number[] = [];
  const fieldIds = new Set<number>();
  for (const [term, weight] of queryTerms) {
    const id = index.termIds.get(term);
    if (id === undefined) continue;
    weights[id] = weight;
    ids.push(id);
    if (fields.has(term)) fieldIds.add(id);
  }
  return {
    terms: queryTerms,
    flat: flatText(text),
    weights,
    ids,
    fieldIds,
    signals,
    codeHits,
    vendors,
    foreignCodes,
    failure,
    contexts: detectContexts(text, index.refinements.contexts),
    explained: joined(messages.explained, events.explained),
    explainedCodes: new Set([...messages.explainedCodes, ...events.explainedCodes]),
  };
}

/** Two maps of entries to entry lists as one, the lists of a key in both joined. */
function joined(
  a: ReadonlyMap<number, readonly number[]>,
  b: ReadonlyMap<number, readonly number[]>,
): EntryLists {
  const out: EntryLists = new Map(a);
  for (const [k, v] of b) addEntries(out, k, v);
  return out;
}

/** Zeroes what `buildQuery` wrote into its weights buffer. */
export function clearQuery(query: Query): void {
  for (const id of query.ids) query.weights[id] = 0;
}

interface Collected {
  readonly terms: Map<string, number>;
  /** Known terms in text order (identifier parts only), for codes written as words. */
  readonly sequence: string[];
  /** Per sequence position: the word was part of a CamelCase identifier (`AccessDenied`). */
  readonly camel: boolean[];
  /** Per sequence position: the next word of the same identifier is another noun (see `qualifiesNext`). */
  readonly qualified: boolean[];
  /** Terms seen only in identifiers without a failure word (see `Query.fieldIds`). */
  readonly fields: ReadonlySet<string>;
}

function collectTerms(text: string, index: MatchIndex): Collected {
  const out = new Map<string, number>();
  const sequence: string[] = [];
  const camel: boolean[] = [];
  const qualified: boolean[] = [];
  const fields = new Set<string>();
  const plain = new Set<string>();
  // Logs repeat their words line after line, and pastes repeat each other's: each distinct token
  // is split, stemmed and typo-checked once per index (see tokensReadBy).
  const read = tokensReadBy(index);
  const apart: boolean[] = [];
  const tokens = termTokens(text, apart);
  for (let n = 0; n < tokens.length; n++) {
    const raw = tokens[n] ?? '';
    // Punctuation between two words parts a code written as words (see `findCodeWords`).
    if (apart[n] === true && sequence.length > 0 && sequence[sequence.length - 1] !== '') {
      sequence.push('');
      camel.push(false);
      qualified.push(false);
    }
    let token = read.get(raw);
    if (token === undefined) {
      token = readToken(raw, index);
      if (raw.length <= MAX_CACHED_TOKEN) {
        if (read.size >= MAX_READ_TOKENS) read.clear();
        read.set(raw, token);
      }
    }
    const { parts, isCamel } = token;
    const reason = reasonPhrase(tokens, apart, n);
    const field = reason || (token.field && !(raw.includes('_') && isSubject(tokens, apart, n)));
    for (let i = 0; i < parts.length; i++) {
      const term = parts[i];
      if (out.size >= MAX_TERMS) return collected(out, sequence, camel, qualified, fields, plain);
      if (term !== undefined) {
        if ((out.get(term.term) ?? 0) < term.weight) out.set(term.term, term.weight);
        (field ? fields : plain).add(term.term);
      }
      if (parts.length === 1 || i > 0) {
        sequence.push(reason ? '' : (term?.term ?? ''));
        camel.push(isCamel);
        qualified.push(token.qualifies[i] === true);
      }
    }
  }
  return collected(out, sequence, camel, qualified, fields, plain);
}

/** Words after the subject of a sentence: "client_id is invalid", "redirect_uri was missing". */
const COPULA = /^(?:is|was|are|were|has|had|does|did|isn['’]t|wasn['’]t|doesn['’]t)$/i;

/**
 * A snake_case name written as the subject of a sentence ("the redirect_uri is not whitelisted")
 * is the value the sentence is about, not a field name of a request or a log.
 */
function isSubject(tokens: readonly string[], apart: readonly boolean[], n: number): boolean {
  return apart[n + 1] !== true && COPULA.test(tokens[n + 1] ?? '');
}

/** HTTP's reason phrases whose words an entry's phrase or code could share, by status. */
const REASONS: readonly (readonly [string, readonly string[]])[] = [
  ['401', ['unauthorized']],
  ['403', ['forbidden']],
  ['500', ['internal', 'server', 'error']],
];

/**
 * "Unauthorized" after 401, "Forbidden" after 403 and "Internal Server Error" after 500 are the
 * status's name (`401 Unauthorized`), not the poster's words: read like a field name, they do not
 * say what failed, and they write no code (`server_error` is OAuth's code, not HTTP's 500).
 */
function reasonPhrase(tokens: readonly string[], apart: readonly boolean[], n: number): boolean {
  // A status stands at most three tokens before (most words of a paste have none there); read
  // from the first token only, as an index before an array's start is a slow lookup.
  if (
    !(n >= 1 && isReasonStatus(tokens[n - 1])) &&
    !(n >= 2 && isReasonStatus(tokens[n - 2])) &&
    !(n >= 3 && isReasonStatus(tokens[n - 3]))
  )
    return false;
  const word = (tokens[n] ?? '').toLowerCase();
  for (const [status, words] of REASONS) {
    const k = words.indexOf(word);
    if (k < 0 || n - k < 1) continue;
    let said = tokens[n - k - 1] === status;
    for (let j = 0; said && j <= k; j++)
      said = apart[n - k + j] !== true && tokens[n - k + j]?.toLowerCase() === words[j];
    if (said) return true;
  }
  return false;
}

const REASON_STATUSES: ReadonlySet<string> = new Set(REASONS.map(([status]) => status));

function isReasonStatus(token: string | undefined): boolean {
  return token?.length === 3 && REASON_STATUSES.has(token);
}

function collected(
  terms: Map<string, number>,
  sequence: string[],
  camel: boolean[],
  qualified: boolean[],
  fields: Set<string>,
  plain: ReadonlySet<string>,
): Collected {
  for (const t of plain) fields.delete(t);
  return { terms, sequence, camel, qualified, fields };
}

interface KnownTerm {
  readonly term: string;
  readonly weight: number;
}

/** A raw token read once: the known term of it and of each of its identifier parts. */
interface ReadToken {
  readonly parts: readonly (KnownTerm | undefined)[];
  /** It was a CamelCase identifier (`AccessDenied`), not snake or kebab case. */
  readonly isCamel: boolean;
  /** An identifier without a failure word: a field or a name (`grant_type`, `GrantType`), no code. */
  readonly field: boolean;
  /** Per part: the identifier's next word is another noun that this part qualifies. */
  readonly qualifies: readonly boolean[];
}

/**
 * Tokens already read, per index: a token's reading depends on the index alone, and a long-running
 * app sees the same log words in paste after paste. Short tokens only, emptied when full, so pasted
 * text cannot grow it without bound (a few MB at most).
 */
const tokensRead = new WeakMap<MatchIndex, Map<string, ReadToken>>();
const MAX_READ_TOKENS = 20_000;
/** Longer tokens (a base64 blob) are read each time: rare, and they would fill the cache. */
const MAX_CACHED_TOKEN = 64;

function tokensReadBy(index: MatchIndex): Map<string, ReadToken> {
  let read = tokensRead.get(index);
  if (read === undefined) {
    read = new Map();
    tokensRead.set(index, read);
  }
  return read;
}

function readToken(raw: string, index: MatchIndex): ReadToken {
  const words = wordsOf(raw);
  return {
    parts: words.map((part) => knownTerm(part, index)),
    isCamel: words.length > 1 && !/[_-]/.test(raw),
    field: IDENTIFIER.test(raw) && !words.some((w, i) => i > 0 && IN_CODE_FAILURE.test(w)),
    qualifies: words.length > 1 ? words.map((_, i) => i > 0 && qualifiesNext(words[i + 1])) : [],
  };
}

/** snake_case or camelCase: a field's or a name's spelling (`2FA` and `OAuth` are words). */
const IDENTIFIER = /[\p{L}\p{N}]_[\p{L}\p{N}]|[a-z][A-Z]/u;
/** The words that make an identifier a code (`invalid_grant`, `TokenExpired`), not a field name. */
const IN_CODE_FAILURE =
  /^(?:invalid|expired?|bad|incorrect|unauthori[sz]ed|missing|revoked|rejected|fail(?:ed|ure)?|mismatch(?:ed)?|wrong|unknown|insufficient|inactive|malformed|reused|unsupported|denied|error|not|no)$/i;

/** The catalogue term for a word, correcting one typo against the catalogue's own vocabulary. */
function knownTerm(part: string, index: MatchIndex): KnownTerm | undefined {
  const term = toTerm(part);
  if (term === undefined) return undefined;
  if (index.termIds.has(term)) return { term, weight: 1 };
  if (part.length < 4) return undefined;
  // Candidates that stem alike (`require`, `required` for `requird`) are one answer.
  const found = new Set(
    index.typos.candidates(part.toLowerCase()).map((w) => index.rawToTerm.get(w)),
  );
  // Of two readings, a word of a catalogue code is the likelier one: codes are what people type
  // by hand (`feture disabled` is FeatureDisabled, not "future").
  const codeWords =
    found.size > 1 ? [...found].filter((t) => t !== undefined && codeTermsOf(index).has(t)) : [];
  const fixed = found.size === 1 ? [...found] : codeWords;
  const [fixedTerm] = fixed;
  return fixed.length === 1 && fixedTerm !== undefined
    ? { term: fixedTerm, weight: 0.8 }
    : undefined;
}

/** Per index, the terms of its codes written as words (see `findCodeWords`). */
const codeTerms = new WeakMap<MatchIndex, ReadonlySet<string>>();

function codeTermsOf(index: MatchIndex): ReadonlySet<string> {
  let terms = codeTerms.get(index);
  if (terms === undefined) {
    terms = new Set(
      [...index.codeWords.values()].flatMap((list) => list.flatMap((cw) => cw.terms)),
    );
    codeTerms.set(index, terms);
  }
  return terms;
}

/**
 * What the token inspector's rules say about a pasted token header or claims set, and what a pasted
 * OAuth 1.0 (NetSuite TBA) header's values show.
 */
function findClaimRules(text: string, index: MatchIndex): CodeHit[] {
  return [...claimEvidence(text), ...tbaEvidence(text)].flatMap(({ id, why }) => {
    const entry = index.entryIndex.get(id);
    if (entry === undefined) return [];
    const code = index.entries[entry]?.slug ?? id;
    return [{ entry, code, strength: 0.85, inErrorField: false, vendorUnique: true, label: why }];
  });
}

/**
 * Codes whose words are the plain English of any refusal: "Access Denied" heads S3 answers, proxy
 * and web-server error pages, Windows and SuiteCloud messages, and is OAuth's `access_denied` only
 * when written as the code.
 */
const PLAIN_WORDS: ReadonlySet<string> = new Set(['access_denied']);

/** `token validity too broad`, `invalid scpoe`: a code written as adjacent words is a weaker code hit. */
function findCodeWords(
  sequence: readonly string[],
  camel: readonly boolean[],
  qualified: readonly boolean[],
  index: MatchIndex,
): CodeHit[] {
  const hits: CodeHit[] = [];
  sequence.forEach((term, i) => {
    const words = index.codeWords.get(term);
    if (words === undefined) return;
    for (const cw of words) {
      // `AccessDenied` (an AWS error) is not `access_denied` written as words.
      const shapeClash = cw.code.includes('_') && cw.terms.some((_, k) => camel[i + k] === true);
      // Spring's `invalid_token_response` is a token response, not `invalid_token`.
      const another = qualified[i + cw.terms.length - 1] === true;
      if (!shapeClash && !another && !PLAIN_WORDS.has(cw.code) && standsAt(cw.terms, sequence, i)) {
        hits.push({
          entry: cw.entry,
          code: cw.code,
          strength: cw.strength,
          inErrorField: false,
          vendorUnique: false,
          asWords: true,
        });
      }
    }
  });
  return hits;
}

function findCodes(
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
/** A provider's short error message naming the failure by its words, where no listed code is. */
const MESSAGE_STRENGTH = 0.75;
/** An explanation that shows a listed code was used loosely reads as the failure, like a named code. */
const EXPLANATION_STRENGTH = 0.9;

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

/** What a failure stated in words counts for: less than a bare status, far less than a code. */
export const STATED_STRENGTH = 0.4;
/** A stated failure's sentence is shown in `why` up to this many characters. */
const MAX_STATED_LABEL = 80;

/** Failures the text states in words ("the refresh token is invalid"), where no code is named. */
function statedFailures(text: string, index: MatchIndex): CodeHit[] {
  const seen = new Set<number>();
  const hits: CodeHit[] = [];
  for (const { message, entries } of namedInSentences(text, index))
    for (const entry of entries) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      hits.push({
        entry,
        code: message,
        strength: STATED_STRENGTH,
        inErrorField: false,
        vendorUnique: false,
        label: `stated "${shortened(message, MAX_STATED_LABEL)}"`,
      });
    }
  return hits;
}

/** The text cut to `max` characters, ending in "..." where it was cut. */
function shortened(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

interface MessageReading {
  readonly hits: readonly CodeHit[];
  readonly explained: ReadonlyMap<number, readonly number[]>;
  readonly explainedCodes: ReadonlySet<string>;
}

/**
 * Where an error body carries no code the catalogue knows, its short message (`"message": "Invalid
 * refresh token"`, Strava's `{"resource":"RefreshToken",…,"code":"invalid"}`) names the failure by
 * its words. A code named in an error field is the provider's own reading and stands, unless its
 * explanation names another failure and none of the code's own words (`unauthorized_client` with
 * "refresh_token is invalid"): then the explanation is read as the failure and the code as loose.
 */
function messageRules(
  text: string,
  index: MatchIndex,
  literal: readonly CodeHit[],
): MessageReading {
  const coded = literal.filter((h) => h.inErrorField && h.strength >= 0.8);
  const hit = (message: string, entry: number, strength: number, inErrorField: boolean) => ({
    entry,
    code: message,
    strength,
    inErrorField,
    vendorUnique: false,
    label: `error message "${message}"`,
  });
  const named = coded.length === 0 ? namedByMessages(text, index) : [];
  const explanations = explainedOtherwise(text, index, coded);
  const hits: CodeHit[] = [
    ...named.flatMap((n) => n.entries.map((e) => hit(n.message, e, MESSAGE_STRENGTH, true))),
    ...explanations.flatMap((x) =>
      x.entries.map((e) => hit(x.message, e, EXPLANATION_STRENGTH, x.inErrorField)),
    ),
  ];
  return {
    hits,
    explained: explanations.reduce(
      (m, x) => addEntries(m, x.code, x.entries),
      new Map<number, readonly number[]>(),
    ),
    explainedCodes: new Set(explanations.map((x) => x.codeText)),
  };
}

/**
 * `invalid-grant` or `INVALID_GRANT` is a spelling of `invalid_grant`; `AccessDenied` (an S3 error)
 * is not `access_denied`. CamelCase codes accept any case or separators.
 */
function sameShape(code: string, token: string): boolean {
  return !code.includes('_') || /[_-]/.test(token);
}

/** A misspelling keeps the code's shape: `invalid_code` is no typo of `InvalidScope`. */
function typoShape(code: string, token: string): boolean {
  return code.includes('_') === /[_-]/.test(token);
}

/** CamelCase with two or more humps, snake_case or UPPER_SNAKE: a code, in an error field. */
const CODE_SHAPE =
  /^(?:[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+|[a-z]+(?:_[a-z0-9]+)+|[A-Z]+(?:_[A-Z0-9]+)+)$/;

/** CamelCase with two or more humps, or snake_case: the shapes codes are written in. */
function looksLikeCode(token: string): boolean {
  return (
    token.length >= 8 &&
    (/^[A-Z][a-z]+[A-Z][a-zA-Z]+$/.test(token) || /^[a-z]+_[a-z_]+$/i.test(token))
  );
}

/** A misspelt code (`TokenExpierd`, `invalid_clinet`) found with fuse.js over the catalogue's codes. */
function fuzzyCode(token: string, inErrorField: boolean, index: MatchIndex): CodeHit[] {
  // fuse.js's pick must be of the same shape and a few edits away: when no code of the searched
  // buckets is, there is nothing to search for (most code-shaped words of a log are not codes).
  const near = (code: string): boolean => typoShape(code, token) && fewEdits(code, token);
  if (!NEAR_LENGTHS.some((d) => index.codeSearch.some(bucketOf(token, d), near))) return [];
  const best = nearestCode(token, index);
  if (best === undefined) return [];
  if (!typoShape(best.item, token) || !fewEdits(best.item, token)) return [];
  if (otherWords(token, best.item, index)) return [];
  const refs = index.codes.get(best.item.toLowerCase()) ?? [];
  return refs.map((r) => ({
    entry: r.entry,
    code: r.code,
    strength: r.strength * 0.7,
    inErrorField,
    vendorUnique: r.vendorUnique,
  }));
}

/**
 * A token spelt in words the catalogue knows, other than the code's, is another code, not a typo
 * of it: Zod's `invalid_type` (every MCP client's schema error) is no misspelt `invalid_token`. A
 * misspelling has a word no entry uses (`invalid_clinet`, `TokenExpierd`).
 */
function otherWords(token: string, code: string, index: MatchIndex): boolean {
  const words = splitIdentifier(token).map(toTerm);
  if (!words.every((t) => t !== undefined && index.termIds.has(t))) return false;
  return words.join(' ') !== splitIdentifier(code).map(toTerm).join(' ');
}

/** Misspelt codes are looked for among codes at most two characters longer or shorter. */
const NEAR_LENGTHS = [-2, -1, 0, 1, 2];

function bucketOf(token: string, d: number): string {
  return codeBucket(token.charAt(0), token.length + d);
}

/** The closest code within two characters of the token's length that fuse.js scores ≤ 0.2. */
function nearestCode(token: string, index: MatchIndex): { item: string } | undefined {
  let best: { item: string; score: number } | undefined;
  for (const d of NEAR_LENGTHS) {
    const hit = index.codeSearch.best(bucketOf(token, d), token);
    if (hit !== undefined && hit.score <= 0.2 && (best === undefined || hit.score < best.score)) {
      best = hit;
    }
  }
  return best;
}

/**
 * Systems whose code shape the text shows (`AADSTS700027`), listed in the catalogue or not. An
 * unlisted code names its system but is none of that system's entries, so it is no evidence for
 * them; it only says which system the text is about.
 */
function codeShapesShown(text: string, index: MatchIndex): string[] {
  return index.vendors.filter((v) => v.codes.some((c) => c.test(text))).map((v) => v.system);
}

/** The text the first of these patterns finds (none of them global), or undefined. */
function firstFound(patterns: readonly RegExp[], text: string): string | undefined {
  for (const p of patterns) {
    const found = p.exec(text)?.[0];
    if (found !== undefined) return found;
  }
  return undefined;
}

/** What a code written as words counts for when it is snake_case (see indexCodeWords). */
export const PLAIN_CODE_WORDS = 0.55;

/**
 * A vendor's code written as ordinary words ("invalid signature", "insufficient permission") is
 * that vendor's code only where the text could be about that vendor: where it shows another
 * system (an Entra log line, a host) and not this one, the words are that system's, or English,
 * and the hit is dropped. Where the text shows no system at all, a CamelCase code's words
 * (NetSuite's `InvalidSignature`, `InvalidState`, `InvalidScope`, `TokenExpired`) are the plain
 * English of any OAuth failure: they count as a snake_case code's words do, which name no code on
 * their own (blind splits of sessions 10 and 11: a Sign in with Apple "invalid signature" and an
 * Okta "invalid state parameter" report were read as those NetSuite entries).
 */
function vendorWordsAsRead(
  hit: CodeHit,
  shown: ReadonlySet<string>,
  index: MatchIndex,
): readonly CodeHit[] {
  if (hit.asWords !== true) return [hit];
  const system = index.entries[hit.entry]?.system;
  if (system === undefined || !index.vendorSystems.has(system) || shown.has(system)) return [hit];
  if (shown.size > 0) return [];
  return hit.strength > PLAIN_CODE_WORDS ? [{ ...hit, strength: PLAIN_CODE_WORDS }] : [hit];
}

function detectVendors(
  text: string,
  signals: Signals,
  queryTerms: ReadonlyMap<string, number>,
  index: MatchIndex,
  codeHits: readonly CodeHit[],
): Map<string, VendorEvidence> {
  const out = new Map<string, VendorEvidence>();
  for (const rule of index.vendors) {
    const why: string[] = [];
    let strength = 0;
    const own = codeHits.find(
      (h) => h.vendorUnique && h.strength >= 0.8 && index.entries[h.entry]?.system === rule.system,
    );
    if (own !== undefined) {
      strength += 0.6;
    }
    const host = signals.hosts.find((h) => rule.hosts.some((s) => h === s || h.endsWith(`.${s}`)));
    if (host !== undefined) {
      strength += 1;
      why.push(`host ${host}`);
    }
    const path = firstFound(rule.paths, text);
    if (path !== undefined) {
      strength += 0.7;
      why.push(`path ${path}`);
    }
    const shape = firstFound(rule.shapes, text);
    if (shape !== undefined) {
      strength += 0.7;
      why.push(`shows ${shape}`);
    }
    const word = rule.words.find(
      (w) => w.terms.every((t) => queryTerms.has(t)) && (w.together?.test(text) ?? true),
    );
    if (word !== undefined) {
      strength += 0.6;
      why.push(`mentions ${word.name}`);
    }
    if (strength > 0) out.set(rule.system, { strength: Math.min(1, strength), why });
  }
  return out;
}
