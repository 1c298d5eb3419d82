/**
 * Credentials that no credential key names, which stored pastes mask whatever they look like (the
 * detector finds those that look generated): the password of basic credentials, an Authorization
 * header's credential, session cookies.
 */
import { isMask, MASK_SOURCE, redacted } from './mask.js';

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
 * An Authorization header's Basic, Bearer or Token credential (`Bearer abc123`), also in JSON; up
 * to a quote or a backtick closing the header, and not a `<placeholder>`.
 */
const AUTHORIZATION = new RegExp(
  String.raw`(\b(?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?(?:basic|bearer|token)[ \t]+)${valueOf(String.raw`[^\s"'\`,;<>()]+`)}`,
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
  const masked = [BASIC_PAIR, AUTHORIZATION, SET_COOKIE].reduce(maskValues, text);
  return masked.replace(
    COOKIES,
    (_whole: string, before: string, cookies: string) => before + maskValues(cookies, COOKIE_PAIR),
  );
}

/** Replaces each match's value (its second group) with a mask, unless empty or a mask already. */
function maskValues(text: string, pattern: RegExp): string {
  return text.replace(pattern, (whole: string, before: string, value: string) =>
    value === '' || isMask(value) ? whole : before + redacted('value'),
  );
}
