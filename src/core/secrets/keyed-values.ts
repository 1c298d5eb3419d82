/**
 * Values written after a credential key, in every form the secrets code reads: `key=value`,
 * `"key": "value"`, `key%3Dvalue` (URL-encoded), `\"key\":\"value\"` (JSON inside a JSON string),
 * `<key …>value</key>` (SOAP). The detector keeps those that look generated; stored pastes mask all.
 */

/** `=`, `:`, `=>`, `:=` after the key, with its closing quote (escaped in JSON-in-JSON) and spaces. */
const SEPARATOR = String.raw`(?:\\?["'])?[ \t]*(?:=>|:=|=|:)`;
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
/** The rest of an XML start tag (`<wsse:Password Type="…">`, `<client_secret>`), attributes capped. */
const XML_OPEN = String.raw`(?:[ \t][^<>\r\n]{0,512})?>`;
/** The end of a quoted value: its closing quote, or the end of the line when the paste lacks it. */
const CLOSED_BY = (quote: string): string => String.raw`(?:${quote}|(?=[\r\n]|$))`;
/**
 * The value after the key: double-quoted, single-quoted, escaped-double-quoted (`\"…\"`), or bare
 * up to a delimiter; or URL-encoded. A double- or single-quoted value left open (a line copied or
 * cut short: `"password": "correct horse`) runs to the end of its line.
 */
const VALUE = new RegExp(
  String.raw`${SEPARATOR}[ \t]*(?:"((?:[^"\\\r\n]|\\.)*)${CLOSED_BY('"')}|'([^'\r\n]*)${CLOSED_BY("'")}|\\"((?:[^"\\\r\n]|\\[^"\r\n])*)\\"|([^\s"'&,;()[\]{}<>]+))|${ENCODED_SEPARATOR}(${ENCODED_VALUE})`,
  'iyd',
);
/** Length of the opening quote of each VALUE group's text: `"`, `'`, `\"`, none, none. */
const QUOTE_LENGTHS = [1, 1, 2, 0, 0];
/**
 * An XML element's text: SOAP carries credentials so (Workday's WS-Security `<wsse:Password>`,
 * NetSuite's passport `<platformCore:password>`). Up to the closing tag, on one line.
 */
const XML_VALUE = new RegExp(String.raw`${XML_OPEN}([^<\r\n]*)</`, 'y');

export interface KeyedValue {
  /** Which of the reader's key patterns named it. */
  readonly key: number;
  /** The value inside its quotes (still URL-encoded if it was), and where that starts. */
  readonly text: string;
  readonly start: number;
  /** The value as written, quotes included. */
  readonly outerStart: number;
  readonly outerEnd: number;
}

/**
 * A reader of the values of keys given as case-insensitive pattern sources (without capturing
 * groups). Anchors on the key, then reads the value with a sticky pattern: no backtracking over
 * long runs.
 */
export function keyedValueReader(patterns: readonly string[]): (text: string) => KeyedValue[] {
  const keys = new RegExp(
    `(?:${patterns.map((p) => `(${p})`).join('|')})(?=${SEPARATOR}|${ENCODED_SEPARATOR}|${XML_OPEN})`,
    'gi',
  );
  return (text) => {
    const found: KeyedValue[] = [];
    keys.lastIndex = 0;
    for (let m = keys.exec(text); m !== null; m = keys.exec(text)) {
      if (!startsKey(text, m.index)) {
        // `xclientSecret`: not `clientSecret`, but perhaps a key starting further in (`Secret`).
        keys.lastIndex = m.index + 1;
        continue;
      }
      const groups: readonly (string | undefined)[] = m.slice(1); // unmatched groups are undefined
      const key = groups.findIndex((g) => g !== undefined);
      const value =
        readValue(text, m.index + m[0].length) ?? readXmlValue(text, m.index, m[0].length);
      if (value === undefined) continue;
      found.push({ key, ...value });
      // Resume after the value: `a=a=a=…` must not re-read the same run once per key (quadratic).
      keys.lastIndex = Math.max(keys.lastIndex, value.outerEnd);
    }
    return found;
  };
}

/**
 * The key starts at a boundary: `_CLIENT_SECRET`, `.password`, `nsClientSecret`, after an encoded
 * delimiter (`%26client_secret`) — not `myclientsecret`.
 */
function startsKey(text: string, index: number): boolean {
  const before = text.charAt(index - 1);
  if (before === '' || !/[A-Za-z0-9]/.test(before)) return true;
  if (/^%[0-9A-Fa-f]{2}$/.test(text.slice(Math.max(0, index - 3), index))) return true;
  return /[a-z0-9]/.test(before) && /[A-Z]/.test(text.charAt(index));
}

type Read = Omit<KeyedValue, 'key'>;

function readValue(text: string, from: number): Read | undefined {
  VALUE.lastIndex = from;
  const m = VALUE.exec(text);
  if (m === null) return undefined;
  const groups: readonly (string | undefined)[] = m.slice(1); // unmatched groups are undefined
  const group = groups.findIndex((g) => g !== undefined);
  const value = groups[group] ?? '';
  const start = m.indices?.[group + 1]?.[0] ?? m.index; // `d`: where the group starts
  return {
    text: value,
    start,
    outerStart: start - (QUOTE_LENGTHS[group] ?? 0),
    outerEnd: m.index + m[0].length, // after the closing quote, when there is one
  };
}

/** The text of `<key …>value</…>` when the key is an element name (`<key`, `<prefix:key`). */
function readXmlValue(text: string, keyStart: number, keyLength: number): Read | undefined {
  if (!/<(?:[A-Za-z_][\w.-]*:)?$/.test(text.slice(Math.max(0, keyStart - 64), keyStart)))
    return undefined;
  XML_VALUE.lastIndex = keyStart + keyLength;
  const m = XML_VALUE.exec(text);
  if (m === null) return undefined;
  const value = m[1] ?? '';
  const start = m.index + m[0].length - 2 - value.length;
  return { text: value, start, outerStart: start, outerEnd: start + value.length };
}
