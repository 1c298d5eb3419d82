import { UnicodePattern } from './unicode-pattern.js';

/** Function words and filler that never tell errors apart (English only: other languages simply miss). */
const STOPWORDS = new Set(
  (
    'a an the and or but if then so to of in on at by for from with without into onto over under up down out ' +
    'is are was were be been being am do does did done has have had having it its this that these those there here ' +
    'i we you he she they me us him her them my our your their mine ours what which who whom whose when where why how ' +
    'not no nor can could should would will shall may might must just also too very only even still yet again ' +
    'all any some each every both either neither one two about after before since until while as than such ' +
    'get got gets getting go goes going went make makes made say says said see seen use used using uses ' +
    'now today yesterday tomorrow please thanks thank hi hello hey ok okay yes anyone someone something ' +
    'does doesnt dont didnt isnt arent wasnt werent cant cannot wont im ive id youre theyre thats whats ' +
    'like know think guess seems seem look looks looking way thing things lot bit new old same other another ' +
    'http https www com json'
  ).split(' '),
);

/** A tiny suffix stripper: enough that expired/expires/expiry, tokens/token, rejected/rejects meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ss')) return w;
  else if (w.endsWith('s') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ation', 'ition', 'ing', 'ed', 'er', 'ly', 'ity', 'ment']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Splits `TokenValidityTooBroad`, `invalid_client`, `client-id` into their words. */
export function splitIdentifier(token: string): string[] {
  if (!/[A-Z_\-./:\s]/.test(token)) return [token];
  return token
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-./:]+/)
    .filter((p) => p !== '');
}

/** `[A-Za-z0-9_]` and `[A-Za-z]` by character code: the scanners' ASCII fast path. */
const ASCII_WORD = new Uint8Array(128);
const ASCII_LETTER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_WORD[c] = /\w/.test(ch) ? 1 : 0;
  ASCII_LETTER[c] = /[A-Za-z]/.test(ch) ? 1 : 0;
}
// Compiled on first use: most pastes are ASCII and never ask.
const UNICODE_WORD = new UnicodePattern(String.raw`^[\p{L}\p{N}]$`, 'u');
const UNICODE_LETTER = new UnicodePattern(String.raw`^\p{L}$`, 'u');

/** UTF-16 units of the code point at `i` when `ascii` or `unicode` accepts it, else 0. */
function widthIf(text: string, i: number, ascii: Uint8Array, unicode: UnicodePattern): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ascii[c] ?? 0;
  const cp = text.codePointAt(i) ?? c;
  const ch = String.fromCodePoint(cp);
  return unicode.for(ch).test(ch) ? (cp > 0xffff ? 2 : 1) : 0;
}

/**
 * `\s` by character code (a space, a tab, a line break, Unicode's spaces): scanners test one
 * character without a regular expression or a one-character string.
 */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Where the run of word characters (`[\p{L}\p{N}_]`) from `i` ends, and `i` itself when none
 * starts there. Scanned by character code, without a regular expression per word.
 */
function wordRunEnd(text: string, i: number): number {
  let end = i;
  while (end < text.length) {
    // ASCII inline (nearly every character of a paste); other code points through `widthIf`.
    const c = text.charCodeAt(end);
    const w = c < 128 ? (ASCII_WORD[c] ?? 0) : widthIf(text, end, ASCII_WORD, UNICODE_WORD);
    if (w === 0) break;
    end += w;
  }
  return end;
}

/** A text's runs of word characters (see `wordRunEnd`): where each starts and ends, and its text. */
export interface WordRuns {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly words: readonly string[];
}

let runsText: string | undefined;
let runsRead: WordRuns | undefined;

/**
 * The word runs of a text. A paste's code tokens and its terms are both read from its runs: the
 * runs of the last text are kept, so the paste is scanned once and each run cut out once (and its
 * hash, computed for the first lookup of it, serves the second).
 */
export function wordRuns(text: string): WordRuns {
  if (runsRead !== undefined && text === runsText) return runsRead;
  const starts: number[] = [];
  const ends: number[] = [];
  const words: string[] = [];
  for (let at = 0; at < text.length;) {
    // Most characters between words are ASCII: passed over here, without a call.
    const c = text.charCodeAt(at);
    const end = c < 128 && ASCII_WORD[c] === 0 ? at : wordRunEnd(text, at);
    if (end === at) {
      at++;
      continue;
    }
    starts.push(at);
    ends.push(end);
    words.push(text.slice(at, end));
    at = end;
  }
  runsText = text;
  runsRead = { starts, ends, words };
  return runsRead;
}

/**
 * Raw word tokens, original case kept (codes are recognised from these): what
 * `/[\p{L}\p{N}_]+(?:['’][\p{L}]+)?/gu` matches — a run of word characters, and an apostrophe
 * with the letters after it (`don't`, `user’s`). `apart`, when given, gets per token whether
 * something other than spaces or a hyphen stands between it and the token before; `keys`, per
 * token whether it is a key of a JSON body or a dict (see `isKey`).
 */
