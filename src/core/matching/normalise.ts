import { isSpace } from './tokens.js';
/** Longest text the matcher reads; longer pastes keep their head and tail (errors sit at either end). */
export const MAX_INPUT_CHARS = 16_000;
const TAIL_CHARS = 4_000;

/** Of a paste longer than the cap, how many characters are read from its start and from its end. */
export const READ_WINDOW = { head: MAX_INPUT_CHARS - TAIL_CHARS, tail: TAIL_CHARS } as const;

export interface Capped {
  readonly text: string;
  readonly truncated: boolean;
}

export function capInput(raw: string): Capped {
  if (raw.length <= MAX_INPUT_CHARS) return { text: raw, truncated: false };
  const head = raw.slice(0, READ_WINDOW.head);
  const tail = raw.slice(raw.length - READ_WINDOW.tail);
  return { text: `${head}\n…\n${tail}`, truncated: true };
}

/** Blank lines and horizontal whitespace kept of a longer run (see squeezeWhitespace). */
const MAX_BLANK_LINES = 20;
const MAX_SPACES = 200;
const BLANK_RUN = new RegExp(`\\n(?:[^\\S\\n]*\\n){${String(MAX_BLANK_LINES + 1)},}`, 'g');
const SPACE_RUN = new RegExp(`[^\\S\\n]{${String(MAX_SPACES + 1)},}`, 'g');

/**
 * A paste with its runs of blank lines and of spaces cut to a length that says as much: the
 * register's line-anchored patterns scan a run of whitespace from every line start inside it, so a
 * paste of 16,000 newlines took 1.7 s to read, and one of 16,000 spaces 1 s.
 */
export function squeezeWhitespace(text: string): string {
  const lines = hasRun(text, MAX_BLANK_LINES + 2, true)
    ? text.replace(BLANK_RUN, `\n${'\n'.repeat(MAX_BLANK_LINES)}`)
    : text;
  return hasRun(lines, MAX_SPACES + 1, false)
    ? lines.replace(SPACE_RUN, ' '.repeat(MAX_SPACES))
    : lines;
}

/**
 * Whether the text holds a run of blanks that BLANK_RUN (`newlines`: `least` line breaks with
 * only blanks between them) or SPACE_RUN (`least` blanks, no line break) would cut. Almost no paste
 * does, and each pattern tried at every position of a long paste cost more than the rest of its
 * reading: such a run is at least `least` characters long, so probes `least - 1` apart find it,
 * and only those positions are looked at (and the run around one, when it is a blank, once: a
 * paste of 16,000 spaces was read again from each of its 760 probes).
 */
