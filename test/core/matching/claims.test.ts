import { describe, expect, it } from '@jest/globals';
import { claimEvidence } from '../../../src/core/matching/claims.js';

const AUD = 'https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token';

describe('claimEvidence: pasted token headers and claims', () => {
  it('reads an assertion lifetime over an hour as TokenValidityTooBroad', () => {
    const text = `our assertion: {"iss":"abc","aud":"${AUD}","scope":["restlets"],"iat":1757000000,"exp":1757086400}`;
    expect(claimEvidence(text).map((e) => e.id)).toEqual(['netsuite/TokenValidityTooBroad']);
  });

  it('reads a blank kid in a NetSuite assertion header as MissingKeyId', () => {
    const text = 'NetSuite M2M assertion header: {"alg":"PS256","typ":"JWT","kid":""}';
    expect(claimEvidence(text).map((e) => e.id)).toEqual(['netsuite/MissingKeyId']);
  });

  it('uses the Date header of the answer as the clock', () => {
    const text = `Date: Tue, 16 Sep 2025 10:00:00 GMT\n{"iss":"abc","aud":"${AUD}","scope":"restlets","iat":1758017340,"exp":1758020940}`;
    const ids = claimEvidence(text).map((e) => e.id);
    expect(ids).toContain('netsuite/TokenNotAcceptable');
    expect(claimEvidence(text.replace('Date: Tue, 16 Sep 2025 10:00:00 GMT\n', ''))).toEqual([]);
  });

  it('reads an expired assertion against "sent at <epoch>"', () => {
    const text = `{"iss":"abc","aud":"${AUD}","scope":"restlets","iat":1760000000,"exp":1760003600} sent at 1760011200`;
    expect(claimEvidence(text).map((e) => e.id)).toContain('netsuite/TokenExpired');
  });

  it('reads a lifetime formula such as exp = now + 8h in a NetSuite assertion', () => {
    const text = 'our NetSuite M2M assertion uses iat=now and exp=now+8h';
    expect(claimEvidence(text).map((e) => e.id)).toEqual(['netsuite/TokenValidityTooBroad']);
    expect(claimEvidence('our NetSuite M2M assertion uses exp = iat + 1800')).toEqual([]);
    expect(claimEvidence('session cookie: exp=now+8h')).toEqual([]);
  });

  it('says nothing about JSON that is not a token, or a header without NetSuite context', () => {
    expect(claimEvidence('{"error":"invalid_grant","error_description":"expired"}')).toEqual([]);
    expect(claimEvidence('{"alg":"RS256","kid":""} from our own IdP')).toEqual([]);
    expect(claimEvidence('{ not json at all }{"a":')).toEqual([]);
  });
});
