import { failedRequest, type RequestSide } from './failed-request.js';
import { isSpace, wordRuns } from './tokens.js';
import { UnicodePattern } from './unicode-pattern.js';
/** Exact, structural signals read from a paste before any fuzzy matching. */
export interface Signals {
  /** HTTP statuses seen in status lines, JSON fields, arrows or "(404) Not Found" forms. */
  readonly statuses: ReadonlySet<number>;
  /** Host names seen in URLs or `Host:` headers, lower case. */
  readonly hosts: readonly string[];
  /** Raw word tokens that look like codes (`invalid_client`, `TokenRejected`, `S22`). */
  readonly codeTokens: readonly CodeToken[];
  /** The request the paste shows failing: the API call made with a token, or the token request. */
  readonly failedRequest: RequestSide | undefined;
}

export interface CodeToken {
  readonly token: string;
  /** Appears where a code is expected: `error=`, `"error":`, `Detail:`, `o:errorCode`, `ErrorCode:`. */
  readonly inErrorField: boolean;
  /** Appears as a category (`error_category=`, `"type":`): a class of errors, not the error. */
  readonly inCategoryField?: boolean;
  /** Written right after "not" ("MissingKey (not MissingKeyId)"): named as what the error is not. */
  readonly negated?: boolean;
}

const STATUS_CODES = new Set([
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 413, 415, 422, 429, 500, 501, 502, 503,
  504,
]);

