import type { CodeHit } from './code-hit.js';
import { addEntries } from './entry-lists.js';
import type { MatchIndex } from './match-index.js';
import { explainedOtherwise, namedByMessages } from './named-words.js';

/** A provider's short error message naming the failure by its words, where no listed code is. */
const MESSAGE_STRENGTH = 0.75;
/** An explanation that shows a listed code was used loosely reads as the failure, like a named code. */
const EXPLANATION_STRENGTH = 0.9;

interface MessageReading {
  readonly hits: readonly CodeHit[];
  readonly explained: ReadonlyMap<number, readonly number[]>;
  readonly explainedCodes: ReadonlySet<string>;
}

/**
 * Where an error body carries no code the catalogue knows, its short message (`"message": "Invalid
 * refresh token"`, Strava's `{"resource":"RefreshToken",…,"code":"invalid"}`) names the failure by
 * its words. A code named in an error field is the provider's own reading and stands, unless its
 * explanation names another failure and none of the code's own words (`unauthorized_client` with
 * "refresh_token is invalid"): then the explanation is read as the failure and the code as loose.
 */
export function messageRules(
  text: string,
  index: MatchIndex,
  literal: readonly CodeHit[],
): MessageReading {
  const coded = literal.filter((h) => h.inErrorField && h.strength >= 0.8);
  const hit = (message: string, entry: number, strength: number, inErrorField: boolean) => ({
    entry,
    code: message,
    strength,
    inErrorField,
    vendorUnique: false,
    label: `error message "${message}"`,
  });
  const named = coded.length === 0 ? namedByMessages(text, index) : [];
  const explanations = explainedOtherwise(text, index, coded);
  const hits: CodeHit[] = [
    ...named.flatMap((n) => n.entries.map((e) => hit(n.message, e, MESSAGE_STRENGTH, true))),
    ...explanations.flatMap((x) =>
      x.entries.map((e) => hit(x.message, e, EXPLANATION_STRENGTH, x.inErrorField)),
    ),
  ];
  return {
    hits,
    explained: explanations.reduce(
      (m, x) => addEntries(m, x.code, x.entries),
      new Map<number, readonly number[]>(),
    ),
    explainedCodes: new Set(explanations.map((x) => x.codeText)),
  };
}
