/**
 * The forms a value we sent may take when a server quotes it back. Each character may appear as
 * itself or escaped (form `+`, %-hex in either case, JSON `\uXXXX` / `\/` / `\"`, HTML entities), in
 * any mixture; the value may also come back as Base64, Base64url or hex, alone or inside a larger
 * Base64 blob (such as the `id:secret` of a Basic header).
 */

/** Below this, a value is too short to look for without masking ordinary words. */
export const MIN_SECRET_LENGTH = 4;
/** Shortest Base64 run looked for inside a larger blob; shorter ones would match by chance. */
const MIN_BLOB_RUN = 8;

const encoder = new TextEncoder();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** One hex digit in either case. */
function hexDigit(nibble: number): string {
  const d = nibble.toString(16);
  return /[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d;
}

function hexPattern(value: number, width: number): string {
  return Array.from(value.toString(16).padStart(width, '0'))
    .map((d) => hexDigit(Number.parseInt(d, 16)))
    .join('');
}

/** A word in either case, letter by letter (`&AMP;` is as valid as `&amp;`). */
function anyCase(word: string): string {
  return Array.from(word)
    .map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRegExp(c)))
    .join('');
}

const NAMED_ENTITY: Readonly<Record<string, string>> = {
  '&': 'amp',
  '<': 'lt',
  '>': 'gt',
  '"': 'quot',
  "'": 'apos',
  '/': 'sol',
  '+': 'plus',
  '=': 'equals',
  ':': 'colon',
};

const JSON_SHORT: Readonly<Record<string, string>> = {
  '"': '\\\\"',
  '\\': '\\\\\\\\',
  '/': '\\\\/',
  '\n': '\\\\n',
  '\r': '\\\\r',
  '\t': '\\\\t',
};

/** Every way one character may be written in an answer. */
function charPattern(ch: string): string {
  const codePoint = ch.codePointAt(0) ?? 0;
  const alts = [escapeRegExp(ch)];
  alts.push([...encoder.encode(ch)].map((b) => `%${hexPattern(b, 2)}`).join(''));
  if (ch === ' ') alts.push('\\+');
  const units = [...Array(ch.length).keys()].map((i) => ch.charCodeAt(i));
  alts.push(units.map((u) => `\\\\[uU]${hexPattern(u, 4)}`).join(''));
  const short = JSON_SHORT[ch];
  if (short !== undefined) alts.push(short);
  alts.push(`&#0*${codePoint};`, `&#[xX]0*${hexPattern(codePoint, 1)};`);
  const named = NAMED_ENTITY[ch];
  if (named !== undefined) alts.push(`&${anyCase(named)};`);
  return `(?:${alts.join('|')})`;
}

/** Longest value whose letters and digits are also looked for one byte at a time (%41%42…). */
const MAX_EVERY_BYTE = 256;

/**
 * A pattern matching `literal` with each character in any of its escaped forms. With `everyByte`
 * false, letters and digits only match as themselves: enough for the encoded forms (Base64, hex,
 * form-encoded), and it keeps the pattern small for long values such as a signed assertion.
 */
export function escapedFormsPattern(literal: string, everyByte: boolean): string {
  const full = everyByte && literal.length <= MAX_EVERY_BYTE;
  // Code points, so a character outside the BMP is one unit with its UTF-8 bytes and surrogates.
  return Array.from(literal)
    .map((c) => (!full && /^[A-Za-z0-9]$/.test(c) ? c : charPattern(c)))
    .join('');
}

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function toUrl(b64: string): string {
  return b64.replace(/\+/g, '-').replace(/\//g, '_');
}

function unpadded(b64: string): string {
  return b64.replace(/=+$/, '');
}

/**
 * Base64 of the value at each of the three byte offsets it can have inside a larger blob: only the
 * groups made of the value's bytes alone, so they match whatever surrounds it.
 */
function base64Cores(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const encoded = unpadded(base64(padded));
    const skip = offset === 0 ? 0 : 4;
    const whole = Math.floor((offset + bytes.length) / 3) * 4;
    const core = encoded.slice(skip, whole);
    if (core.length >= MIN_BLOB_RUN) out.push(core);
  }
  return out;
}

/**
 * The literal strings a value travels as: itself, form- and URI-encoded (so a second round of
 * encoding is caught too), Base64 and Base64url (alone and inside a blob) and hex.
 */
export function travelForms(value: string): string[] {
  const bytes = encoder.encode(value);
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  const b64 = unpadded(base64(bytes));
  // The form-encoded value inside a Base64 blob is how a secret travels in a Basic header.
  const cores = [
    ...base64Cores(bytes),
    ...(form === value ? [] : base64Cores(encoder.encode(form))),
  ];
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return [
    value,
    form,
    encodeURIComponent(value),
    b64,
    toUrl(b64),
    ...cores,
    ...cores.map(toUrl),
    hex,
    hex.toUpperCase(),
  ];
}

/**
 * Literal forms whose runs of 8 or more characters are masked when they are left after scrubbing:
 * the value, form-encoded, Base64, and as a JSON string (as is, and with everything outside ASCII
 * escaped, Python's default), so a partial quote in any of these is caught.
 */
export function runForms(value: string): string[] {
  const bytes = encoder.encode(value);
  const json = JSON.stringify(value).slice(1, -1);
  const asciiJson = json.replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return [
    value,
    new URLSearchParams({ v: value }).toString().slice(2),
    unpadded(base64(bytes)),
    json,
    asciiJson,
  ];
}
