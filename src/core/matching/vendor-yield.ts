import type { Entry } from '../catalogue/catalogue.js';
import type { MatchIndex } from './match-index.js';
import { capScores, OWN_CODE, type Refinable } from './refine.js';

/** A reading this far behind its vendor-neutral parent is clearly the lesser one. */
const YIELD = 0.1;

/**
 * A vendor's entry is a case of the vendor-neutral failure it answers as (NetSuite's
 * `RefreshTokenExpired` answers `invalid_grant`): when the text never shows the vendor and the
 * vendor-neutral reading has evidence of its own (its code, or its message quoted), the words the
 * vendor's entry shares with the text ("the refresh token expired") are the generic failure's
 * words, so it ranks below that reading. `scored` is sorted best first; so is the result.
 */
export function unshownVendorsYield<S extends Refinable & { readonly vendorMissing: boolean }>(
  scored: S[],
  index: MatchIndex,
): S[] {
  const parents = parentsOf(index);
  const byEntry = new Map(scored.map((s) => [s.entry, s]));
  const capOf = (s: S): number => {
    let cap = Infinity;
    for (const p of parents[s.entry] ?? []) {
      const parent = byEntry.get(p);
      if (parent !== undefined && (parent.code >= OWN_CODE || parent.verbatim))
        cap = Math.min(cap, parent.score - YIELD);
    }
    return cap;
  };
  return capScores(
    scored,
    scored.map((s) => (s.vendorMissing ? capOf(s) : Infinity)),
  );
}

/** Per index, each vendor entry's vendor-neutral parents (worked out once per catalogue). */
const parentCache = new WeakMap<MatchIndex, readonly (readonly number[])[]>();

function parentsOf(index: MatchIndex): readonly (readonly number[])[] {
  let parents = parentCache.get(index);
  if (parents === undefined) {
    parents = neutralParents(index);
    parentCache.set(index, parents);
  }
  return parents;
}

/**
 * Per entry of a vendor, the vendor-neutral entries it refines (as compiled in
 * `index.refinements`) or whose own code it surfaces as (`surfacesAs: [invalid_grant]` →
 * `oauth2/invalid_grant`, read from `index.codes`); none for other entries.
 */
function neutralParents(index: MatchIndex): number[][] {
  const { entries, vendorSystems } = index;
  const neutral = (e: Entry | undefined): boolean =>
    e !== undefined && !vendorSystems.has(e.system);
  // A listed code (strength 1), not another entry's surfacesAs.
  const ownCodeOf = (code: string): number[] =>
    (index.codes.get(code.toLowerCase()) ?? [])
      .filter((r) => r.strength === 1 && neutral(entries[r.entry]))
      .map((r) => r.entry);
  return entries.map((e, i) => {
    if (neutral(e)) return [];
    const found = new Set<number>();
    for (const c of e.surfacesAs) for (const p of ownCodeOf(c)) found.add(p);
    for (const p of index.refinements.parents[i] ?? []) if (neutral(entries[p])) found.add(p);
    return [...found];
  });
}
