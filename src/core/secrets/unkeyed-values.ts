/**
 * Credentials that no credential key names, which stored pastes mask whatever they look like (the
 * detector finds those that look generated): the password of basic credentials, an Authorization
 * header's credential, session cookies, a password in a sentence or after a `-p` option.
 */
import { AUTHORIZATION_SCHEME } from './auth-schemes.js';
import { isPlaceholder, variableAt } from './entropy.js';
import { isMask, MASK_SOURCE, redacted } from './mask.js';
import { readUnkeyedPasswords } from './unkeyed-passwords.js';

/** A value: a mask the detector wrote (it has a space), or `chars`. */
const valueOf = (chars: string): string => `(${MASK_SOURCE}|${chars})`;

/**
 * `curl -u id:secret` and `https://id:secret@host`: the password half of basic credentials. A value
 * the detector already masked is read whole, so it is not masked again.
 */
const BASIC_PAIR = new RegExp(
  String.raw`((?:^|\s)(?:-u|--user)\s*["']?[^\s:"']+:|:\/\/[^\s/:@]+:)${valueOf(String.raw`[^\s"'@]+`)}(?=["']?(?:\s|$)|@)`,
  'g',
);
/**
 * A line break inside a header, with its blanks: a header folded onto the next line (`Authorization:
 * Bearer` then the token, indented, as a wrapped log or an obsolete folded header writes it).
 */
const FOLD = String.raw`[ \t]*\r?\n[ \t]*`;
/**
 * An Authorization header's credential after its scheme (`Bearer abc123`, `SSWS 00a…`, `DPoP …`),
 * also in JSON, the scheme or the credential perhaps on the next line; up to a quote or a backtick
 * closing the header, and not a `<placeholder>`.
 */
const AUTHORIZATION = new RegExp(
  String.raw`(\b(?:proxy-)?authorization["']?[ \t]*[:=](?:${FOLD}|[ \t]*)["']?(?:${AUTHORIZATION_SCHEME})(?:[ \t]+|${FOLD}))${valueOf(String.raw`[^\s"'\`,;<>()]+`)}`,
  'gi',
);
/**
 * An Authorization header's credential written without a scheme (`Authorization: 9f2c…`, as some
 * APIs take an API key), ending the header: at a quote, a backtick, `,`, `;`, a bracket, a
 * backslash (`\r\n` in a logged string) or the end of the line. Masked when it reads as a token
 * (letters and digits, not a stand-in), so prose (`authorization: invalid_client`) stays.
 */
export const SCHEMELESS_AUTHORIZATION = new RegExp(
  String.raw`(\b(?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["'\x60]?)${valueOf(String.raw`[A-Za-z0-9._~+/!-]+=*`)}(?=["'\x60,;)}\]\\]|[ \t]*(?:[\r\n]|$))`,
  'gi',
);
/** A Set-Cookie header's cookie; its attributes (`Path=/`, `Secure`) stay. */
const SET_COOKIE = new RegExp(
  String.raw`(\bset-cookie["']?[ \t]*:[ \t]*[^=;\s]+=)${valueOf(String.raw`[^;\s"']*`)}`,
  'gi',
);
/** A Cookie header's or curl's `-b`/`--cookie` cookies: to the line's end or a closing quote. */
const COOKIES =
  /(\b(?<!set-)cookie["']?[ \t]*:[ \t]*|(?<=^|\s)(?:-b|--cookie)[ \t]+["']?)([^\r\n"']*)/gi;
/** One `name=value` of a Cookie header. */
const COOKIE_PAIR = new RegExp(
  String.raw`((?:^|;)[ \t]*[^=;\s]+=)${valueOf(String.raw`[^;\s]*`)}`,
  'g',
);

/** Masks the values of basic pairs, Authorization headers and cookies the detector let pass. */
export function maskUnkeyedValues(text: string): string {
  const masked = maskValues(
    [BASIC_PAIR, SET_COOKIE].reduce(
      (t, pattern) => maskValues(t, pattern),
      maskValues(text, AUTHORIZATION, schemeCredential),
    ),
    SCHEMELESS_AUTHORIZATION,
    (value) => /\d/.test(value) && /[A-Za-z]/.test(value) && !isPlaceholder(value),
  ).replace(
    COOKIES,
    (_whole: string, before: string, cookies: string) => before + maskValues(cookies, COOKIE_PAIR),
  );
  return maskPasswords(masked);
}

/**
 * A credential after Basic, Bearer or Token, whatever it looks like; after a scheme that is also a
 * word (`Negotiate failed`, `Key expired`), one that holds a digit or is long. Across a line break
 * (`Authorization: Bearer` ending a line, then `Then I got 401` or `HTTP/1.1 401`), one that reads
 * as a token: 12 characters or more, letters and digits, not a stand-in.
 */
function schemeCredential(value: string, before: string): boolean {
  if (/[\r\n]/.test(before)) {
    return (
      value.length >= 12 && /\d/.test(value) && /[A-Za-z]/.test(value) && !isPlaceholder(value)
    );
  }
  return /(?:basic|bearer|token)[ \t]+$/i.test(before) || /\d/.test(value) || value.length >= 16;
}

/** Masks each password in a sentence or after a `-p` option, unless the detector masked it. */
function maskPasswords(text: string): string {
  let out = '';
  let pos = 0;
  for (const p of readUnkeyedPasswords(text)) {
    if (isMask(p.text) || p.start < pos) continue;
    out += text.slice(pos, p.start) + redacted('value');
    pos = p.end;
  }
  return out + text.slice(pos);
}

/**
 * Replaces each match's value (its second group) with a mask, unless empty, a mask already, a
 * variable standing in for it (`${TOKEN}`), or not what `reads` takes for a credential.
 */
function maskValues(
  text: string,
  pattern: RegExp,
  reads = (_value: string, _before: string) => true,
): string {
  return text.replace(
    pattern,
    (whole: string, before: string, value: string, offset: number, all: string) =>
      value === '' ||
      isMask(value) ||
      variableAt(all, offset + before.length) !== undefined ||
      !reads(value, before)
        ? whole
        : before + redacted('value'),
  );
}
