import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

const WRAPPERS = [
  'AxiosError: Request failed with status code 400',
  'Error: Request failed with status code 401',
  'HTTPError: Response code 401 (Unauthorized)',
  '{ "message": "Authentication Unsuccessful: Request failed with status code 400" }',
  'the token call failed with error code 400',
  'requests.exceptions.HTTPError: status code 401 returned',
  "[ { message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', code: '3200' } ]",
];

describe('diagnose: "status code 400" is an HTTP status, not an authorization code', () => {
  for (const text of WRAPPERS) {
    it(`does not read "${text}" as the authorization code`, () => {
      const d = diagnoser.diagnose(text);
      expect(
        d.matches.filter((m) => m.id === 'oauth2/invalid_grant').flatMap((m) => m.why),
      ).toEqual(d.matches.some((m) => m.id === 'oauth2/invalid_grant') ? ['status 400'] : []);
    });
  }

  it('still reads an authorization code said to be invalid', () => {
    const d = diagnoser.diagnose('Request failed: the code is not valid (status code 400)');
    expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
  });
});
