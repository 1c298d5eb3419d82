/**
 * Values written after a credential key, in every form the secrets code reads: `key=value`,
 * `"key": "value"`, `key%3Dvalue` (URL-encoded), `\"key\":\"value\"` (JSON inside a JSON string),
 * `<key …>value</key>` (SOAP), `"key": "password", "value": "…"` (a name/value pair), `--key value`
 * (a command-line option). The detector keeps those that look generated; stored pastes mask all.
 */
import { looksLikePassword, VARIABLE_UNIT } from './entropy.js';
import { MASK_SOURCE } from './mask.js';
import { readXmlValue, XML_OPEN, XML_OPEN_AFTER_ATTRIBUTE, type ValueSpan } from './xml-values.js';

/** `=`, `:`, `=>`, `:=` after the key, with its closing quote (escaped in JSON-in-JSON) and spaces. */
const SEPARATOR = String.raw`(?:\\?["'])?[ \t]*(?:=>|:=|=|:)`;
/**
 * Before the separator, when the key is a name or key field's value and a `value` field follows
 * (`<add key="ClientSecret" value="…"/>`, Postman's `{"key": "clientSecret", "value": …}`,
 * `- name: CLIENT_SECRET\n  value: …`): the closing quote, a comma, blanks and line breaks, then
 * `value` (any case) with its opening quote.
 */
const NAME_VALUE = String.raw`(?:\\?["'])?[ \t]*,?\s{0,64}(?:\\?["'])?value`;
/**
 * After a command-line option named as a key (`--client-secret VALUE`; PowerShell's and keytool's
 * single dash, `-ClientSecret VALUE`, `-storepass VALUE`, after a word on its line, on a line
 * continued with a backtick or a backslash, or at a line's start, where LINE_START_OPTION asks for
 * more): blanks, then no option.
 */
const OPTION_GAP = String.raw`(?<=(?:^|[\s"'])--[\w-]{0,64}|\S[ \t]{1,64}-[\w-]{1,64}|(?:^|[\r\n])[ \t]{0,64}-[\w-]{1,64})[ \t]+(?=[^\s-])`;
/**
 * A single-dash option alone at the start of its line, which no backtick or backslash continues
 * from the line before: a PowerShell parameter (`-ClientSecret x`) or a list item (`-Password
 * hasn't expired`). Its value is read only on evidence that it is a parameter (see lineStartValue).
 */
const LINE_START_OPTION = /(?:^|[^\x60\\ \t\r][ \t]*\r?\n)[ \t]{0,64}-[\w-]{0,64}$/;
/** After a parameter's value: another parameter, or a backtick or backslash continuing the line. */
const MORE_PARAMETERS = /^[ \t]{1,64}-[A-Za-z]|^[ \t]{0,64}[\x60\\][ \t]{0,64}(?:\r?\n|$)/;
/** Before a key, an option's dashes: `--password=…` is one shell word too. */
const OPTION_BEFORE = /(?:^|[\s"'])--[\w-]{0,64}$/;
/**
 * The same separator URL-encoded (`refresh_token%3D…` in a redirect's `next=` or a logged form
 * body, `%22client_secret%22%3A%22…` in encoded JSON): `=` or `:`, optional quote and spaces.
 */
const ENCODED_SEPARATOR = String.raw`(?:%22)?%3[ad](?:%20|\+)*(?:%22)?`;
/**
 * An encoded value: up to an encoded delimiter (space, quote, `&`, `,`, `;`, brackets, `<>`) or a
 * raw one. `%XX` is one unit, so the run is read once, without backtracking.
 */
const ENCODED_VALUE = String.raw`(?:[^\s"'&,;()[\]{}<>%]|%(?!0[9ad]|2[0-9c]|3[bce]|5[bd]|7[bd])[0-9a-f]{2})+`;
/** The end of a quoted value: its closing quote, or the end of the line when the paste lacks it. */
const CLOSED_BY = (quote: string): string => String.raw`(?:${quote}|(?=[\r\n]|$))`;
/**
 * The value after the key: double-quoted, single-quoted, escaped-double-quoted (`\"…\"`), or bare
 * up to a delimiter; or URL-encoded. A double- or single-quoted value left open (a line copied or
 * cut short: `"password": "correct horse`) runs to the end of its line.
 */
const valuePattern = (bare: string): RegExp =>
  new RegExp(
    String.raw`(?:(?:${NAME_VALUE})?${SEPARATOR}|${OPTION_GAP})[ \t]*(?:"((?:[^"\\\r\n]|\\.)*)${CLOSED_BY('"')}|'([^'\r\n]*)${CLOSED_BY("'")}|\\"((?:[^"\\\r\n]|\\[^"\r\n])*)\\"|(${bare}))|${ENCODED_SEPARATOR}(${ENCODED_VALUE})`,
    'iyd',
  );
/** A bare value: up to a delimiter, a variable in brackets read whole (`${VAR}`, `{{ var }}`). */
const BARE = String.raw`(?:${VARIABLE_UNIT}|[^\s"'&,;()[\]{}<>])+`;
const VALUE = valuePattern(BARE);
/**
 * Read whole, a bare value may start with the detector's mask: words after it (`password:
 * [redacted assignment] horse battery`) are part of it.
 */
const WHOLE_VALUE = valuePattern(`${MASK_SOURCE}|${BARE}`);
/** Length of the opening quote of each VALUE group's text: `"`, `'`, `\"`, none, none. */
const QUOTE_LENGTHS = [1, 1, 2, 0, 0];
/**
 * Read whole: the rest of a bare value's field as a person reads it (`password: correct horse
 * battery`), to the end of its line, trailing spaces left out. It stops at a clear delimiter: `&`,
 * `;`, `}` or `]`, `</`, a `,` before another `key=`, a quote closing a string (`"/x?password=a b",`).
 */
const BARE_REST =
  /(?:[^\S\r\n]*(?:[^\s&;,}\]<"'\\]|\\(?!["'])|,(?![^\S\r\n]{0,64}[A-Za-z_][\w.-]{0,64}[^\S\r\n]{0,64}=)|<(?!\/)|["'](?![^\S\r\n]*(?:[,;:}\])&\r\n]|$))))*/y;