/** A 3-digit status standing alone: not part of a longer number, date, version, port or line number. */
const STATUS = /(?<![\w./#-])([45]\d\d)(?![\w/%-]|:\d|\.\w|\s*(?:ms|mb|kb|px|lines?)\b)/gi;
const NOT_STATUS_BEFORE = /(?:\b(?:line|port|char|rack|row|col(?:umn)?|page|id)|#)\s*$/i;

/**
 * HTTP's reason phrase for 401 printed alone as a server's whole message (`{ message: 'Unauthorized' }`,
 * `<h1>Unauthorized</h1>`, `HttpResponseException: Unauthorized at https://…`): the status itself,
 * written without its number. reason-phrases.ts's `aloneReason` reads the same in a paste's tokens
 * (so it is no word of the paste); the two differ at the edges (`for url` here, any mark there).
 */
const ALONE_401 = /(?:^|[>'"`:]\s*)Unauthorized(?=\s*(?:[<'"`.,]|$| at | for url))/m;
export function extractStatuses(text: string): Set<number> {
  const found = new Set<number>();
  for (const m of text.matchAll(STATUS)) {
    const code = Number(m[1]);
    if (!STATUS_CODES.has(code)) continue;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (NOT_STATUS_BEFORE.test(before)) continue;
    found.add(code);
  }
  if (!found.has(401) && ALONE_401.test(text)) found.add(401);
  return found;
}

const HOST = /\b((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})\b/gi;

/** `[A-Za-z0-9_.-]` by character code: the characters of a run a host can be read from. */
const HOST_RUN = new Uint8Array(128);
for (let c = 0; c < 128; c++) HOST_RUN[c] = /[\w.-]/.test(String.fromCharCode(c)) ? 1 : 0;

function inHostRun(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 && HOST_RUN[c] === 1;
}

/**
 * The runs HOST is read over: each run of `[\w.-]` holding a dot, not the whole text. A host is made
 * of those characters and holds a dot, and a run's ends border on non-word characters as the
 * string's ends do, so the matches are the same. Most words of a log hold no dot and are not read.
 */
function hostRuns(text: string): string[] {
  const out: string[] = [];
  for (let dot = text.indexOf('.'); dot >= 0;) {
    let start = dot;
    while (start > 0 && inHostRun(text, start - 1)) start--;
    let end = dot + 1;
    while (end < text.length && inHostRun(text, end)) end++;
    if (letterAfterDot(text, dot, end)) out.push(text.slice(start, end));
    dot = text.indexOf('.', end);
  }
  return out;
}

/**
 * A dot with two letters after it, from `dot` to `end`: HOST's last label. A log's dotted runs
 * are mostly times and numbers (`03:00:01.402`), not scanned.
 */
function letterAfterDot(text: string, dot: number, end: number): boolean {
  for (let i = dot; i >= 0 && i + 2 < end; i = text.indexOf('.', i + 1))
    if (isLetter(text.charCodeAt(i + 1)) && isLetter(text.charCodeAt(i + 2))) return true;
  return false;
}

function isLetter(c: number): boolean {
  const lower = c | 32;
  return lower >= 97 && lower <= 122;
}

export function extractHosts(text: string): string[] {
  const hosts = new Set<string>();
  for (const run of hostRuns(text)) for (const host of hostsOfRun(run)) hosts.add(host);
  return [...hosts];
}

/**
 * The hosts HOST reads in one run, in order: a function of the run alone, remembered (a log
 * repeats its URLs and class names line after line), bounded and emptied when full.
 */
function hostsOfRun(run: string): readonly string[] {
  let hosts = runsRead.get(run);
  if (hosts === undefined) {
    const found: string[] = [];
    hosts = found;
    for (const m of run.matchAll(HOST)) {
      const host = (m[1] ?? '').toLowerCase();
      // File names and dotted class names (`TokenClient.cs`, `java.lang.String`) are not hosts.
      if (
        /\.(?:cs|java|py|js|ts|php|rb|go|rs|kt|ps1|pem|json|xml|yml|yaml|txt|log|dll|exe|lang|util|net|io)$/.test(
          host,
        )
      ) {
        if (!/\.(?:net|io)$/.test(host) || !host.includes('-')) continue;
      }
      found.push(host);
    }
    if (run.length <= MAX_REMEMBERED_RUN) {
      if (runsRead.size >= MAX_REMEMBERED_RUNS) runsRead.clear();
      runsRead.set(run, hosts);
    }
  }
  return hosts;
}

const runsRead = new Map<string, readonly string[]>();
const MAX_REMEMBERED_RUNS = 512;
const MAX_REMEMBERED_RUN = 200;

// A JSON "name" holds the code of a thrown error object (SuiteScriptError, JavaScript errors);
// an `errorType` holds the error's code (Fitbit's `"errorType": "invalid_grant"`), not a category.
// JSON quoted inside a string (a body in a log line: `\"code\": \"InvalidAuthenticationToken\"`)
// escapes its quotes.
const ERROR_FIELD_BEFORE =
  /(?:(?:error(?:_?(?:code|type))?|detail|errorcode|code|reason|audit[^:=\n]{0,24})\\?["']?\s*[:=]\s*\\?["']?|\\?"name\\?"\s*:\s*\\?"|<(?:\w+:)?(?:code|errorcode|faultcode|error)>)\s*$/i;

const CATEGORY_FIELD_BEFORE = /(?:categor(?:y|ies)|type|kind|class)\\?["']?\s*[:=]\s*\\?["']?\s*$/i;

/** A letter, a digit or an underscore. */
const WORD_CHARACTER = new UnicodePattern(String.raw`[\p{L}\p{N}_]`, 'u');

/**
 * "not " or "(not " right before position `at` (any case, one space or tab): read by character
 * code, as this runs for every word of a paste.
 */
function afterNot(text: string, at: number): boolean {
  let i = at - 1;
  if (text.charCodeAt(i) === 40) i--; // "("
  const space = text.charCodeAt(i);
  if (space !== 32 && space !== 9) return false;
  if (i < 3 || (text.charCodeAt(i - 1) | 32) !== 116) return false; // t
  if ((text.charCodeAt(i - 2) | 32) !== 111 || (text.charCodeAt(i - 3) | 32) !== 110) return false; // o, n
  const before = text.charAt(i - 4);
  return i === 3 || !WORD_CHARACTER.for(before).test(before);
}

/** Every word token (codes are looked up from these), noting the ones in an error field. */
export function extractCodeTokens(text: string): CodeToken[] {
  const out: CodeToken[] = [];
  // The words seen, one set per kind (plain, in an error field, in a category field, negated):
  // no marked key string is built for a word after a field mark.
  const seen = new Set<string>();
  const seenError = new Set<string>();
  const seenCategory = new Set<string>();
  const seenNegated = new Set<string>();
  // Each run of word characters (`[\p{L}\p{N}_]+`), read once for this and the paste's terms.
  const { starts, ends, words } = wordRuns(text);
  for (let k = 0; k < words.length; k++) {
    const at = starts[k] ?? 0;
    const end = ends[k] ?? 0;
    if (end - at < 3 || end - at > 60) continue;
    const token = words[k] ?? '';
    const before = fieldBefore(text, at) ? text.slice(Math.max(0, at - 32), at) : '';
    const inErrorField = before !== '' && ERROR_FIELD_BEFORE.test(before);
    const inCategoryField = before !== '' && !inErrorField && CATEGORY_FIELD_BEFORE.test(before);
    const negated = !inErrorField && afterNot(text, at);
    const kind = inErrorField
      ? seenError
      : inCategoryField
        ? seenCategory
        : negated
          ? seenNegated
          : seen;
    // One lookup: a word already there leaves the set as it was.
    const size = kind.size;
    if (kind.add(token).size === size) continue;
    if (negated) out.push({ token, inErrorField, negated });
    else
      out.push(
        inCategoryField ? { token, inErrorField, inCategoryField } : { token, inErrorField },
      );
  }
  return out;
}

/**
 * Both field patterns end in `:`, `=`, a quote or `>` before optional blanks: most words of a
 * log are not after one, and skip the two look-behind tests. Read by character code, as this runs
 * for every word of a paste.
 */
function fieldBefore(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  // `:`, `=`, `"`, `'`, `>`
  return c === 58 || c === 61 || c === 34 || c === 39 || c === 62;
}

export function extractSignals(text: string): Signals {
  return {
    statuses: extractStatuses(text),
    hosts: extractHosts(text),
    codeTokens: extractCodeTokens(text),
    failedRequest: failedRequest(text),
  };
}
