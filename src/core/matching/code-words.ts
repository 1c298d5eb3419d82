import type { CodeHit } from './code-hit.js';
import type { MatchIndex } from './match-index.js';
import { standsAt } from './named-words.js';

/**
 * Codes whose words are the plain English of any refusal: "Access Denied" heads S3 answers, proxy
 * and web-server error pages, Windows and SuiteCloud messages, and is OAuth's `access_denied` only
 * when written as the code.
 */
const PLAIN_WORDS: ReadonlySet<string> = new Set(['access_denied']);

/** `token validity too broad`, `invalid scpoe`: a code written as adjacent words is a weaker code hit. */
export function findCodeWords(
  sequence: readonly string[],
  camel: readonly boolean[],
  qualified: readonly boolean[],
  index: MatchIndex,
): CodeHit[] {
  const hits: CodeHit[] = [];
  for (let i = 0; i < sequence.length; i++) {
    const words = index.codeWords.get(sequence[i] ?? '');
    if (words === undefined) continue;
    for (const cw of words) {
      // `AccessDenied` (an AWS error) is not `access_denied` written as words.
      const shapeClash = cw.code.includes('_') && camelAt(camel, i, cw.terms.length);
      // Spring's `invalid_token_response` is a token response, not `invalid_token`.
      const another = qualified[i + cw.terms.length - 1] === true;
      if (!shapeClash && !another && !PLAIN_WORDS.has(cw.code) && standsAt(cw.terms, sequence, i)) {
        hits.push({
          entry: cw.entry,
          code: cw.code,
          strength: cw.strength,
          inErrorField: false,
          vendorUnique: false,
          asWords: true,
        });
      }
    }
  }
  return hits;
}

/** A word of the `length` from `i` was part of a CamelCase identifier (a loop: no closure per code). */
function camelAt(camel: readonly boolean[], i: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (camel[i + k] === true) return true;
  return false;
}
