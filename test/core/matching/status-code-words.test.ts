import { beforeAll, describe, expect, it } from '@jest/globals';
import { buildIndex, type MatchIndex } from '../../../src/core/matching/match-index.js';
import { buildQuery, clearQuery } from '../../../src/core/matching/query.js';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureCatalogue, fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;
let index: MatchIndex;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
  index = buildIndex(await fixtureCatalogue());
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

describe('buildQuery: HTTP\'s "Client Error" class is no OAuth client', () => {
  const CLASSES = [
    'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.example.com/v1/me',
    'In RequestException.php line 111: Client error: `GET https://api.example.com/v1/me` resulted in a `401 Unauthorized` response',
    'HTTPError: 503 Server Error: Service Unavailable for url: https://login.example.com/token',
  ];
  for (const text of CLASSES) {
    it(`reads no "client" or "server" word in "${text}"`, () => {
      const query = buildQuery(text, index);
      const words = [...query.terms.keys()].filter((t) => t === 'client' || t === 'server');
      clearQuery(query);
      expect(words).toEqual([]);
    });
  }

  it('still reads a client the text names', () => {
    const query = buildQuery('401 Client Error: invalid client secret for url: https://x', index);
    const held = query.terms.has('client');
    clearQuery(query);
    expect(held).toBe(true);
  });
});
