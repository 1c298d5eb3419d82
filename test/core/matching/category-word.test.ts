import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

describe('diagnose: the explanation beats the category word', () => {
  it.each([
    'INVALID_CLIENT: Invalid redirect URI',
    'after I authorize it shows an error saying INVALID_CLIENT: Invalid redirect URI. Driving me nuts.',
  ])('reads %j as the redirect URI, not the client', (text) => {
    const d = diagnoser.diagnose(text);
    expect(d.matches[0]?.id).toBe('oauth2/redirect_uri_mismatch');
  });

  it('keeps invalid_client first when the code stands alone as the error', () => {
    const d = diagnoser.diagnose(
      'POST https://auth.example.org/oauth/token -> 401 {"error":"invalid_client","error_description":"Client authentication failed"}',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
  });
});

describe('diagnose: confidences follow the ranking', () => {
  it.each([
    'INVALID_CLIENT: Invalid redirect URI',
    'error=invalid_client&error_description=Invalid+redirect+uri',
    'we get invalid_client and the redirect URI is not registered',
  ])('never shows a lower-ranked reading as likelier for %j', (text) => {
    const confidences = diagnoser.diagnose(text).matches.map((m) => m.confidence);
    expect(confidences.length).toBeGreaterThan(1);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });
});

describe('diagnose: a code spelled like another system’s code names no vendor', () => {
  it('does not answer NetSuite unasked for `InvalidScope` printed by a client library for invalid_scope', () => {
    const d = diagnoser.diagnose(
      '[ERROR] failed retrieving first token: InvalidScope: The provided value for scope openid is not valid.',
    );
    expect(d.confident && d.matches[0]?.id.startsWith('netsuite/')).toBe(false);
  });
});
