/**
 * Passwords and secrets that no key names: written in a sentence (`the password is hunter2!`, `I
 * reset the password to Welcome1`, `the client secret is …`, `my API key is …`, `the refresh token
 * is …`), in a `.netrc` entry (`machine host login bob password …`), after a short
 * `-p`/`-P` option of a command that also names a user (`mysql -u root -pS3cret`, `docker login -u
 * bob -p …`, `sqlcmd -U sa -P …`), or given to PowerShell's `ConvertTo-SecureString`. One reader for
 * the detector (which reports those that look generated) and the stored-paste masker (which masks
 * every one): only values that read as a password are returned, never a word, a number, a stand-in
 * (`<password>`, `$PASSWORD`, `****`), a port or a path.
 */
import { isPlaceholder, looksLikePassword, looksLikeToken, variableAt } from './entropy.js';
import { isMask, MASK_SOURCE } from './mask.js';

export interface UnkeyedPassword {
  /** The value as written (quotes left out), or a mask the detector wrote there. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** In a sentence, after a command-line option, in `ConvertTo-SecureString` or in a `.netrc`. */
  readonly where: 'prose' | 'option' | 'secure-string' | 'netrc';
  /** What a sentence calls it; `password` elsewhere. */
  readonly name: ProseName;
}

/** What a sentence calls a credential. */
export type ProseName =
  'password' | 'client_secret' | 'api_key' | 'secret' | 'token' | 'access_token' | 'refresh_token';

/**
 * A credential named in prose: a password, a client (consumer, app) secret, an API or secret key,
 * a secret, a token (access, refresh, ID, bearer, auth, API, session, personal access); not after
 * letters or digits (`bypass`, `dbpassword` is a key) nor after a dash (`-ClientSecret 'x'` is a
 * command-line option, which the keyed reader reads as other keyed values).
 */
const KEY = String.raw`(?<![A-Za-z0-9-])(?:pass(?:word|wd|phrase|code)|pwd|pw|(?:client|consumer|app)[ _-]?secret|api[ _-]?key|secret[ _-]?key|secret|(?:(?:access|refresh|id|bearer|auth|api|session|personal[ _-]access)[ _-]?)?token)s?`;
/** The last credential a sentence names before its value: which one the value is. */
const NAMES = /(pass|pw)|(secret)|(key)|(token)/gi;
/** A verb before the key (`reset the user password to …`), up to three words between. */
const VERB = String.raw`\b(?:set|reset|change[ds]?|update[ds]?)[ \t]+(?:[\w'’]+[ \t]+){0,3}?`;
/**
 * After the key: `is`, `was` (`is now`, `is still`), `is set to`, `was changed to`, `has been reset
 * to`, or nothing before a quoted value (`the password 'Summer2024' fails`).
 */
const STATED = String.raw`[ \t]+(?:(?:(?:is|was|has[ \t]+been|got)[ \t]+)?(?:set|changed|reset|updated)[ \t]+to\b|(?:is|was)\b(?:[ \t]+(?:now|still)\b)?)`;
/**
 * The value: quoted, or bare up to a blank, a quote or a bracket, sentence punctuation after it left
 * out (`hunter2.`); at most 256 characters, so a long run is not read.
 */
const BARE_CHAR = String.raw`[^\s"'\x60<>()[\]{}]`;
const VALUE = String.raw`(?:(?<q>["'\x60])(?<quoted>${MASK_SOURCE}|[^\s"'\x60]{1,256})\k<q>|(?<bare>${MASK_SOURCE}|${BARE_CHAR}{0,255}[^\s"'\x60<>()[\]{}.,;:?])(?=[.,;:?]*(?:[\s"'\x60<>()[\]{}]|$)))`;
const PROSE = new RegExp(
  String.raw`(?:${VERB}${KEY}[ \t]+to\b|${KEY}${STATED}|${KEY}(?=[ \t]+["'\x60]))[ \t]*:?[ \t]*${VALUE}`,
  'gid',
);

/**
 * `-p`/`-P` after a blank, then its value after blanks (not another option) or glued on
 * (`-pS3cret`, as mysql takes it); quoted or one shell word.
 */
