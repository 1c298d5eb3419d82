import { heldBy, type Held, type TestRule } from './testers.js';
import { TWO_LETTERS } from './unicode-pattern.js';

/*
 * Error output as a program prints it (status line, error body, header, stack trace, log line):
 * the register's output rules over a whole paste, and each line of a paste read once.
 */

type Rule = readonly [name: string, pattern: RegExp];

const OUTPUT: readonly Rule[] = [
  // Also Python requests' HTTPError as it prints: "401 Client Error: Unauthorized for url: …".
  ['status line', /\bHTTP\/\d(?:\.\d)?"?\s+[1-5]\d\d\b|\b[45]\d\d (?:Client|Server) Error: [A-Z]/],
  [
    'status',
    /\b(?:status(?:[ _]?code)?|response code|http)\s*[:=]?\s*[45]\d\d\b|"status(?:_?code)?"\s*:\s*"?[45]\d\d|\(\s*[45]\d\d\s*\)\s*[A-Z]|\b[45]\d\d\s*[-:]?\s*(?:Unauthori[sz]ed|Forbidden|Bad Request|Not Found)\b/i,
  ],
  [
    'error body',
    /["']?(?:error|error_?code|errorCode|o:errorCode|code)["']?\s*[:=]\s*["']?[A-Za-z][\w.-]{2,}|\berror_(?:description|summary)\b|["']error["']\s*=>\s*[{"]|<(?:\w+:)?(?:faultcode|faultstring|code)>\s*[A-Za-z]|\b(?:SOAP-ENV|soap|soapenv|env):(?:Client|Server|Fault)\b/,
  ],
  ['WWW-Authenticate', /\bwww-authenticate\s*:/i],
  // A request and the status it got, as clients and proxies log it: "POST /oauth2/token -> 401".
  [
    'request and status',
    /\b(?:GET|POST|PUT|PATCH|DELETE)\s+\S+\s*(?:->|→|=>|-|:|returns?|returned|gives?|gave)\s*(?:HTTP\s*)?[45]\d\d\b/,
  ],
  [
    'stack trace',
    /^\s+at\s+[\w$.<>]+[.(]|^\s+at\s+(?:async\s+)?(?:[\w$.<>[\]]+\s+\()?(?:\/|[A-Za-z]:\\|file:\/\/|node:)[^\s)]*:\d+:\d+\)?\s*$|Traceback \(most recent call last\)|^\s*Caused by:|Exception in thread|^\s*#\d+\s+\S+\(\d+\)|^[^\n]*#\d+\s+[\w$.<> ]+\((?:package|dart|file):[^\s)]+:\d+|\bStack trace:/m,
  ],
  // Also a kind of error written as words opening a line, as libraries and logs print it ("Client
  // error: `POST …` resulted in a `400 Bad Request`", "Authentication error: Refresh Token has
  // expired"); capitalised and not after a determiner, so a sentence's "This error: …" is not one.
  // Not source code that names the class (`throw new OAuth2AuthenticationException(…)`, `raise
  // TokenExpired(`, `except InvalidGrantError:`): a program that would raise it, not one that did.
  // Also a framework's error page naming where it was thrown ("DropboxClientException in
  // DropboxGuzzleHttpClient.php line 59:"), and an error code printed as a class name
  // ("AuthenticationErrorGeneral: SRV-110-Authentication Failure").
  [
    'exception',
    /\b[A-Z]\w*(?:Exception|Error)\s+in\s+\S+\.\w+\s+line\s+\d+|\b[A-Z][a-z]+(?:[A-Z][a-z]+)*Error[A-Z][a-z]+\w*:\s*\S|^\s*Unhandled exception\.\s|\b[A-Z]\w*(?:Exception|Error|Fault)\b(?<!\b(?:new|raise|throw|throws|except|instanceof|extends|class)\s+(?:[\w$]+[.:\\]+)*\w+)\s*[:(]\s*\S|^[ \t]*(?!(?:The|This|That|Same|Another|Any|Each|Which|What|My|Our|Your|Its)\b)[A-Z][a-z]+ error[ \t]*:[ \t]*\S/m,
  ],
  // Also Serilog's console format, its time alone and its level ("[10:50:11 ERR] No client …").
  [
    'log line',
    /^\s*\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*\b(?:ERROR|ERR|WARN(?:ING)?|WRN|FATAL|FTL|SEVERE|error|fail)|^\s*(?:\*\*)?\[\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\s+(?:ERR|ERROR|FTL|FATAL|WRN|WARN)\]/im,
  ],
  // "Error: …", "Error Message: …", and Google's sign-in page: "Error 400: redirect_uri_mismatch".
  // Mid-line only before a code ("… Please check your Access Token. Error Message: invalid_grant"):
  // a library's sentence, then the code the server sent.
  [
    'error line',
    /^\s*(?:\*{3}\s*|[`"'])?(?:error|fatal|failed|failure)\b(?:\s+[45]\d\d)?\s*(?:\*{3})?\s*[:!\]-]|^\s*error\s+(?:message|msg|details?|description|type)\s*[:=][ \t]*\S|\berror[ _]?(?:message|msg|description)\s*[:=]\s*[`"']?[a-z]+(?:_[a-z]+)+\b|\bError:\s*[a-z]+(?:_[a-z]+)+:\s|^\s*(?:PHP\s+)?Fatal error:\s+Uncaught\b/im,
  ],
  [
    'audit trail row',
    // A Login Audit Trail row, its Detail quoted ('Detail "IntegrationBlocked"') or before its Status.
    /\bDetail\s*[:|]?\s*[`"'“]?[A-Z][a-z]+[A-Z]\w+|\bStatus\s*[:|]?\s*Failure\b|\bFailure\s*\|?\s*[A-Z][a-z]+[A-Z]\w+|\b[A-Z][a-z]+[A-Z]\w+[ \t]*\|?[ \t]*Failure\b/,
  ],
  // Also inside Markdown emphasis: "_AADSTS50173: The provided grant has expired …_".
  ['coded message', /(?<![A-Za-z0-9])(?:AADSTS\d{4,}|[A-Z]{2,}(?:_[A-Z]+)+)\s*:\s+[A-Z]/],
  ['command output', /^\s*(?:\$|>|PS [A-Z]:\\.*>|[A-Z]:\\\S*>)\s*\S/m],
];

/** The output rules' names, in order: the gate model reads one feature per rule. */
export const OUTPUT_RULES: readonly string[] = OUTPUT.map(([name]) => name);

/**
 * The poster's few words in front of output on the same line ("This page is missing AADSTS7000215:
 * …", "we keep getting error: invalid_grant"): a line of output is the program's only from where
 * the output starts.
 */
function wordsBeforeOutput(line: string): string {
  let start = line.length;
  for (const pattern of OUTPUT_LINE) {
    const at = pattern.exec(line)?.index;
    if (at !== undefined && at < start) start = at;
  }
  const before = line.slice(0, start);
  // A long lead-in is more likely a library's own sentence printed before its cause.
  const words = before.split(/\s+/).filter((w) => w !== '').length;
  return words <= 10 && TWO_LETTERS.for(before).test(before) ? before : '';
}

/** A line of error output: a status line, an error body, a frame, a log line, a fault. */
export function isOutputLine(line: string): boolean {
  return readLine(line) !== null;
}

/**
 * A line read once: null when it is not output, else the poster's words in front of the output.
 * The register, the gate's shares and its paragraphs each read every line of a paste, and a log
 * repeats its lines; remembered lines are bounded and emptied when full, as read-token.ts's tokens.
 */
export function readLine(line: string): string | null {
  let read = linesRead.get(line);
  if (read === undefined) {
    read = OUTPUT_LINE.some((p) => p.test(line)) ? wordsBeforeOutput(line) : null;
    if (line.length <= MAX_REMEMBERED_LINE) {
      if (linesRead.size >= MAX_REMEMBERED_LINES) linesRead.clear();
      linesRead.set(line, read);
    }
  }
  return read;
}

const linesRead = new Map<string, string | null>();
const MAX_REMEMBERED_LINES = 4_096;
const MAX_REMEMBERED_LINE = 1_000;

/**
 * The output rules as the whole paste is read: the costlier ones each passed over in a paste
 * without what every match of theirs holds (see `heldBy`).
 */
const OUTPUT_HELD: Readonly<Record<string, Held>> = {
  'error body': { marks: ['error', 'code', 'faultstring', 'ENV', 'env', 'soap'] },
  'log line': { words: ['err', 'warn', 'wrn', 'fatal', 'ftl', 'severe', 'fail'] },
  'error line': { words: ['error', 'fatal', 'fail'] },
  'audit trail row': { marks: ['Detail', 'Failure'] },
  'command output': { marks: ['$', '>'] },
};

export const OUTPUT_TESTS: readonly TestRule[] = OUTPUT.map(([name, pattern]) => {
  const held = OUTPUT_HELD[name];
  return [name, held === undefined ? pattern : heldBy(held, pattern)];
});

const OUTPUT_LINE: readonly RegExp[] = OUTPUT.filter(
  ([name]) => name !== 'command output' && name !== 'status',
).map(([, pattern]) => pattern);
