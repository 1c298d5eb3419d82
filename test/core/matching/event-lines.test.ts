import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Diagnoser } from '../../../src/core/matching/types.js';
import { fixtureDiagnoser } from '../../support/fixture-catalogue.js';

let diagnoser: Diagnoser;

beforeAll(async () => {
  diagnoser = await fixtureDiagnoser();
});

describe('diagnose: a Keycloak event names the flow that failed', () => {
  it.each([
    'WARN  [org.keycloak.events] (default task-1) type=REFRESH_TOKEN_ERROR, realmId=acme, clientId=portal, userId=null, ipAddress=10.0.0.1, error=invalid_token, grant_type=refresh_token',
    'keycloak logs type="REFRESH_TOKEN_ERROR", realmId="acme", clientId="api", error="invalid_token", grant_type="refresh_token"',
  ])(
    'reads a refused refresh token in %j as invalid_grant, not a rejected bearer token',
    (text) => {
      const d = diagnoser.diagnose(text);
      expect(d.matches[0]?.id).toBe('oauth2/invalid_grant');
      expect(d.matches[0]?.why.join(' ')).toContain('REFRESH_TOKEN_ERROR');
    },
  );

  it('leaves the error as the reading when the event type is not a listed code', () => {
    const d = diagnoser.diagnose(
      'WARN [org.keycloak.events] type=CODE_TO_TOKEN_ERROR, realmId=acme, clientId=portal, error=invalid_client, grant_type=authorization_code',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_client');
  });

  it('keeps invalid_token for a bearer token an API rejected', () => {
    const d = diagnoser.diagnose(
      'GET /api/orders -> 401 WWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"',
    );
    expect(d.matches[0]?.id).toBe('oauth2/invalid_token');
  });
});
