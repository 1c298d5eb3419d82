import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

const TRACE = '\\r\\nTrace ID: 8d1f7a2e-1c2b-4a44-9a55-0b0e3c0c1a00';

describe('diagnose: a vendor code no entry lists beside a printed OAuth code', () => {
  it('reads the printed code, not another AADSTS entry whose message the text shares', () => {
    const d = diagnoser.diagnose(
      `Getting this from the token endpoint:\n{"error":"invalid_client","error_description":"AADSTS50012: Client assertion contains an invalid signature.${TRACE}","error_codes":[50012]}`,
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
  });

  it('still reads a listed vendor code as its own entry', () => {
    const d = diagnoser.diagnose(
      `Getting this from the token endpoint:\n{"error":"invalid_client","error_description":"AADSTS700027: Client assertion contains an invalid signature.${TRACE}","error_codes":[700027]}`,
    );
    expect(d.matches[0]?.id).toBe('entra/AADSTS700027');
  });

  it('reads the code in the error field over one the poster names in passing', () => {
    const d = diagnoser.diagnose(
      [
        "I'm no longer getting the `invalid_request`, but instead now I get `invalid_client`.",
        '',
        'MSAL.NetCore.4.22.0.0.MsalServiceException:',
        '        ErrorCode: invalid_client',
        'Microsoft.Identity.Client.MsalServiceException: A configuration issue is preventing authentication. Original exception: AADSTS70002: The client does not exist or is not enabled for consumers.',
      ].join('\n'),
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
  });
});