const OPTION = new RegExp(
  String.raw`(?<=^|[ \t])-[pP](?:[ \t]+(?=[^\s-])|(?=[^\s=-]))(?:(?<q>["'])(?<quoted>${MASK_SOURCE}|[^"'\r\n]{1,256})\k<q>|(?<bare>${MASK_SOURCE}|[^\s"'\x60;|&)]{1,256})(?![^\s"'\x60;|&)]))`,
  'gd',
);
/**
 * PowerShell's `ConvertTo-SecureString "…" -AsPlainText -Force`, its `-String` named or not, the
 * switches before or after it: the string is a password. So is a quoted string given to a
 * `SecureString` helper (`(SecureString "…")`); not a `[SecureString]` type nor `-AsSecureString`.
 */
const SWITCHES = String.raw`(?:[ \t]+-(?:AsPlainText|Force)\b(?::\$true)?){0,2}`;
const SECURE_STRING = new RegExp(
  String.raw`(?:\bConvertTo-SecureString${SWITCHES}(?:[ \t]+-String\b)?${SWITCHES}|(?<![\w-])SecureString(?=[ \t]+["']))[ \t]+(?:(?<q>["'])(?<quoted>${MASK_SOURCE}|[^"'\r\n]{1,256})\k<q>|(?<bare>${MASK_SOURCE}|[^\s"'\x60;|&()-][^\s"'\x60;|&()]{0,255})(?![^\s"'\x60;|&()]))`,
  'gid',
);

/**
 * A `.netrc` entry: `machine HOST` (or `default`), its `login`, `account` or `port` tokens, then
 * `password VALUE`, on one line or over several; blanks between tokens bounded, so a run of them is
 * not re-read.
 */
const NETRC = new RegExp(
  String.raw`(?<![^\s])(?:machine[ \t]{1,64}[^\s]{1,256}|default)(?:\s{1,64}(?:login|account|port)[ \t]{1,64}[^\s]{1,256}){0,3}\s{1,64}password[ \t]{1,64}(?:(?<q>["'])(?<quoted>${MASK_SOURCE}|[^"'\r\n]{1,256})\k<q>|(?<bare>${MASK_SOURCE}|[^\s"']{1,256})(?!\S))`,
  'gd',
);

/** A user option on the same command: `-u root`, `-uroot`, `-U sa`, `--user bob`, `--username=bob`. */
const USER_OPTIONS = /(?<=^|\s)(?:-[uU]|--user(?:name)?)(?=[ \t=]|[^\s-])/g;
/**
 * The MySQL and MariaDB clients, whose `-p` alone asks for the password: `mysql -u root -p mydb`
 * names the database, so a word after a spaced `-p` is a password there only if it reads as one.
 */
const MYSQL_CLIENTS =
  /\b(?:mysql(?:dump|admin|import|show|check|pump|sh)?|mariadb(?:-dump|-admin|-import|-show|-check)?)(?:\.exe)?(?=[ \t])/gi;
/** A user option right before: `-u -pat` is the user `-pat`, no password. */
const USER_BEFORE = /(?:^|\s)(?:-[uU]|--user(?:name)?)[ \t]+$/;
/** A line break that no `\` continues. */
const LINE_BREAKS = /(?<!\\)\r?\n/g;
/** How far either side of `-p` the command's user option is looked for. */
const COMMAND_REACH = 512;

/** Passwords written in a sentence, after a `-p` option, in a secure string or a `.netrc`, in text order. */
export function readUnkeyedPasswords(text: string): UnkeyedPassword[] {
  return [
    ...read(text, PROSE, 'prose'),
    ...read(text, OPTION, 'option'),
    ...read(text, SECURE_STRING, 'secure-string'),
    ...read(text, NETRC, 'netrc'),
  ].sort((a, b) => a.start - b.start);
}

