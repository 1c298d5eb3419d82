import { describe, expect, it } from '@jest/globals';
import { buildCatalogue } from '../../../src/core/catalogue/load.js';
import { createDiagnoser } from '../../../src/core/matching/diagnose.js';

/**
 * A vendor whose requests are signed one of two ways (NetSuite: token-based authentication or OAuth
 * 2.0): an entry set in one way yields where the text shows only the other.
 */
const ACME = `system: acme
title: Acme
detect:
  hosts: [acme.example]
  words: [acme]
contexts:
  - id: signed
    title: signed requests
    words: [signed request, request signature]
  - id: bearer
    title: bearer tokens
    rivals: [signed]
    covers: [oauth2]
    words: [bearer token, refresh token]
sources:
  - id: acme-docs
    title: Acme errors
    url: https://docs.acme.example/errors
entries:
  - id: acme/grant-not-allowed
    title: Grant not allowed on the app record
    context: bearer
    codes: [GrantNotAllowed]
    phrases: [gizmo record refuses the widget grant]
    reason: The app record does not allow the grant.
    steps: [Allow the grant on the app record.]
    sources: [acme-docs]
  - id: acme/signature-mismatch
    title: Request signature does not match
    context: signed
    phrases: [widget signature mismatch]
    reason: The request signature does not verify.
    steps: [Rebuild the signature.]
    sources: [acme-docs]
`;

const OAUTH2 = `system: oauth2
title: OAuth 2.0
sources:
  - id: rfc
    title: RFC 6749
    url: https://www.rfc-editor.org/rfc/rfc6749
entries:
  - id: oauth2/widget_denied
    title: widget_denied
    codes: [widget_denied]
    phrases: [gizmo record refuses the widget grant]
    reason: The server refused.
    steps: [Ask again.]
    sources: [rfc]
`;

const diagnoser = createDiagnoser(
  buildCatalogue([
    { file: 'acme.yml', text: ACME },
    { file: 'oauth2.yml', text: OAUTH2 },
  ]),
);
const ids = (text: string): string[] => diagnoser.diagnose(text).matches.map((m) => m.id);

describe('diagnose: entries set in rival contexts', () => {
  it('ranks an entry of the rival setting, and a vendor-neutral one it covers, below the rest', () => {
    const found = ids(
      'POST https://api.acme.example/v1: gizmo record refuses the widget grant on our signed request with a signature',
    );
    expect(found[0]).toBe('acme/signature-mismatch');
    expect(found.indexOf('acme/grant-not-allowed')).toBeGreaterThan(0);
    expect(found.indexOf('oauth2/widget_denied')).toBeGreaterThan(0);
  });

  it('leaves them where the text shows their own setting too', () => {
    const found = ids(
      'POST https://api.acme.example/v1: gizmo record refuses the widget grant for the refresh token on our signed request with a signature',
    );
    expect(found[0]).toBe('acme/grant-not-allowed');
  });

  it('leaves an entry whose own code the text names', () => {
    expect(ids('https://api.acme.example signed request failed: GrantNotAllowed')[0]).toBe(
      'acme/grant-not-allowed',
    );
  });

  it('leaves a vendor-neutral entry where the vendor is not shown', () => {
    expect(ids('gizmo record refuses the widget grant on our signed request')[0]).toBe(
      'oauth2/widget_denied',
    );
  });
});
