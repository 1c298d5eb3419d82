import { describe, expect, it } from '@jest/globals';
import { fewEdits } from '../../../src/core/matching/code-search.js';

describe('fewEdits', () => {
  it.each([
    ['TokenExpierd', 'TokenExpired'],
    ['invalid_clinet', 'invalid_client'],
    ['INVALID-GRANT', 'invalid_grant'],
  ])('reads %s as a misspelling of %s', (typo, code) => {
    expect(fewEdits(typo, code)).toBe(true);
  });

  it('does not read another code with a different word as a misspelling', () => {
    expect(fewEdits('SSS_USAGE_LIMIT_EXCEEDED', 'SSS_REQUEST_LIMIT_EXCEEDED')).toBe(false);
  });
});
