import type { MatchIndex } from './match-index.js';
import { STATUS_NOUNS } from './named-words.js';
import { MAX_CACHED_TOKEN, MAX_READ_TOKENS, readToken, tokensReadBy } from './read-token.js';
import { aloneReason, reasonPhrase, unauthorizedReason } from './reason-phrases.js';
import { termTokens } from './tokens.js';

/** The word "code" of an HTTP status or numeric error (see `STATUS_NOUNS`): no authorization code. */
const STATUS_CODE_TERM = 'code';
/** The word before "code" that makes it a status's (`status code`, `response code`). */
const STATUS_NOUN = new RegExp(`^(?:${STATUS_NOUNS})$`, 'i');
/** An identifier naming a status (`statusCode`, `status_code`, `ResponseCode`, `httpCode`). */
const STATUS_IDENTIFIER = new RegExp(`^(?:${STATUS_NOUNS})[_-]?code$`, 'i');
/** An HTTP status or a numeric error code (`errorCode=003200`). */
const STATUS_NUMBER = /^\d{1,8}$/;

/** Cap on distinct terms read: a huge paste cannot make scoring slow. */
const MAX_TERMS = 600;

interface Collected {
  readonly terms: Map<string, number>;
  /** Known terms in text order (identifier parts only), for codes written as words. */
  readonly sequence: string[];
  /** Per sequence position: the word was part of a CamelCase identifier (`AccessDenied`). */
  readonly camel: boolean[];
  /** Per sequence position: the next word of the same identifier is another noun (see `qualifiesNext`). */
  readonly qualified: boolean[];
  /** Terms seen only in identifiers without a failure word (see `Query.fieldMask`). */
  readonly fields: ReadonlySet<string>;
}

export function collectTerms(text: string, index: MatchIndex): Collected {
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
  const keys: boolean[] = [];
  const tokens = termTokens(text, apart, keys);
  const status = statusWordsIn(tokens);
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
    // HTTP's name for a 401, alone or after the status: no word of the paste (reason-phrases.ts).
    const alone = aloneReason(tokens, apart, n) || unauthorizedReason(tokens, apart, n);
    const reason =
      alone ||
      reasonPhrase(tokens, apart, n) ||
      (status.classError && statusClass(tokens, apart, n));
    // A status's "code" and HTTP's class word ("401 Client Error") are no words of the paste.
    const noWord =
      status.code && statusCodeWord(tokens, apart, n)
        ? STATUS_CODE_TERM
        : status.classError && classWord(tokens, apart, n)
          ? raw.toLowerCase()
          : undefined;
    // A body's key (`"__type":`, `"message":`) is its structure: "response: {"__type"" writes no
    // "response type".
    const field =
      reason ||
      keys[n] === true ||
      (token.field && !(raw.includes('_') && isSubject(tokens, apart, n)));
    for (let i = 0; i < parts.length; i++) {
      const term = parts[i];
      if (out.size >= MAX_TERMS) return collected(out, sequence, camel, qualified, fields, plain);
      // They name nothing that failed.
      const dropped = alone || (noWord !== undefined && term?.term === noWord);
      if (term !== undefined && !dropped) {
        if ((out.get(term.term) ?? 0) < term.weight) out.set(term.term, term.weight);
        (field ? fields : plain).add(term.term);
      }
      if (parts.length === 1 || i > 0) {
        sequence.push(reason || dropped ? '' : (term?.term ?? ''));
        camel.push(isCamel);
        qualified.push(token.qualifies[i] === true);
      }
    }
  }
  return collected(out, sequence, camel, qualified, fields, plain);
}

/**
 * Whether the paste has what `statusCodeWord` and `statusClass` look for at all: a token ending in
 * "code" before one starting with a digit, and "client" or "server" before "error". Read once, so
 * the far commoner paste without them costs no per-token look-around.
 */
function statusWordsIn(tokens: readonly string[]): { code: boolean; classError: boolean } {
  let code = false;
  let classError = false;
  for (let k = 0; k < tokens.length && !(code && classError); k++) {
    const token = tokens[k] ?? '';
    if (!code && endsWithCode(token)) code = isDigit((tokens[k + 1] ?? '').charCodeAt(0));
    if (!classError && isWord(token, 'error')) classError = isClassWord(tokens[k - 1]);
  }
  return { code, classError };
}