function read(text: string, pattern: RegExp, where: UnkeyedPassword['where']): UnkeyedPassword[] {
  let namesUser: ((at: number) => boolean) | undefined;
  let inMysql: ((at: number) => boolean) | undefined;
  const found: UnkeyedPassword[] = [];
  for (const m of text.matchAll(pattern)) {
    const group = m.groups?.['quoted'] === undefined ? 'bare' : 'quoted';
    const value = m.groups?.[group];
    const span = m.indices?.groups?.[group];
    // A variable (`$(Secret)`, `${{ secrets.PW }}`) that a value's characters stop inside.
    if (value === undefined || span === undefined || variableAt(text, span[0]) !== undefined) {
      continue;
    }
    const name = where === 'prose' ? proseName(text.slice(m.index, span[0])) : 'password';
    let passes: boolean;
    if (where === 'prose')
      passes = TOKEN_NAMES.has(name) ? looksLikeToken(value) : looksLikePassword(value);
    else if (where === 'secure-string' || where === 'netrc') passes = !isPlaceholder(value);
    else {
      const option = text.slice(m.index, m.index + 3);
      passes =
        looksLikeOptionValue(value, option) &&
        !USER_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)) &&
        (namesUser ??= commandNear(text, USER_OPTIONS, true))(m.index) &&
        (!/^-p[ \t]/.test(option) ||
          looksLikePassword(value) ||
          !(inMysql ??= commandNear(text, MYSQL_CLIENTS, false))(m.index));
    }
    if (passes || isMask(value)) {
      found.push({ text: value, start: span[0], end: span[1], where, name });
    }
  }
  return found;
}

/** Names of tokens: a sentence's value must look generated to be one (see looksLikeToken). */
export const TOKEN_NAMES: ReadonlySet<ProseName> = new Set([
  'token',
  'access_token',
  'refresh_token',
]);

/** The last credential named before the value (`the client secret is …` → `client_secret`). */
function proseName(before: string): ProseName {
  let name: ProseName = 'password';
  for (const m of before.matchAll(NAMES)) {
    const head = before.slice(0, m.index);
    if (m[1] !== undefined) name = 'password';
    else if (m[2] !== undefined)
      name = /(?:client|consumer|app)[ _-]?$/i.test(head) ? 'client_secret' : 'secret';
    else if (m[3] !== undefined) name = /secret[ _-]?$/i.test(head) ? 'secret' : 'api_key';
    else name = tokenName(head);
  }
  return name;
}

/** `the refresh token` → `refresh_token`; an access, a bearer, an ID or any other token → `token`. */
function tokenName(head: string): ProseName {
  if (/refresh[ _-]?$/i.test(head)) return 'refresh_token';
  return /access[ _-]?$/i.test(head) ? 'access_token' : 'token';
}

/**
 * A `-p` value beside a user option is a password, even a word (`-p postgres`); not a stand-in, a
 * number or a port mapping (`-p 8080:80`, `-p localhost:5432`), an address or a path. Glued on, it
 * is one only after a lowercase `-p` and with a digit or a symbol (`-pS3cret`), not an option
 * cluster or a PowerShell parameter (`tar -pf`, `-Path`, `-Password`).
 */
function looksLikeOptionValue(value: string, option: string): boolean {
  if (isPlaceholder(value) || !/[A-Za-z]/.test(value)) return false;
  if (/:\/\/|^[/~\\.]|:\d+(?:\/[a-z]+)?$/.test(value)) return false;
  const glued = !/^-[pP][ \t]/.test(option);
  return !glued || (option.startsWith('-p') && /[\d!#$%&*+=?@^~|]/.test(value));
}

/**
 * Whether the command around a position (its line, `\`-continued lines too, within COMMAND_REACH)
 * holds a match of `pattern` (a user option; a MySQL client, before the position only). Built once
 * per text from the positions of its matches and line breaks, so a paste of many `-p` options costs
 * a binary search each, not a scan.
 */
function commandNear(text: string, pattern: RegExp, orAfter: boolean): (at: number) => boolean {
  const found = [...text.matchAll(pattern)].map((m) => m.index);
  const breaks = [...text.matchAll(LINE_BREAKS)].map((m) => m.index);
  const sameLine = (a: number, b: number): boolean =>
    firstAtOrAfter(breaks, a) === firstAtOrAfter(breaks, b);
  return (at) => {
    const next = firstAtOrAfter(found, at);
    const before = found[next - 1];
    const after = orAfter ? found[next] : undefined;
    return (
      (before !== undefined && at - before <= COMMAND_REACH && sameLine(before, at)) ||
      (after !== undefined && after - at <= COMMAND_REACH && sameLine(at, after))
    );
  };
}

/** The index of the first of the sorted `positions` at or after `at` (their length when none). */
function firstAtOrAfter(positions: readonly number[], at: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((positions[mid] ?? 0) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}
