import type { CodeHit } from './code-hit.js';
import type { MatchIndex } from './match-index.js';
import type { Signals } from './signals.js';
import { showsVendorCode } from './vendors.js';

export interface VendorEvidence {
  readonly strength: number;
  readonly why: readonly string[];
}

/**
 * Systems whose code shape the text shows (`AADSTS700027`), listed in the catalogue or not. An
 * unlisted code names its system but is none of that system's entries, so it is no evidence for
 * them; it only says which system the text is about.
 */
export function codeShapesShown(text: string, index: MatchIndex): string[] {
  return index.vendors.filter((v) => showsVendorCode(v, text)).map((v) => v.system);
}

/** The text the first of these patterns finds (none of them global), or undefined. */
function firstFound(patterns: readonly RegExp[], text: string): string | undefined {
  for (const p of patterns) {
    const found = p.exec(text)?.[0];
    if (found !== undefined) return found;
  }
  return undefined;
}

/** What a code written as words counts for when it is snake_case (see indexCodeWords). */
export const PLAIN_CODE_WORDS = 0.55;

/**
 * A vendor's code written as ordinary words ("invalid signature", "insufficient permission") is
 * that vendor's code only where the text could be about that vendor: where it shows another
 * system (an Entra log line, a host) and not this one, the words are that system's, or English,
 * and the hit is dropped. Where the text shows no system at all, a CamelCase code's words
 * (NetSuite's `InvalidSignature`, `InvalidState`, `InvalidScope`, `TokenExpired`) are the plain
 * English of any OAuth failure: they count as a snake_case code's words do, which name no code on
 * their own (blind splits of sessions 10 and 11: a Sign in with Apple "invalid signature" and an
 * Okta "invalid state parameter" report were read as those NetSuite entries). Where those words are
 * also a vendor-neutral entry's own words (`TokenExpired`: "token expired", `ClientAuthentication
 * Failed`: RFC 6749's "Client authentication failed"; plain-codes.ts), they name that entry, and
 * the vendor's code is dropped (blind split of session 13: oauthlib's `(token_expired)` and a
 * "Client authentication failed" read as those NetSuite entries).
 */
export function vendorWordsAsRead(
  hit: CodeHit,
  shown: ReadonlySet<string>,
  index: MatchIndex,
): readonly CodeHit[] {
  if (hit.asWords !== true) return [hit];
  const system = index.entries[hit.entry]?.system;
  if (system === undefined || !index.vendorSystems.has(system) || shown.has(system)) return [hit];
  if (shown.size > 0) return [];
  // Words a vendor-neutral entry also says ("token expired") are that entry's, not a code's.
  if (index.plainCodes.has(hit.code.toLowerCase())) return [];
  return hit.strength > PLAIN_CODE_WORDS ? [{ ...hit, strength: PLAIN_CODE_WORDS }] : [hit];
}

export function detectVendors(
  text: string,
  signals: Signals,
  queryTerms: ReadonlyMap<string, number>,
  index: MatchIndex,
  codeHits: readonly CodeHit[],
): Map<string, VendorEvidence> {
  const out = new Map<string, VendorEvidence>();
  for (const rule of index.vendors) {
    const why: string[] = [];
    let strength = 0;
    const own = codeHits.find(
      (h) =>
        h.vendorUnique &&
        h.asWords !== true &&
        h.strength >= 0.8 &&
        index.entries[h.entry]?.system === rule.system,
    );
    if (own !== undefined) {
      strength += 0.6;
    }
    const host = signals.hosts.find((h) => rule.hosts.some((s) => h === s || h.endsWith(`.${s}`)));
    if (host !== undefined) {
      strength += 1;
      why.push(`host ${host}`);
    }
    const path = firstFound(rule.paths, text);
    if (path !== undefined) {
      strength += 0.7;
      why.push(`path ${path}`);
    }
    const shape = firstFound(rule.shapes, text);
    if (shape !== undefined) {
      strength += 0.7;
      why.push(`shows ${shape}`);
    }
    const word = rule.words.find(
      (w) => w.terms.every((t) => queryTerms.has(t)) && (w.together?.test(text) ?? true),
    );
    if (word !== undefined) {
      strength += 0.6;
      why.push(`mentions ${word.name}`);
    }
    if (strength > 0) out.set(rule.system, { strength: Math.min(1, strength), why });
  }
  return out;
}
