import type { FindingField } from '../../finding.js';
import { quote } from '../flow/quote.js';

/** What an `error_description` says that the error code alone does not. */
interface DescribedCause {
  readonly id: string;
  /** Appended to `token.<error>.` to make the finding's code. */
  readonly code: string;
  readonly title: string;
  readonly fields: readonly FindingField[];
}

interface Reading {
  readonly errors: readonly string[];
  readonly test: RegExp;
  readonly cause: (said: string) => DescribedCause;
}

/** Common descriptions (oidc-provider, Keycloak, Okta, Entra, Spring, Duende) and their real cause. */
const READINGS: readonly Reading[] = [
  {
    errors: ['invalid_request', 'unauthorized_client'],
    test: /grant[ _-]?type.{0,40}(not (allowed|permitted|authori[sz]ed|enabled|supported)|disallowed)|not (allowed|authori[sz]ed|permitted) to use .{0,30}grant|unauthori[sz]ed.{0,10}grant/i,
    cause: (said) => ({
      id: 'oauth2/unauthorized_client',
      code: 'grant-not-allowed',
      title: `This client may not use this grant type: allow it in the client's grant settings (the server said ${said})`,
      fields: ['clientId'],
    }),
  },
  {
    errors: ['invalid_request', 'invalid_client'],
    test: /not (properly )?(url[- ]?)?encoded|(secret|credentials?|character) encoding|malformed (basic|authori[sz]ation)|invalid authori[sz]ation header/i,
    cause: (said) => ({
      id: 'oauth2/client-secret-basic-encoding',
      code: 'encoding',
      title: `The server could not decode the client credentials: the secret's special characters were encoded differently than it expects; try --auth post (the server said ${said})`,
      fields: ['clientSecret', 'auth'],
    }),
  },
  {
    errors: ['invalid_request', 'invalid_client'],
    test: /authentication (method|mechanism).{0,40}(does not|doesn't) match|token_endpoint_auth_method|unsupported (client )?authentication method/i,
    cause: (said) => ({
      id: 'oauth2/invalid_client',
      code: 'auth-method',
      title: `The client is registered for another authentication method (secret in header, in body, or private_key_jwt) (the server said ${said})`,
      fields: ['auth', 'privateKey'],
    }),
  },
  {
    errors: ['invalid_request'],
    test: /only be provided using one mechanism|more than one|multiple (client )?authentication|two (client )?authentication/i,
    cause: (said) => ({
      id: 'oauth2/invalid_request',
      code: 'two-methods',
      title: `The client authenticated in two ways at once (header and body) (the server said ${said})`,
      fields: ['auth'],
    }),
  },
  {
    errors: ['invalid_grant'],
    test: /already (been )?used|reuse|replay|consumed/i,
    cause: (said) => ({
      id: 'oauth2/invalid_grant',
      code: 'reused',
      title: `The refresh token was already used: the server rotates refresh tokens and this one is stale (some servers revoke the whole grant on reuse); authorize again (the server said ${said})`,
      fields: ['refreshToken'],
    }),
  },
  {
    errors: ['invalid_grant'],
    test: /expired/i,
    cause: (said) => ({
      id: 'oauth2/invalid_grant',
      code: 'expired',
      title: `The refresh token has expired; authorize again for a new one (the server said ${said})`,
      fields: ['refreshToken'],
    }),
  },
  {
    errors: ['invalid_grant'],
    test: /not found|revoked|unknown|does not exist|invalid refresh token/i,
    cause: (said) => ({
      id: 'oauth2/invalid_grant',
      code: 'unknown',
      title: `The server does not know this refresh token: revoked, issued by another server or client, or copied incompletely (the server said ${said})`,
      fields: ['refreshToken'],
    }),
  },
];

export function readDescription(
  error: string,
  description: string | undefined,
): DescribedCause | undefined {
  if (description === undefined) return undefined;
  const reading = READINGS.find((r) => r.errors.includes(error) && r.test.test(description));
  return reading?.cause(quote(description, 160));
}
