import type { MatchIndex } from './match-index.js';
import { splitIdentifier, terms } from './tokens.js';

/**
 * Vendors' CamelCase codes (lower case) whose words are all words of one vendor-neutral entry's
 * title, message, phrase or code: NetSuite's `TokenExpired` ("token expired"),
 * `ClientAuthenticationFailed` (RFC 6749's "Client authentication failed"), `InvalidSignature`.
 * Written as words, such a code is what any OAuth server or library prints (oauthlib's
 * `TokenExpiredError: (token_expired)`); `ScopeMismatched` or `TokenValidityTooBroad` is not. A
 * snake_case code is left out: its words are already read as weakly as any code's words, and a
 * vendor prints it in that shape itself (Keycloak's `invalid_client_credentials`). Worked out once
 * per index.
 */
export function plainVendorCodes(index: MatchIndex): ReadonlySet<string> {
  let found = cache.get(index);
  if (found === undefined) {
    found = findPlainCodes(index);
    cache.set(index, found);
  }
  return found;
}

/** A CamelCase code as vendors write them (`TokenExpired`), not an RFC or SCREAMING_SNAKE one. */
const CAMEL = /^[A-Z][a-z]+[A-Z][A-Za-z]*$/;

const cache = new WeakMap<MatchIndex, ReadonlySet<string>>();

function findPlainCodes(index: MatchIndex): Set<string> {
  const { entries, phrases, phraseIds, termIds, vendorSystems } = index;
  // Each vendor CamelCase code as the term ids of its words (a few dozen codes).
  const codes: { code: string; ids: number[] }[] = [];
  for (const e of entries) {
    if (!vendorSystems.has(e.system)) continue;
    for (const code of e.codes) {
      const words = splitIdentifier(code);
      if (words.length < 2 || !CAMEL.test(code)) continue;
      const ids = [...new Set(terms(words.join(' ')))].map((t) => termIds.get(t) ?? -1);
      if (!ids.includes(-1)) codes.push({ code: code.toLowerCase(), ids });
    }
  }
  const out = new Set<string>();
  for (const p of phrases) {
    if (vendorSystems.has(entries[p.entry]?.system ?? '')) continue;
    const held = phraseIds.subarray(p.from, p.to);
    for (const c of codes)
      if (!out.has(c.code) && c.ids.every((id) => held.includes(id))) out.add(c.code);
  }
  return out;
}
