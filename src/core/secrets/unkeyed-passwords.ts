/**
 * Passwords that no key names: written in a sentence (`the password is hunter2!`, `I reset the
 * password to Welcome1`) or after a short `-p`/`-P` option of a command that also names a user
 * (`mysql -u root -pS3cret`, `docker login -u bob -p …`, `sqlcmd -U sa -P …`). One reader for the
 * detector (which reports those that look generated) and the stored-paste masker (which masks every
 * one): only values that read as a password are returned, never a word, a number, a stand-in
 * (`<password>`, `$PASSWORD`, `****`), a port or a path.
 */
import { isPlaceholder, looksLikePassword } from './entropy.js';
import { isMask, MASK_SOURCE } from './mask.js';

export interface UnkeyedPassword {
  /** The value as written (quotes left out), or a mask the detector wrote there. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** In a sentence, or after a command-line option. */
  readonly where: 'prose' | 'option';
}

/** A password named in prose; not after letters or digits (`bypass`, `dbpassword` is a key). */
const KEY = String.raw`(?<![A-Za-z0-9])(?:pass(?:word|wd|phrase|code)|pwd|pw)s?`;
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
/** A user option on the same command: `-u root`, `-uroot`, `-U sa`, `--user bob`, `--username=bob`. */
const USER_OPTIONS = /(?<=^|\s)(?:-[uU]|--user(?:name)?)(?=[ \t=]|[^\s-])/g;
/** A user option right before: `-u -pat` is the user `-pat`, no password. */
const USER_BEFORE = /(?:^|\s)(?:-[uU]|--user(?:name)?)[ \t]+$/;
/** A line break that no `\` continues. */
const LINE_BREAKS = /(?<!\\)\r?\n/g;
/** How far either side of `-p` the command's user option is looked for. */
const COMMAND_REACH = 512;

/** Passwords written in a sentence or after a `-p` option, in text order. */
export function readUnkeyedPasswords(text: string): UnkeyedPassword[] {
  return [...read(text, PROSE, 'prose'), ...read(text, OPTION, 'option')].sort(
    (a, b) => a.start - b.start,
  );
}

function read(text: string, pattern: RegExp, where: UnkeyedPassword['where']): UnkeyedPassword[] {
  let namesUser: ((at: number) => boolean) | undefined;
  const found: UnkeyedPassword[] = [];
  for (const m of text.matchAll(pattern)) {
    const group = m.groups?.['quoted'] === undefined ? 'bare' : 'quoted';
    const value = m.groups?.[group];
    const span = m.indices?.groups?.[group];
    if (value === undefined || span === undefined) continue;
    const passes =
      where === 'prose'
        ? looksLikePassword(value)
        : looksLikeOptionValue(value, text.slice(m.index, m.index + 3)) &&
          !USER_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)) &&
          (namesUser ??= userOptionNear(text))(m.index);
    if (passes || isMask(value)) {
      found.push({ text: value, start: span[0], end: span[1], where });
    }
  }
  return found;
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
 * names a user. Built once per text from the positions of user options and line breaks, so a paste
 * of many `-p` options costs a binary search each, not a scan.
 */
function userOptionNear(text: string): (at: number) => boolean {
  const users = [...text.matchAll(USER_OPTIONS)].map((m) => m.index);
  const breaks = [...text.matchAll(LINE_BREAKS)].map((m) => m.index);
  const sameLine = (a: number, b: number): boolean =>
    firstAtOrAfter(breaks, a) === firstAtOrAfter(breaks, b);
  return (at) => {
    const next = firstAtOrAfter(users, at);
    const before = users[next - 1];
    const after = users[next];
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
