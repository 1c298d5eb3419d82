import { beforeAll, describe, expect, it } from '@jest/globals';
import { askToDecide } from '../../../src/core/matching/ask.js';
import { buildIndex, type MatchIndex } from '../../../src/core/matching/match-index.js';
import { buildQuery } from '../../../src/core/matching/query.js';
import type { Scored } from '../../../src/core/matching/score.js';
import { fixtureCatalogue } from '../../support/fixture-catalogue.js';

let index: MatchIndex;

beforeAll(async () => {
  index = buildIndex(await fixtureCatalogue());
});

/** A ranked reading of one entry, with just the evidence askToDecide reads. */
function reading(id: string, score: number, vendor: number): Scored {
  const entry = index.entryIndex.get(id);
  if (entry === undefined) throw new Error(`no entry ${id}`);
  return {
    entry,
    score,
    code: 0.9,
    phrase: 0.5,
    verbatim: false,
    overlap: 0.5,
    vendor,
    status: 0,
    statusUnique: false,
    vendorSpecific: index.vendorSystems.has(index.entries[entry]?.system ?? ''),
    vendorMissing: false,
    ownMessage: false,
    why: [],
    commonWords: 0,
  };
}

describe('askToDecide', () => {
  it('does not offer the vendor-neutral reading as another system when the text shows the vendor', () => {
    const query = buildQuery('NetSuite token endpoint: {"error":"invalid_client"}', index);
    const ask = askToDecide(
      [
        reading('netsuite/ClientAuthenticationFailed', 3, 0.48),
        reading('oauth2/invalid_client', 2.9, -0.15),
      ],
      query,
      index,
    );
    expect(ask).toBeUndefined();
  });

  it('still asks which system when the best reading stands on no sign of its vendor', () => {
    const query = buildQuery('token endpoint: {"error":"invalid_client"}', index);
    const ask = askToDecide(
      [
        reading('netsuite/ClientAuthenticationFailed', 3, 0),
        reading('oauth2/invalid_client', 2.9, 0),
      ],
      query,
      index,
    );
    expect(ask?.question).toBe('Which system issued this error: Oracle NetSuite or OAuth 2.0?');
  });
});
