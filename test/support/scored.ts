import type { Entry } from '../../src/core/catalogue/catalogue.js';
import type { Scored } from '../../src/core/matching/score.js';
import { fixtureCatalogue } from './fixture-catalogue.js';

/** A scored reading for decide(): no evidence but what `over` gives it. */
export function scoredReading(entry: number, score: number, over: Partial<Scored> = {}): Scored {
  return {
    entry,
    score,
    code: 0,
    phrase: 0,
    verbatim: false,
    overlap: 0,
    vendor: 0,
    status: 0,
    statusUnique: false,
    ownMessage: false,
    vendorMissing: false,
    vendorSpecific: false,
    why: [],
    commonWords: 0,
    ...over,
  };
}

/** The fixture catalogue's entries of `ids`, in that order (positions for `scoredReading`). */
export async function fixtureEntries(ids: readonly string[]): Promise<Entry[]> {
  const all = (await fixtureCatalogue()).entries;
  return ids.flatMap((id) => all.filter((e) => e.id === id));
}