export function rawTokens(text: string, apart?: boolean[], keys?: boolean[]): string[] {
  const { starts, ends, words } = wordRuns(text);
  const out: string[] = [];
  // Where the last token ended: the letters after an apostrophe belong to the token before, and
  // the run they open starts after them (or is used up).
  let from = 0;
  for (let k = 0; k < words.length; k++) {
    let end = ends[k] ?? 0;
    if (end <= from) continue;
    const start = Math.max(starts[k] ?? 0, from);
    let token = start === starts[k] ? (words[k] ?? '') : text.slice(start, end);
    const q = text.charCodeAt(end);
    if (q === 39 || q === 0x2019) {
      let j = end + 1;
      for (let l; j < text.length && (l = widthIf(text, j, ASCII_LETTER, UNICODE_LETTER)) > 0;)
        j += l;
      if (j > end + 1) {
        end = j;
        token = text.slice(start, end);
      }
    }
    if (apart !== undefined) apart.push(partsFrom(text, from, start));
    if (keys !== undefined) keys.push(isKey(text, start, end));
    out.push(token);
    from = end;
  }
  return out;
}

/**
 * The token at `start`..`end` is a key of a JSON body or a dict (`"__type":`, `'error':`): quoted,
 * with a colon after it. A key is the body's structure, shared by every body of that shape.
 */
function isKey(text: string, start: number, end: number): boolean {
  const open = text.charCodeAt(start - 1);
  if ((open !== 34 && open !== 39) || text.charCodeAt(end) !== open) return false;
  let at = end + 1;
  while (text.charCodeAt(at) === 32) at++;
  return text.charCodeAt(at) === 58;
}

/** Something between `from` and `to` other than the characters that join words (see `joins`). */
function partsFrom(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!joins(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Characters that leave two words of one phrase together (spaces, tabs, a hyphen): any other
 * character between two words (a colon, a slash, a bracket, a line break) parts them, so
 * "401 Unauthorized]: Client ID" does not write `unauthorized client`. A space is any that `\s`
 * reads on one line: web pages and rich-text editors paste no-break and thin spaces.
 */
function joins(c: number): boolean {
  if (c < 128) return c === 32 || c === 9 || c === 45;
  // Unicode's spaces, not its line and paragraph separators nor the byte-order mark.
  return isSpace(c) && c !== 0x2028 && c !== 0x2029 && c !== 0xfeff;
}

/**
 * "OAuth 1.0a" and "OAuth 2.0" are two protocols, not one word and a number: written as
 * `oauth1` and `oauth2` (as people also type them) they read as two terms, so a text about
 * NetSuite's OAuth 1.0 token-based authentication does not match an entry's "OAuth 2.0" words.
 */
function versionedWords(text: string): string {
  return text.includes('1') || text.includes('2')
    ? text.replace(OAUTH_VERSION, (_, major: string) => `oauth${major}`)
    : text;
}

const OAUTH_VERSION = /\b(?:O[Aa]uth|oauth|OAUTH)[\s_-]?([12])(?:\.0)?a?\b/g;

/** The raw tokens terms are read from: the text's OAuth versions joined to their word first. */
export function termTokens(text: string, apart?: boolean[], keys?: boolean[]): string[] {
  return rawTokens(loginWords(versionedWords(text)), apart, keys);
}

/**
 * "Log in", "logged in" and "logging in" are the verb of the noun "login": read as the one word
 * `login`, a text saying it cannot log in meets an entry's "login fails" (and the reverse).
 */
function loginWords(text: string): string {
  return /log(?:s|ged|ging)?[ \t-]+in/i.test(text) ? text.replace(LOG_IN, 'login') : text;
}

const LOG_IN = /\blog(?:s|ged|ging)?[ \t-]+in(?:to)?\b/gi;

/** Stemmed, lower-case content terms of a text: identifiers split, stop words and noise dropped. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of termTokens(text)) {
    for (const part of wordsOf(raw)) {
      const term = toTerm(part);
      if (term !== undefined) out.push(term);
    }
  }
  return out;
}

/** A token and, when it is an identifier, its parts: `NetSuite` is a name and also `net suite`. */
export function wordsOf(raw: string): string[] {
  const parts = splitIdentifier(raw);
  return parts.length > 1 ? [raw, ...parts] : parts;
}

export function toTerm(word: string): string | undefined {
  if (word.length < 2 || word.length > 41) return undefined;
  const lower = /['’]/.test(word) ? word.toLowerCase().replace(/['’]/g, '') : word.toLowerCase();
  if (lower.length < 2 || lower.length > 40) return undefined;
  if (STOPWORDS.has(lower)) return undefined;
  // Numbers, ids and hashes carry no meaning for the catalogue (statuses are extracted separately).
  const digits = countDigits(lower);
  if (digits > lower.length - digits + 1 || digits >= 5 || /^[0-9a-f]{8,}$/.test(lower))
    return undefined;
  return stem(lower);
}

function countDigits(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
