import type { MatchIndex } from './match-index.js';
import { capScores, type Refinable } from './refine.js';

/** A reading this far behind its vendor-neutral parent is clearly the lesser one. */
const YIELD = 0.1;

/**
 * A vendor's entry is a case of the vendor-neutral failure it answers as (NetSuite's
 * `RefreshTokenExpired` answers `invalid_grant`): when the text never shows the vendor and the
 * vendor-neutral reading has evidence of its own (a hit on its code of any strength: the code
 * named, written as the category word of a quoted message, stated in words or read from a bare
 * status; or its message quoted), the words the vendor's entry shares with the text ("the refresh
 * token expired") are the generic failure's words, so it ranks below that reading. `scored` is
 * sorted best first; so is the result.
 */
export function unshownVendorsYield<S extends Refinable & { readonly vendorMissing: boolean }>(
  scored: S[],
  index: MatchIndex,
): S[] {
  const parents = index.neutralParents;
  const byEntry = new Map(scored.map((s) => [s.entry, s]));
  const capOf = (s: S): number => {
    let cap = Infinity;
    for (const p of parents[s.entry] ?? []) {
      const parent = byEntry.get(p);
      if (parent !== undefined && (parent.code > 0 || parent.verbatim))
        cap = Math.min(cap, parent.score - YIELD);
    }
    return cap;
  };
  return capScores(
    scored,
    scored.map((s) => (s.vendorMissing ? capOf(s) : Infinity)),
  );
}
