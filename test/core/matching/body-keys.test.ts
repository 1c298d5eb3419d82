import { beforeAll, describe, expect, it } from '@jest/globals';
import { buildIndex, type MatchIndex } from '../../../src/core/matching/match-index.js';
import { buildQuery, clearQuery } from '../../../src/core/matching/query.js';
import { rawTokens } from '../../../src/core/matching/tokens.js';
import { fixtureCatalogue } from '../../support/fixture-catalogue.js';

let index: MatchIndex;

beforeAll(async () => {
  index = buildIndex(await fixtureCatalogue());
});

/** Whether the text holds `term` only as a field name (see `Query.fieldMask`). */
function onlyField(text: string, term: string): boolean {
  const query = buildQuery(text, index);
  const id = index.termIds.get(term);
  const field = id !== undefined && query.fieldMask?.[id] === 1;
  clearQuery(query);
  return field;
}

describe('rawTokens: the keys of a JSON body or a dict', () => {
  it('marks a quoted word with a colon after it', () => {
    const keys: boolean[] = [];
    rawTokens(`{"__type": "NotAuthorizedException", 'grant':'x', "type" of it}`, undefined, keys);
    expect(keys).toEqual([true, false, true, false, false, false, false]);
  });
});

describe('buildQuery: a body key is structure, not what failed', () => {
  it('reads the word of a key as a field name', () => {
    expect(onlyField('400 Bad Request response: {"__type":"NotAuthorizedException"}', 'type')).toBe(
      true,
    );
    expect(onlyField(`{'grant': 'abc'}`, 'grant')).toBe(true);
  });

  it('still reads the word in prose or as a value', () => {
    expect(onlyField('the grant type is not supported: {"__type":"x"}', 'type')).toBe(false);
    expect(onlyField('{"error": "grant"}', 'grant')).toBe(false);
  });
});