/**
 * `token` ends in "code" in any case (`statusCode`, `ERROR_CODE`): read by character code, as this
 * runs for every token of a paste, without cutting out and lower-casing each one's last letters.
 */
function endsWithCode(token: string): boolean {
  const n = token.length;
  return (
    n >= 4 &&
    (token.charCodeAt(n - 1) | 32) === 101 && // e
    (token.charCodeAt(n - 2) | 32) === 100 && // d
    (token.charCodeAt(n - 3) | 32) === 111 && // o
    (token.charCodeAt(n - 4) | 32) === 99 // c
  );
}

/**
 * Token `n` is the "code" of an HTTP status or numeric error: "status code 400", "Response code
 * 401", `statusCode: 401`, `errorCode=003200` (the number next, after at most a colon or an equals
 * sign).
 */
function statusCodeWord(tokens: readonly string[], apart: readonly boolean[], n: number): boolean {
  // Read for every token of a paste: the next token's first character decides most of them.
  const next = tokens[n + 1];
  if (next === undefined || !isDigit(next.charCodeAt(0)) || !STATUS_NUMBER.test(next)) return false;
  const token = tokens[n] ?? '';
  if (STATUS_IDENTIFIER.test(token)) return true;
  return (
    token.toLowerCase() === STATUS_CODE_TERM &&
    n >= 1 &&
    apart[n] !== true &&
    STATUS_NOUN.test(tokens[n - 1] ?? '')
  );
}

/** HTTP's names of its 4xx and 5xx classes, as client wrappers print them before the reason. */
const CLASS_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^4\d\d$/, 'client'],
  [/^5\d\d$/, 'server'],
];
/** What a wrapper prints after the class: an HTTP method (Guzzle) or the reason phrase (requests). */
const AFTER_CLASS = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|Unauthorized|Forbidden)$/;

/**
 * Token `n` is a word of an HTTP status class a client wrapper prints, or of the reason phrase
 * after it: requests' "401 Client Error: Unauthorized for url: …" and Guzzle's "Client error:
 * `POST https://…` resulted in a `401 Unauthorized` response". That "client" is HTTP's 4xx class,
 * no OAuth client (`unauthorized_client`), and "Unauthorized" is the status's name.
 */
function statusClass(tokens: readonly string[], apart: readonly boolean[], n: number): boolean {
  for (let k = 0; k <= 2; k++) {
    const at = n - k;
    if (at < 0 || !isWord(tokens[at + 1], 'error') || apart[at + 1] === true) continue;
    const word = tokens[at];
    const cls = CLASS_WORDS.find(([, w]) => isWord(word, w));
    if (cls === undefined) continue;
    if (k === 2 && !/^(?:Unauthorized|Forbidden)$/.test(tokens[n] ?? '')) continue;
    // A status number before the class, or a method or reason phrase after it.
    if (cls[0].test(tokens[at - 1] ?? '') || AFTER_CLASS.test(tokens[at + 2] ?? '')) return true;
  }
  return false;
}

/** Token `n` is the class word itself ("client" of "401 Client Error"): no word of the paste. */
function classWord(tokens: readonly string[], apart: readonly boolean[], n: number): boolean {
  const word = tokens[n];
  return isClassWord(word) && statusClass(tokens, apart, n);
}

/** `token` is one of HTTP's class words ("client", "server"), in any case. */
function isClassWord(token: string | undefined): boolean {
  for (const [, w] of CLASS_WORDS) if (isWord(token, w)) return true;
  return false;
}

/**
 * `token` is the lower-case word `lower` in any case: its length first, as this runs for every
 * token of a paste and most differ in length.
 */
function isWord(token: string | undefined, lower: string): boolean {
  if (token?.length !== lower.length) return false;
  // Letter by letter, by character code (`lower` is lower-case ASCII letters): no lower-cased
  // copy of each five-letter word of a log ("DEBUG", "Token"). A character beyond ASCII is left to
  // toLowerCase, which maps some to ASCII letters (the Kelvin sign to "k").
  for (let i = 0; i < lower.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 128) return token.toLowerCase() === lower;
    if ((c | 32) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
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
