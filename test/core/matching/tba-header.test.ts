import { describe, expect, it } from '@jest/globals';
import { tbaEvidence } from '../../../src/core/matching/tba-header.js';

const header = (realm: string, extra = ''): string =>
  `Authorization: OAuth realm="${realm}", oauth_consumer_key="****", oauth_token="****", oauth_signature_method="HMAC-SHA256", oauth_timestamp="1718000000", oauth_nonce="q1w2e3r4t5y6", oauth_version="1.0", oauth_signature="****"${extra}`;

describe('tbaEvidence: what a pasted OAuth 1.0 header shows', () => {
  it.each([
    ['1234567_sb1', '1234567_SB1'],
    ['1234567-sb1', '1234567_SB1'],
    ['1234567-SB1', '1234567_SB1'],
    ['tstdrv2012345', 'TSTDRV2012345'],
  ])('reads realm "%s" as not the account ID as NetSuite writes it (%s)', (realm, written) => {
    expect(tbaEvidence(header(realm))).toEqual([
      {
        id: 'netsuite/tba-invalid-signature',
        why: `realm "${realm}" is not the account ID as NetSuite writes it (${written})`,
      },
    ]);
  });

  it('finds nothing in a header built right, or in a Basic challenge of the OAuth 2.0 token endpoint', () => {
    expect(tbaEvidence(header('1234567_SB1'))).toEqual([]);
    expect(tbaEvidence(header('TSTDRV2012345'))).toEqual([]);
    expect(tbaEvidence('401 Unauthorized\nWWW-Authenticate: Basic realm="4410982_sb1"')).toEqual(
      [],
    );
    // A realm that is no account ID is not judged.
    expect(tbaEvidence(header('api.example.com'))).toEqual([]);
  });

  it('reads a timestamp in milliseconds and a nonce too short for NetSuite', () => {
    const text = header('1234567')
      .replace('1718000000', '1718000000123')
      .replace('q1w2e3r4t5y6', 'ab1');
    expect(tbaEvidence(text).map((e) => e.id)).toEqual([
      'netsuite/InvalidTimestamp',
      'netsuite/tba-nonce-reused',
    ]);
  });

  it("reads HMAC-SHA1 beside a NetSuite account realm, not in another provider's header", () => {
    expect(tbaEvidence(header('1234567').replace('HMAC-SHA256', 'HMAC-SHA1'))).toEqual([
      {
        id: 'netsuite/tba-invalid-signature',
        why: 'oauth_signature_method HMAC-SHA1: NetSuite accepts only HMAC-SHA256 for TBA',
      },
    ]);
    expect(
      tbaEvidence(
        'Authorization: OAuth oauth_consumer_key="****", oauth_token="****", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1718000000", oauth_nonce="q1w2e3r4t5y6", oauth_signature="****"',
      ),
    ).toEqual([]);
  });

  it('does not judge a masked nonce', () => {
    expect(tbaEvidence(header('1234567').replace('q1w2e3r4t5y6', '****'))).toEqual([]);
  });
});

describe('tbaEvidence: the account ID typed into a TBA client', () => {
  it('reads an account ID typed in lower case or with the host hyphen', () => {
    expect(
      tbaEvidence(
        'suitecloud account:setup\n? Enter the account ID: tstdrv1234567\nInvalid login attempt.',
      ),
    ).toEqual([
      {
        id: 'netsuite/tba-invalid-signature',
        why: 'account ID "tstdrv1234567" is not written as NetSuite writes it (TSTDRV1234567); TBA sends it as the realm',
      },
    ]);
    expect(
      tbaEvidence('The token could not be validated. Is my account id 123456 or 123456-SB1?')[0]
        ?.why,
    ).toContain('"123456-SB1"');
  });

  it('leaves account IDs alone when the text is not about a TBA client, and hosts always', () => {
    expect(tbaEvidence('OAuth 2.0 token call, account id 1234567-sb1, invalid_client')).toEqual([]);
    expect(
      tbaEvidence('TBA: account ID below, host 1234567-sb1.restlets.api.netsuite.com fails'),
    ).toEqual([]);
  });
});
