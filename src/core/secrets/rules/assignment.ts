import { CREDENTIAL_KEYS } from '../credential-keys.js';
import { looksRandom, percentDecoded, type RandomnessBounds } from '../entropy.js';
import type { SecretFinding } from '../types.js';

const SEPARATOR = String.raw`["']?[ \t]*(?:=>|:=|=|:)`;
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
const KEY = new RegExp(
  `(?:${CREDENTIAL_KEYS.map((k) => `(${k.pattern})`).join('|')})(?=${SEPARATOR}|${ENCODED_SEPARATOR}|${XML_OPEN})`,
  'gi',
);
/** The value after the key: double- or single-quoted, or bare up to a delimiter; or URL-encoded. */
const VALUE = new RegExp(
  String.raw`${SEPARATOR}[ \t]*(?:"((?:[^"\\\r\n]|\\.)*)"|'([^'\r\n]*)'|([^\s"'&,;()[\]{}<>]+))|${ENCODED_SEPARATOR}(${ENCODED_VALUE})`,
  'iy',
);

/**
 * An XML element's text: SOAP carries credentials so (Workday's WS-Security `<wsse:Password>`,
 * NetSuite's passport `<platformCore:password>`). Up to the closing tag, on one line.
 */
const XML_VALUE = new RegExp(String.raw`${XML_OPEN}([^<\r\n]*)</`, 'y');

const SECRET_BOUNDS: RandomnessBounds = { minLength: 10, maxLength: 4096, minEntropy: 3 };
const PASSWORD_BOUNDS: RandomnessBounds = { minLength: 8, maxLength: 256, minEntropy: 2.75 };

/**
 * Finds `client_secret=…`, `"refresh_token": "…"`, `CLIENT_SECRET=…` style assignments whose value
 * looks generated (length, entropy, not a placeholder). Anchors on the key, then reads the value
 * with a sticky pattern, so there is no backtracking over long runs.
 */
export function findAssignments(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  KEY.lastIndex = 0;
  for (let m = KEY.exec(text); m !== null; m = KEY.exec(text)) {
    const groups: readonly (string | undefined)[] = m.slice(1); // unmatched groups are undefined
    const spec = CREDENTIAL_KEYS[groups.findIndex((g) => g !== undefined)];
    if (spec === undefined || !startsKey(text, m.index)) continue;
    const value =
      readValue(text, m.index + m[0].length) ?? readXmlValue(text, m.index, m[0].length);
    if (value === undefined) continue;
    // Resume after the value: `a=a=a=…` must not re-read the same run once per key (quadratic).
    KEY.lastIndex = Math.max(KEY.lastIndex, value.start + value.text.length);
    const bounds = spec.name === 'password' ? PASSWORD_BOUNDS : SECRET_BOUNDS;
    if (!looksRandom(percentDecoded(value.text, bounds.maxLength), bounds)) continue;
    found.push({
      kind: 'assignment',
      start: value.start,
      end: value.start + value.text.length,
      label: spec.label,
      name: spec.name,
    });
  }
  return found;
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

function readValue(text: string, from: number): { text: string; start: number } | undefined {
  VALUE.lastIndex = from;
  const m = VALUE.exec(text);
  if (m === null) return undefined;
  const value = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
  const quoted = m[1] !== undefined || m[2] !== undefined ? 1 : 0;
  return { text: value, start: m.index + m[0].length - value.length - quoted };
}

/** The text of `<key …>value</…>` when the key is an element name (`<key`, `<prefix:key`). */
function readXmlValue(
  text: string,
  keyStart: number,
  keyLength: number,
): { text: string; start: number } | undefined {
  if (!/<(?:[A-Za-z_][\w.-]*:)?$/.test(text.slice(Math.max(0, keyStart - 64), keyStart)))
    return undefined;
  XML_VALUE.lastIndex = keyStart + keyLength;
  const m = XML_VALUE.exec(text);
  if (m === null) return undefined;
  const value = m[1] ?? '';
  return { text: value, start: m.index + m[0].length - 2 - value.length };
}
