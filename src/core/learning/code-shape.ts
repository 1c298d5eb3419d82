import type { TemplateVocabulary } from './vocabulary.js';

/** HTTP statuses kept in templates (and pinned): the ones auth failures come with. */
export const STATUSES: ReadonlySet<number> = new Set([
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 413, 415, 422, 429, 500, 501, 502, 503,
  504,
]);

/** Words with digits that are names, not values: `oauth2`, `HTTP2`, `x509`, `SHA256`, `v1`. */
const TECH_WORD =
  /^(?:oauth[12]|http[23]|h2|x509|sha\d{1,3}|base64(?:url)?|utf-?(?:8|16)|tls\d*|ssl\d*|v\d{1,2}|ipv[46]|md5|rsa\d*|pkcs\d{1,2}|aes\d{3}|[hrpe]s\d{3}|p\d{3}|win(?:32|64)|x(?:64|86)|saml2|oidc\d?|soap\d{2})$/i;

/**
 * A word that reads as an error code rather than a value: a catalogue code, an upper-case code with
 * digits (`AADSTS700016`, `S22`, `E0000011`) or a code-shaped identifier (`invalid_client`,
 * `INVALID_LOGIN`, `TokenRejected`, `invalidClient`).
 */
export function isCodeWord(word: string, vocabulary: TemplateVocabulary): boolean {
  if (vocabulary.codes.has(word.toLowerCase())) return true;
  if (/^[A-Z]{1,10}\d{1,8}$/.test(word)) return true;
  return isIdentifierCode(word);
}

/** Code-shaped identifiers without digits: snake, SCREAMING, UpperCamel or lowerCamel case. */
function isIdentifierCode(word: string): boolean {
  return (
    /^[a-z]+(?:_[a-z]+)+$/.test(word) ||
    /^[A-Z][A-Z]+(?:_[A-Z]+)*$/.test(word) ||
    /^[A-Z][a-z]+(?:[A-Z][a-z]*)+$/.test(word) ||
    /^[a-z]+(?:[A-Z][a-z]*)+$/.test(word)
  );
}

/** A word with digits that names something fixed (a code or a technology), kept in templates. */
export function isFixedWordWithDigits(word: string, vocabulary: TemplateVocabulary): boolean {
  return (
    vocabulary.codes.has(word.toLowerCase()) ||
    /^[A-Z]{1,10}\d{1,8}$/.test(word) ||
    TECH_WORD.test(word)
  );
}
