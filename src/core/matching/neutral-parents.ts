import type { Entry } from '../catalogue/catalogue.js';

/**
 * Per entry of a vendor, the vendor-neutral entries it refines (`refinementParents`, as
 * compileRefinements reads `refines`) or whose own code it surfaces as (`surfacesAs:
 * [invalid_grant]` → `oauth2/invalid_grant`, read from the compiled `codes`); none for other
 * entries. Worked out when the index is compiled (the snapshot carries them), not on the first
 * paste that needs them (vendor-yield.ts reads them).
 */
export function neutralParents(
  entries: readonly Entry[],
  vendorSystems: ReadonlySet<string>,
  codes: ReadonlyMap<string, readonly { readonly entry: number; readonly strength: number }[]>,
  refinementParents: readonly (readonly number[])[],
): number[][] {
  const neutral = (e: Entry | undefined): boolean =>
    e !== undefined && !vendorSystems.has(e.system);
  // A listed code (strength 1), not another entry's surfacesAs.
  const ownCodeOf = (code: string): number[] =>
    (codes.get(code.toLowerCase()) ?? [])
      .filter((r) => r.strength === 1 && neutral(entries[r.entry]))
      .map((r) => r.entry);
  return entries.map((e, i) => {
    if (neutral(e)) return [];
    const found = new Set<number>();
    for (const c of e.surfacesAs) for (const p of ownCodeOf(c)) found.add(p);
    for (const p of refinementParents[i] ?? []) if (neutral(entries[p])) found.add(p);
    return [...found];
  });
}
