import { looksRandom, type RandomnessBounds } from '../entropy.js';
import type { SecretFinding } from '../types.js';

/**
 * The position says "password", so the value need not look generated: a short human password counts
 * too. Letter-only words (`password`, `postgres`, `guest`) and numbers stay out, as placeholders do.
 */
const PAIR_BOUNDS: RandomnessBounds = { minLength: 6, maxLength: 1024, minEntropy: 2.5 };

/**
 * curl's `-u`/`--user`/`--proxy-user` option name, after a space, then the `user:password` value:
 * after blanks, `=` (long options), or straight after `-u` (`-uadmin:secret`, as curl takes it).
 */
const CURL_OPTION = /(?<=^|\s)(?:-u(?:[ \t]+|(?=[^\s=]))|--(?:proxy-)?user(?:[ \t]+|=))/g;
/** The option's value: double- or single-quoted, or bare up to whitespace. Sticky: read once, in place. */
const CURL_VALUE = /"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s"']+)/y;
/** Where an authority starts; the scheme is read backwards, so no run of letters is re-scanned. */
const AUTHORITY = /:\/\//g;
const SCHEME = /[A-Za-z][A-Za-z0-9+.-]{0,30}$/;
/** An authority ends at the path, query, fragment, whitespace or a character no URL holds raw. */
const AUTHORITY_END = /[\s/?#"'<>`\\[\]{}|]/;

/**
 * Finds the password half of basic credentials written as `curl -u client_id:secret` (also `--user`,
 * `--user=`, `-uclient_id:secret`, quoted) and in a URL's userinfo (`https://user:pass@host`, `postgres://u:p@h/db`). The
 * finding covers the password only; the user name is an identifier, not a secret.
 */
export function findBasicPairs(text: string): SecretFinding[] {
  return [...curlPasswords(text), ...urlPasswords(text)];
}

function curlPasswords(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const m of text.matchAll(CURL_OPTION)) {
    CURL_VALUE.lastIndex = m.index + m[0].length;
    const v = CURL_VALUE.exec(text);
    if (v === null) continue;
    const value = v[1] ?? v[2] ?? v[3] ?? '';
    const valueStart = v.index + (v[3] === undefined ? 1 : 0);
    // curl takes the user name up to the first colon; without one it prompts for the password.
    const colon = value.indexOf(':');
    if (colon < 0) continue;
    const finding = passwordAt(valueStart + colon + 1, value.slice(colon + 1), 'curl');
    if (finding !== undefined) found.push(finding);
  }
  return found;
}

function urlPasswords(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const m of text.matchAll(AUTHORITY)) {
    if (!SCHEME.test(text.slice(Math.max(0, m.index - 31), m.index))) continue;
    const from = m.index + m[0].length;
    const rest = text.slice(from, from + 2048);
    const end = rest.search(AUTHORITY_END);
    const authority = end < 0 ? rest : rest.slice(0, end);
    // A raw `@` inside a password is common in pastes: the host follows the last one.
    const at = authority.lastIndexOf('@');
    const colon = authority.indexOf(':');
    if (at < 0 || colon < 0 || colon > at) continue;
    const finding = passwordAt(from + colon + 1, authority.slice(colon + 1, at), 'url');
    if (finding !== undefined) found.push(finding);
  }
  return found;
}

function passwordAt(
  start: number,
  value: string,
  where: 'curl' | 'url',
): SecretFinding | undefined {
  if (!looksRandom(value, PAIR_BOUNDS)) return undefined;
  return {
    kind: 'basic-pair',
    start,
    end: start + value.length,
    label: where === 'curl' ? 'a password in a curl --user option' : 'a password in a URL',
    name: where,
  };
}