function hasRun(text: string, least: number, newlines: boolean): boolean {
  const inRun = newlines ? isSpace : isBlank;
  for (let at = least - 1; at < text.length; at += least - 1) {
    if (!inRun(text.charCodeAt(at))) continue;
    let start = at;
    while (start > 0 && inRun(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && inRun(text.charCodeAt(end))) end++;
    if (newlines ? breaksIn(text, start, end) >= least : end - start >= least) return true;
    // The probes left inside this run would find it again: the next is `least - 1` past its end,
    // and a run of `least` after it still holds one.
    at = end;
  }
  return false;
}

function breaksIn(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** `[^\S\n]` by character code: a blank of a line. */
function isBlank(c: number): boolean {
  return c !== 10 && isSpace(c);
}

/** A paste as the matcher reads it: capped, its runs of whitespace squeezed. */
export function readablePaste(raw: string): string {
  return squeezeWhitespace(capInput(raw).text);
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
};

/**
 * Removes what chat and terminals add around an error: control bytes, Slack markup
 * (`<url|label>`, mentions, emoji, code fences, emphasis), HTML entities, and stack frames.
 */
export function normalise(text: string): string {
  // Most pastes hold no carriage return, no Slack markup, no entity, no backtick, no form-encoded
  // error and no CJK script: each pass whose every match holds a character or word the paste
  // lacks is skipped (a pass over a long log is a measurable share of reading it).
  let t = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  // eslint-disable-next-line no-control-regex -- binary pastes: control bytes become spaces
  t = t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, ' ');
  if (t.includes('<'))
    t = t
      .replace(/<([@#!])[^>\s]*>/g, ' ')
      .replace(/<((?:https?|mailto):[^>|\s]+)\|([^>]*)>/g, '$1 $2')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1');
  if (t.includes('&'))
    t = t.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? ' ');
  // Emoji names hold a letter; `10:00:00` is a time, not an emoji.
  t = t.replace(/:(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]{2,40}:/g, ' ');
  if (t.includes('`')) t = t.replace(/```|`/g, ' ');
  // An error in a redirect URL or a form body is form-encoded (RFC 6749 §4.1.2.1):
  // `error_description=client%20identifier%20invalid` is read as the sentence it carries.
  if (t.includes('error=') || t.includes('error_description='))
    t = t.replace(FORM_ERROR, (_, key: string, value: string) => `${key}=${formDecoded(value)}`);
  // Chinese, Japanese and Korean are written without spaces, codes included
  // ("报错INVALID_LOGIN_ATTEMPT咨询"): a Latin word or number beside them stands on its own.
  if (CJK_CHAR.test(t)) t = t.replace(CJK_THEN_LATIN, '$1 $2').replace(LATIN_THEN_CJK, '$1 $2');
  t = t
    // "Authentification" is the French word (and how many write the English one): read as
    // "authentication", so `Client.authentificationError` is the fault code it misspells.
    .replace(AUTHENTIFICAT, (m) => `${m.slice(0, 8)}${m.slice(10)}`);
  if (!dropsOrUnquotesALine(t)) return t;
  t = t
    .split('\n')
    .filter((line) => !isStackFrame(line))
    .map((line) => (firstMark(line) === 62 ? line.replace(/^\s*(?:>>>|>)\s?/, '') : line))
    .join('\n');
  return t;
}

/**
 * Whether a line of `t` is a stack frame or opens with a quote mark `>`: most pastes have neither,
 * and are not split into lines and joined again. Only a line opening with a blank, `#`, `F` or `>`
 * (read in place, by character code) can be either, and only such a line is cut out and tested.
 */
function dropsOrUnquotesALine(t: string): boolean {
  for (let start = 0; start <= t.length;) {
    let end = t.indexOf('\n', start);
    if (end < 0) end = t.length;
    const i = markAt(t, start, end);
    const mark = i < end ? t.charCodeAt(i) : NaN;
    // A `>` line always loses its mark; the others are tested as isStackFrame reads them.
    if (mark === 62) return true;
    if (mayOpenFrame(i > start, mark) && isStackFrame(t.slice(start, end))) return true;
    start = end + 1;
  }
  return false;
}

/** The code of a line's first character that is not `\s` (NaN for a blank line). */
function firstMark(line: string): number {
  return line.charCodeAt(markAt(line, 0, line.length));
}

/** Where the first character of `text` from `start` to `end` that is not `\s` stands (`end`: none). */
function markAt(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Each stack frame pattern's line opens with a blank, or with `#` or `F` after any blanks. */
function mayOpenFrame(opensBlank: boolean, mark: number): boolean {
  return opensBlank || mark === 35 || mark === 70;
}

const FORM_ERROR = /\b(error(?:_description)?)=([^&\s#"'<>]*(?:%[0-9A-Fa-f]{2}|\+)[^&\s#"'<>]*)/g;

/** A form-encoded value as text; left as it is when it is not valid percent-encoding. */
function formDecoded(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** `authentificat…`: the letters `fi` are dropped (`authentificationError`, `Authentifizierung` is not). */
const AUTHENTIFICAT = /\bauthentifica(?=t)/gi;

/** Han, kana and Hangul (the ranges people type), as a character class body. */
const CJK = '\\u1100-\\u11ff\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff';
const CJK_THEN_LATIN = new RegExp(`([${CJK}])([A-Za-z0-9])`, 'g');
const LATIN_THEN_CJK = new RegExp(`([A-Za-z0-9])([${CJK}])`, 'g');
const CJK_CHAR = new RegExp(`[${CJK}]`);

/** Frames carry class and file names that look like words but say nothing about the failure. */
function isStackFrame(line: string): boolean {
  if (!mayOpenFrame(isSpace(line.charCodeAt(0)), firstMark(line))) return false;
  return (
    /^\s+at\s+[\w$.<>[\]/\\:-]+(?:\(.*\))?(?:\s+in\s+.*)?\s*$/.test(line) ||
    /^\s*#\d+\s+\S+\(\d+\):/.test(line) ||
    /^\s*File ".*", line \d+/.test(line) ||
    /^\s+at .*:\d+(?::\d+)?\)?\s*$/.test(line)
  );
}