/** Read whole: an encoded value's further words (`correct%20horse`). */
const ENCODED_REST = new RegExp(String.raw`(?:%20(?:${ENCODED_VALUE})?)*`, 'iy');
/** What follows a key: a separator (plain, after a name, encoded), a start tag, a gap. */
const FOLLOWS_KEY = [
  SEPARATOR,
  `${NAME_VALUE}${SEPARATOR}`,
  ENCODED_SEPARATOR,
  XML_OPEN,
  XML_OPEN_AFTER_ATTRIBUTE,
  OPTION_GAP,
].join('|');
/** Which VALUE groups are bare and encoded. */
const BARE_GROUP = 3;
const ENCODED_GROUP = 4;

/** A credential key the reader looks for. */
export interface KeyPattern {
  /** The key as a case-insensitive pattern source, without capturing groups. */
  readonly pattern: string;
  /**
   * Also read after letters or digits (`dbpassword`, `APICLIENTSECRET`), not only after a
   * boundary or a camelCase hump: for keys that no common longer name ends in (`id_token` ends
   * `invalid_token`, `pass` ends `bypass`).
   */
  readonly glued?: boolean;
  /**
   * Read only where the key's line, up to the key's end (at most LINE_BEFORE_KEY characters of
   * it), matches this, case-sensitively: a key the `i` flag cannot tell by its case.
   */
  readonly line?: RegExp;
}

/** How much of a key's line a KeyPattern's `line` reads. */
const LINE_BEFORE_KEY = 128;

export interface ReaderOptions {
  /**
   * Read each value whole, as a person reads it (stored pastes, where over-masking is safe and
   * leaking is not): a bare value to the end of its field, an XML element's text across lines,
   * in CDATA or in child elements.
   * The detector reads tokens: a passphrase never looks generated, and its matcher stays as is.
   */
  readonly whole?: boolean;
}

export interface KeyedValue extends ValueSpan {
  /** Which of the reader's keys named it. */
  readonly key: number;
}

/**
 * A reader of the values of `keys`. Anchors on the key, then reads the value with a sticky
 * pattern: no backtracking over long runs.
 */
export function keyedValueReader(
  keyPatterns: readonly KeyPattern[],
  options: ReaderOptions = {},
): (text: string) => KeyedValue[] {
  const whole = options.whole === true;
  const keys = new RegExp(
    `(?:${keyPatterns.map((k) => `(${k.pattern})`).join('|')})(?=${FOLLOWS_KEY})`,
    'gi',
  );
  return (text) => {
    const found: KeyedValue[] = [];
    keys.lastIndex = 0;
    for (let m = keys.exec(text); m !== null; m = keys.exec(text)) {
      const groups: readonly (string | undefined)[] = m.slice(1); // unmatched groups are undefined
      const key = groups.findIndex((g) => g !== undefined);
      if (!lineAllows(text, m.index + m[0].length, keyPatterns[key]?.line)) continue;
      if (!startsKey(text, m.index, keyPatterns[key]?.glued === true)) {
        // `invalid_token`: not `id_token`, but perhaps a key starting further in.
        keys.lastIndex = m.index + 1;
        continue;
      }
      const option = OPTION_BEFORE.test(text.slice(Math.max(0, m.index - 66), m.index));
      const value =
        readValue(text, m.index + m[0].length, whole, openingQuote(text, m.index), option) ??
        readXmlValue(text, m.index, m[0].length, whole);
      if (value === undefined || !lineStartValue(text, m.index, m.index + m[0].length, value)) {
        continue;
      }
      found.push({ key, ...value });
      // Resume after the value: `a=a=a=…` must not re-read the same run once per key (quadratic).
      keys.lastIndex = Math.max(keys.lastIndex, value.outerEnd);
    }
    return found;
  };
}

