import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { rawTokens } from '../../../src/core/matching/tokens.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

const whys = (text: string): string[] =>
  diagnoser.diagnose(text).matches.flatMap((m) => m.why.map((w) => `${m.id} ${w}`));

describe('rawTokens: what stands between two words', () => {
  it('marks a token parted from the one before by anything but spaces or a hyphen', () => {
    const apart: boolean[] = [];
    expect(rawTokens('401 Unauthorized]: Client id - secret\nnext', apart)).toEqual([
      '401',
      'Unauthorized',
      'Client',
      'id',
      'secret',
      'next',
    ]);
    expect(apart).toEqual([false, false, true, false, false, true]);
  });

  it('leaves the tokens as they were without the array', () => {
    expect(rawTokens("don't / stop")).toEqual(["don't", 'stop']);
  });
});

describe('diagnose: a code written as words stands within one phrase', () => {
  it('does not read "401 Unauthorized]: Client ID …" as unauthorized_client', () => {
    const text =
      'Error login to the forge [401 Unauthorized]: Client ID and client secret do not match.';
    expect(whys(text)).not.toContain('oauth2/unauthorized_client code unauthorized_client');
  });

  it('does not read "Unauthorized / Client authentication failed" as unauthorized_client', () => {
    const d = diagnoser.diagnose(
      'Error redeeming code: Unauthorized / Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
    expect(whys('Error redeeming code: Unauthorized / Client')).not.toContain(
      'oauth2/unauthorized_client code unauthorized_client',
    );
  });

  it('still reads the code written as words with spaces or a hyphen between them', () => {
    expect(
      diagnoser.diagnose('we keep getting unauthorized - client from the token endpoint').matches[0]
        ?.id,
    ).toBe('oauth2/unauthorized_client');
  });
});
