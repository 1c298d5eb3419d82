import type { CodeHit } from './code-hit.js';
import { codeBucket, fewEdits } from './code-search.js';
import type { MatchIndex } from './match-index.js';
import { splitIdentifier, toTerm } from './tokens.js';

/** A misspelling keeps the code's shape: `invalid_code` is no typo of `InvalidScope`. */
function typoShape(code: string, token: string): boolean {
  return code.includes('_') === /[_-]/.test(token);
}

/** CamelCase with two or more humps, or snake_case: the shapes codes are written in. */
export function looksLikeCode(token: string): boolean {
  return (
    token.length >= 8 &&
    (/^[A-Z][a-z]+[A-Z][a-zA-Z]+$/.test(token) || /^[a-z]+_[a-z_]+$/i.test(token))
  );
}

/** A misspelt code (`TokenExpierd`, `invalid_clinet`) found with fuse.js over the catalogue's codes. */
export function fuzzyCode(token: string, inErrorField: boolean, index: MatchIndex): CodeHit[] {
  // fuse.js's pick must be of the same shape and a few edits away: when no code of the searched
  // buckets is, there is nothing to search for (most code-shaped words of a log are not codes).
  const near = (code: string): boolean => typoShape(code, token) && fewEdits(code, token);
  if (!NEAR_LENGTHS.some((d) => index.codeSearch.some(bucketOf(token, d), near))) return [];
  const best = nearestCode(token, index);
  if (best === undefined) return [];
  if (!typoShape(best.item, token) || !fewEdits(best.item, token)) return [];
  if (otherWords(token, best.item, index)) return [];
  const refs = index.codes.get(best.item.toLowerCase()) ?? [];
  return refs.map((r) => ({
    entry: r.entry,
    code: r.code,
    strength: r.strength * 0.7,
    inErrorField,
    vendorUnique: r.vendorUnique,
  }));
}

/**
 * A token spelt in words the catalogue knows, other than the code's, is another code, not a typo
 * of it: Zod's `invalid_type` (every MCP client's schema error) is no misspelt `invalid_token`. A
 * misspelling has a word no entry uses (`invalid_clinet`, `TokenExpierd`).
 */
function otherWords(token: string, code: string, index: MatchIndex): boolean {
  const words = splitIdentifier(token).map(toTerm);
  if (!words.every((t) => t !== undefined && index.termIds.has(t))) return false;
  return words.join(' ') !== splitIdentifier(code).map(toTerm).join(' ');
}

/** Misspelt codes are looked for among codes at most two characters longer or shorter. */
const NEAR_LENGTHS = [-2, -1, 0, 1, 2];

function bucketOf(token: string, d: number): string {
  return codeBucket(token.charAt(0), token.length + d);
}

/** The closest code within two characters of the token's length that fuse.js scores ≤ 0.2. */
function nearestCode(token: string, index: MatchIndex): { item: string } | undefined {
  let best: { item: string; score: number } | undefined;
  for (const d of NEAR_LENGTHS) {
    const hit = index.codeSearch.best(bucketOf(token, d), token);
    if (hit !== undefined && hit.score <= 0.2 && (best === undefined || hit.score < best.score)) {
      best = hit;
    }
  }
  return best;
}
