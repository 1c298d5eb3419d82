import type { CodeHit } from './code-hit.js';
import type { MatchIndex } from './match-index.js';
import { namedInSentences } from './named-words.js';

/** What a failure stated in words counts for: less than a bare status, far less than a code. */
export const STATED_STRENGTH = 0.4;
/** A stated failure's sentence is shown in `why` up to this many characters. */
const MAX_STATED_LABEL = 80;

/** Failures the text states in words ("the refresh token is invalid"), where no code is named. */
export function statedFailures(text: string, index: MatchIndex): CodeHit[] {
  const seen = new Set<number>();
  const hits: CodeHit[] = [];
  for (const { message, entries } of namedInSentences(text, index))
    for (const entry of entries) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      hits.push({
        entry,
        code: message,
        strength: STATED_STRENGTH,
        inErrorField: false,
        vendorUnique: false,
        label: `stated "${shortened(message, MAX_STATED_LABEL)}"`,
      });
    }
  return hits;
}

/** The text cut to `max` characters, ending in "..." where it was cut. */
function shortened(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
