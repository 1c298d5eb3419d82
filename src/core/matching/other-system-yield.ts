import type { MatchIndex } from './match-index.js';
import type { Query } from './query.js';
import { qualifiersOf } from './other-products.js';
import { capScores, type Refinable } from './refine.js';
import type { VendorRule } from './vendors.js';

/** A reading this far behind the best vendor-neutral one is clearly the lesser one. */
const YIELD = 0.1;

/**
 * A URL's host: where a request was sent, not a mail address's domain; not a script's address in a
 * stack frame (`https://cdn…/jsforce.min.js:2:29665`), which says where code was loaded from (looked
 * for within the URL's first 200 characters, so a whole paste of URLs is read in linear time).
 */
const URL_HOST =
  /\bhttps?:\/\/([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.[a-z]{2,24})(?![\w.-])(?![^\s'"`()]{0,200}:\d+:\d+)/g;
/** How far after a code the address that answered it is looked for ("…token_rejected', url '…"). */
const NEAR = 200;

/**
 * A vendor's code that is also a plain name (NetSuite's `token_rejected`, `TokenExpired`,
 * Salesforce's `INVALID_SESSION_ID`) names that vendor only where nothing else says which system
 * answered: the OAuth 1.0 `oauth_problem=token_rejected` from `https://openapi.etsy.com/…` is
 * Etsy's, not NetSuite's TBA. Where the text shows no sign of the vendor but its code (no host,
 * path, shape or word of it; no code of its own shape, as `AADSTS…` is), and shows another system
 * (another vendor's host, path or words, or a URL on a host not the vendor's), the vendor's entries
 * rank below the best vendor-neutral reading: the code is the other system's word for that failure
 * (an entry whose own distinctive message is quoted keeps its place). A code that is a plain word
 * (`TokenExpired`, not `INVALID_SESSION_ID` or `AADSTS50011`) gives way to any sign of another
 * product: a URL on another host anywhere in the text, an installed library not a generic HTTP
 * client or framework, a package the code is a class of (see `showsAnotherProduct`).
 * `scored` is sorted best first; so is the result.
 */
export function otherSystemYield<S extends Refinable>(
  scored: S[],
  query: Query,
  index: MatchIndex,
): S[] {
  const yielding = systemsYielding(query, index);
  if (yielding.size === 0) return scored;
  let best = -Infinity;
  for (const s of scored) {
    const system = index.entries[s.entry]?.system;
    if (system !== undefined && !index.vendorSystems.has(system)) best = Math.max(best, s.score);
  }
  if (best === -Infinity) return scored;
  return capScores(
    scored,
    // An entry whose own distinctive message the text quotes is named by it, as by its host.
    scored.map((s) =>
      !s.ownMessage && yielding.has(index.entries[s.entry]?.system ?? '') ? best - YIELD : Infinity,
    ),
  );
}

/** The vendors the text names only by a code of theirs while it shows another system. */
function systemsYielding(query: Query, index: MatchIndex): Set<string> {
  const out = new Set<string>();
  const coded = unshownVendorCodes(query, index);
  // Most texts name no vendor by a code alone: nothing else to read then.
  if (coded.size === 0) return out;
  const others = [...query.vendors].filter(([, v]) => v.why.length > 0).map(([s]) => s);
  for (const rule of index.vendors) {
    const codes = coded.get(rule.system);
    if (codes === undefined) continue;
    // A code of the vendor's own shape (`AADSTS50011`) names it whatever else the text shows.
    if (query.codeShapes.has(rule.system)) continue;
    const own = (h: string): boolean => rule.hosts.some((s) => h === s || h.endsWith(`.${s}`));
    if (
      others.some((o) => o !== rule.system) ||
      hostsAfter(codes, query.flat).some((h) => !own(h)) ||
      (codes.every((c) => plainWord(c, rule)) && showsAnotherProduct(codes, query, rule, own))
    )
      out.add(rule.system);
  }
  return out;
}

/** A code in capitals joined by `_` (`INVALID_SESSION_ID`, `SSS_REQUEST_LIMIT_EXCEEDED`). */
const CAPITALS = /^[A-Z0-9]+(?:_[A-Z0-9]+)+$/;

/**
 * A code spelled as plain words, CamelCase or lower-case snake_case (NetSuite's `TokenExpired`,
 * `token_rejected`; Salesforce's `invalid_client_id`): any product may name its own failure so.
 * Not a code in capitals or of the vendor's own code shape, which only the vendor prints.
 */
function plainWord(code: string, rule: VendorRule): boolean {
  return !CAPITALS.test(code) && !rule.codes.some((c) => c.test(code));
}

/**
 * Whether the text shows a product not the vendor's: a URL on another host anywhere in it, an
 * installed library in a file path (not `requests` or `axios`, which any integration is written
 * with), or a package or namespace the code is written as a class of
 * (`examplebooks.exceptions.TokenExpired`), none of them named after the vendor. A vendor's code
 * that is a plain word is then that product's word for its failure (Xero's `TokenExpired`).
 */
function showsAnotherProduct(
  codes: readonly string[],
  query: Query,
  rule: VendorRule,
  own: (host: string) => boolean,
): boolean {
  const names = vendorNames(rule);
  const foreign = (name: string): boolean =>
    !names.some((n) => name.replace(/[^a-z0-9]/g, '').includes(n));
  if (query.packages.some(foreign)) return true;
  if (codes.some((c) => qualifiersOf(c.toLowerCase(), query.flat).some(foreign))) return true;
  if (!query.flat.includes('://')) return false;
  for (const m of query.flat.matchAll(URL_HOST)) if (!own(m[1] ?? '')) return true;
  return false;
}

/** The vendor's names as a library would spell them: its one-word names and its hosts' first parts. */
function vendorNames(rule: VendorRule): string[] {
  const words = rule.words.filter((w) => w.together === undefined).map((w) => w.name);
  const hosts = rule.hosts.map((h) => h.split('.')[0] ?? '');
  return [...words, ...hosts]
    .map((n) => n.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((n) => n.length >= 4);
}

/**
 * Per vendor the text shows no sign of, its codes the text names (as codes, not as words), in the
 * order found; read in one pass over the hits rather than once per vendor.
 */
function unshownVendorCodes(query: Query, index: MatchIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const h of query.codeHits) {
    if (h.asWords === true) continue;
    const system = index.entries[h.entry]?.system;
    if (system === undefined || !index.vendorSystems.has(system)) continue;
    if ((query.vendors.get(system)?.why.length ?? 0) > 0) continue;
    const codes = out.get(system);
    if (codes === undefined) out.set(system, [h.code]);
    else codes.push(h.code);
  }
  return out;
}

/** The URL hosts written shortly after any of the codes. */
function hostsAfter(codes: readonly string[], flat: string): string[] {
  const out: string[] = [];
  // A text with no URL has no host after a code (URL_HOST needs the scheme's `://`).
  if (!flat.includes('://')) return out;
  for (const code of new Set(codes.map((c) => c.toLowerCase()))) {
    for (let at = flat.indexOf(code); at >= 0; at = flat.indexOf(code, at + code.length)) {
      const near = flat.slice(at + code.length, at + code.length + NEAR);
      for (const m of near.matchAll(URL_HOST)) out.push(m[1] ?? '');
    }
  }
  return out;
}
