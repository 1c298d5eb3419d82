import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

describe('diagnose: the words of a code used in passing do not write the code', () => {
  it('reads a 401 about an access token as invalid_token, not as "unauthorized … client"', () => {
    const d = diagnoser.diagnose(
      'HTTP error 401 (401 Unauthorized) from the API, the client library says the access token validation failed',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
  });

  it('still reads the code written as words', () => {
    const d = diagnoser.diagnose('we keep getting unauthorized client from the token endpoint');
    expect(d.matches[0]?.id).toBe('oauth2/unauthorized_client');
  });
});
