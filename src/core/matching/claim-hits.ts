import { claimEvidence } from './claims.js';
import type { CodeHit } from './code-hit.js';
import type { MatchIndex } from './match-index.js';
import { tbaEvidence } from './tba-header.js';

/**
 * What the token inspector's rules say about a pasted token header or claims set, and what a pasted
 * OAuth 1.0 (NetSuite TBA) header's values show.
 */
export function findClaimRules(text: string, index: MatchIndex): CodeHit[] {
  return [...claimEvidence(text), ...tbaEvidence(text)].flatMap(({ id, why }) => {
    const entry = index.entryIndex.get(id);
    if (entry === undefined) return [];
    const code = index.entries[entry]?.slug ?? id;
    return [{ entry, code, strength: 0.85, inErrorField: false, vendorUnique: true, label: why }];
  });
}
