import type { MatchIndex } from './match-index.js';
import { STATUS_NOUNS } from './named-words.js';
import { MAX_CACHED_TOKEN, MAX_READ_TOKENS, readToken, tokensReadBy } from './read-token.js';
import { reasonPhrase } from './reason-phrases.js';
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
    const statusWord = statusCodeWord(tokens, apart, n);
    const field = reason || (token.field && !(raw.includes('_') && isSubject(tokens, apart, n)));
    for (let i = 0; i < parts.length; i++) {
      const term = parts[i];
      if (out.size >= MAX_TERMS) return collected(out, sequence, camel, qualified, fields, plain);
      // A status's "code" is no word of the paste: it names nothing that failed.
      const dropped = statusWord && term?.term === STATUS_CODE_TERM;
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
 * Token `n` is the "code" of an HTTP status or numeric error: "status code 400", "Response code
 * 401", `statusCode: 401`, `errorCode=003200` (the number next, after at most a colon or an equals
 * sign).
 */
export function statusCodeWord(
  tokens: readonly string[],
  apart: readonly boolean[],
  n: number,
): boolean {
  if (!STATUS_NUMBER.test(tokens[n + 1] ?? '')) return false;
  const token = tokens[n] ?? '';
  if (STATUS_IDENTIFIER.test(token)) return true;
  return (
    token.toLowerCase() === STATUS_CODE_TERM &&
    n >= 1 &&
    apart[n] !== true &&
    STATUS_NOUN.test(tokens[n - 1] ?? '')
  );
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
