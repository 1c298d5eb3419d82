import type { MatchIndex } from './match-index.js';
import { qualifiesNext } from './named-words.js';
import { toTerm, wordsOf } from './tokens.js';
import { UnicodePattern } from './unicode-pattern.js';

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
export const MAX_READ_TOKENS = 20_000;
/** Longer tokens (a base64 blob) are read each time: rare, and they would fill the cache. */
export const MAX_CACHED_TOKEN = 64;

export function tokensReadBy(index: MatchIndex): Map<string, ReadToken> {
  let read = tokensRead.get(index);
  if (read === undefined) {
    read = new Map();
    tokensRead.set(index, read);
  }
  return read;
}

export function readToken(raw: string, index: MatchIndex): ReadToken {
  const words = wordsOf(raw);
  return {
    parts: words.map((part) => knownTerm(part, index)),
    isCamel: words.length > 1 && !/[_-]/.test(raw),
    field: IDENTIFIER.for(raw).test(raw) && !words.some((w, i) => i > 0 && IN_CODE_FAILURE.test(w)),
    qualifies: words.length > 1 ? words.map((_, i) => i > 0 && qualifiesNext(words[i + 1])) : [],
  };
}

/** snake_case or camelCase: a field's or a name's spelling (`2FA` and `OAuth` are words). */
const IDENTIFIER = new UnicodePattern(String.raw`[\p{L}\p{N}]_[\p{L}\p{N}]|[a-z][A-Z]`, 'u');
/** The words that make an identifier a code (`invalid_grant`, `TokenExpired`), not a field name. */
export const IN_CODE_FAILURE =
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