/**
 * The key starts at a boundary: `_CLIENT_SECRET`, `.password`, `nsClientSecret`, after an encoded
 * delimiter (`%26client_secret`), or anywhere when it is `glued` (`dbpassword`) — not `invalid_token`.
 */
/** Whether the line up to `end`, a key's end, matches the key's `line` (or it has none). */
function lineAllows(text: string, end: number, line: RegExp | undefined): boolean {
  if (line === undefined) return true;
  const before = text.slice(Math.max(0, end - LINE_BEFORE_KEY), end);
  return line.test(before.slice(before.lastIndexOf('\n') + 1));
}

function startsKey(text: string, index: number, glued: boolean): boolean {
  const before = text.charAt(index - 1);
  if (glued || before === '' || !/[A-Za-z0-9]/.test(before)) return true;
  if (/^%[0-9A-Fa-f]{2}$/.test(text.slice(Math.max(0, index - 3), index))) return true;
  return /[a-z0-9]/.test(before) && /[A-Z]/.test(text.charAt(index));
}

/**
 * Whether a value read after a key is one, when the key is a single-dash option alone at its line's
 * start (a PowerShell parameter or a list item, LINE_START_OPTION): read on evidence that the line
 * holds parameters, not prose, that is the value is quoted (`-Password 'correct horse'`), reads as a
 * password (`-ClientSecret hunter2`), or is followed by another parameter or a line continuation
 * (`-ClientSecret x -TenantId acme`). A word ending its line (`-Password expired`) stays a list
 * item. Other keys' values are all read.
 */
function lineStartValue(text: string, keyStart: number, keyEnd: number, value: ValueSpan): boolean {
  const gap = text.slice(keyEnd, value.start);
  if (!/^[ \t]+["']?$/.test(gap)) return true; // a separator or a start tag: not an option's gap
  const line = text.slice(Math.max(0, keyStart - 200), keyStart);
  if (!LINE_START_OPTION.test(line) || /(?:^|\s)--[\w-]*$/.test(line)) return true;
  return (
    value.outerStart < value.start ||
    looksLikePassword(value.text) ||
    MORE_PARAMETERS.test(text.slice(value.outerEnd, value.outerEnd + 132))
  );
}

/**
 * The quote opening the string a key is written in, right before its name (`-H 'X-Api-Key: …'`,
 * `-H "PRIVATE-TOKEN: …"`, `echo "password: …"`): the value's field ends at its closing twin, not
 * at the end of the line (the URL after a curl header is no part of it).
 */
function openingQuote(text: string, keyStart: number): string | undefined {
  return /(?:^|[^\\])(["'])[\w.-]{0,64}$/.exec(
    text.slice(Math.max(0, keyStart - 66), keyStart),
  )?.[1];
}

function readValue(
  text: string,
  from: number,
  whole: boolean,
  quote: string | undefined,
  afterDash: boolean,
): ValueSpan | undefined {
  const pattern = whole ? WHOLE_VALUE : VALUE;
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  if (m === null) return undefined;
  const groups: readonly (string | undefined)[] = m.slice(1); // unmatched groups are undefined
  const group = groups.findIndex((g) => g !== undefined);
  const value = groups[group] ?? '';
  const start = m.indices?.[group + 1]?.[0] ?? m.index; // `d`: where the group starts
  const end = m.index + m[0].length; // after the closing quote, when there is one
  // A command-line option's value is one shell word: `--password hunter2 --tenant acme`,
  // `--password=hunter2 mydb`.
  const option = afterDash || /^[ \t]+$/.test(text.slice(from, start));
  const rest = whole && !option ? restOf(group) : undefined;
  let outerEnd = end;
  if (rest !== undefined) {
    rest.lastIndex = end;
    outerEnd += rest.exec(text)?.[0].length ?? 0;
    const closing = quote === undefined ? -1 : text.indexOf(quote, end);
    if (closing >= 0 && closing < outerEnd) outerEnd = closing;
  }
  return {
    text: outerEnd === end ? value : text.slice(start, outerEnd),
    start,
    outerStart: start - (QUOTE_LENGTHS[group] ?? 0),
    outerEnd,
  };
}

/** What a value of this VALUE group runs on with, read whole (quoted values end at their quote). */
function restOf(group: number): RegExp | undefined {
  if (group === BARE_GROUP) return BARE_REST;
  return group === ENCODED_GROUP ? ENCODED_REST : undefined;
}
