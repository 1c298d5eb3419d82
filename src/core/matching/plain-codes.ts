import type { Entry } from '../catalogue/catalogue.js';
import { splitIdentifier, terms } from './tokens.js';

/** A title, message, phrase or code-as-words of an entry, as its distinct terms. */
export interface PhraseTerms {
  readonly entry: number;
  readonly terms: readonly string[];
}

/** A CamelCase code as vendors write them (`TokenExpired`), not an RFC or SCREAMING_SNAKE one. */
const CAMEL = /^[A-Z][a-z]+[A-Z][A-Za-z]*$/;

/**
 * Vendors' CamelCase codes (lower case, sorted) whose words are all words of one vendor-neutral
 * entry's title, message, phrase or code: NetSuite's `TokenExpired` ("token expired"),
 * `ClientAuthenticationFailed` (RFC 6749's "Client authentication failed"), `InvalidSignature`.
 * Written as words, such a code is what any OAuth server or library prints (oauthlib's
 * `TokenExpiredError: (token_expired)`); `ScopeMismatched` or `TokenValidityTooBroad` is not. A
 * snake_case code is left out: its words are already read as weakly as any code's words, and a
 * vendor prints it in that shape itself (Keycloak's `invalid_client_credentials`). Worked out when
 * the index is compiled (the snapshot carries them), not on the first paste that needs them.
 */
export function plainVendorCodes(
  entries: readonly Entry[],
  phrases: readonly PhraseTerms[],
  vendorSystems: ReadonlySet<string>,
): string[] {
  // Each vendor CamelCase code as the terms of its words (a few dozen codes).
  const codes: { code: string; terms: readonly string[] }[] = [];
  for (const e of entries) {
    if (!vendorSystems.has(e.system)) continue;
    for (const code of e.codes) {
      const words = splitIdentifier(code);
      if (words.length < 2 || !CAMEL.test(code)) continue;
      codes.push({ code: code.toLowerCase(), terms: [...new Set(terms(words.join(' ')))] });
    }
  }
  const out = new Set<string>();
  for (const p of phrases) {
    if (vendorSystems.has(entries[p.entry]?.system ?? '')) continue;
    for (const c of codes)
      if (!out.has(c.code) && c.terms.every((t) => p.terms.includes(t))) out.add(c.code);
  }
  return [...out].sort();
}
