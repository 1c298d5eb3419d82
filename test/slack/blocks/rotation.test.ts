import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { detectSecrets } from '../../../src/core/secrets/detect.js';
import { guardNotice, type CredentialNote } from '../../../src/slack/blocks/guard-notice.js';
import { familyOf, rotationLines } from '../../../src/slack/blocks/rotation.js';

const value = (): string => `a${randomBytes(20).toString('hex')}`;

/** The rotation advice of the private warning for the one credential in `text`. */
function advice(text: string): { family: string; lines: string[]; notice: string } {
  const findings = detectSecrets(text);
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  const family = familyOf(finding!);
  const note: CredentialNote = { label: finding!.label, family, vendor: 'unknown' };
  return {
    family,
    lines: rotationLines([note]),
    notice: JSON.stringify(guardNotice([note])),
  };
}

describe('rotation advice for header and API tokens', () => {
  it.each([
    ['X-Auth-Token', `X-Auth-Token: ${value()}`],
    ['X-API-Token', `X-API-Token: ${value()}`],
    ['api_token', `api_token=${value()}`],
    ['Ocp-Apim-Subscription-Key', `Ocp-Apim-Subscription-Key: ${value()}`],
    ['X-Vault-Token', `X-Vault-Token: hvs.${value()}`],
    ['GitLab PRIVATE-TOKEN', `PRIVATE-TOKEN: glpat-${value()}`],
    ['Cloudflare X-Auth-Key', `X-Auth-Key: ${value()}`],
    ['Okta SSWS', `Authorization: SSWS ${value()}`],
    ['an ApiKey scheme', `Authorization: ApiKey ${value()}`],
  ])('%s is an API token, revoked where it was issued', (_, text) => {
    const { family, lines, notice } = advice(text);
    expect(family).toBe('api-token');
    expect(lines).toHaveLength(1);
    expect(notice).toContain('revoke it where it was issued');
    // Workday's and NetSuite's client-secret steps are not how these are rotated.
    expect(notice).not.toContain('Generate New Client Secret');
    expect(notice).not.toContain('Reset Credentials');
  });

  it('names the issuer’s own step for the tokens it knows', () => {
    const [line] = rotationLines([{ family: 'api-token', vendor: 'unknown' }]);
    expect(line).toContain('Access tokens');
    expect(line).toContain('vault token revoke');
    expect(line).toContain('Regenerate');
  });

  it('keeps client secrets and access tokens on their vendor steps', () => {
    expect(advice(`client_secret=${value()}`).notice).toContain('Generate New Client Secret');
    expect(advice(`access_token=${value()}`).family).toBe('access-token');
  });

  it('reads a vendor token by its family, as its mask names it', () => {
    const body = 'aB3dE5gH7jK9mN1pQ3rS5tU7vW9xY1zA3cE5';
    expect(advice(`I pasted ghp_${body} by mistake`).family).toBe('api-token');
    expect(advice(`I pasted gho_${body} by mistake`).family).toBe('access-token');
    expect(advice(`I pasted ghu_${body} by mistake`).family).toBe('access-token');
    expect(advice(`I pasted ghr_${body} by mistake`).family).toBe('refresh-token');
    expect(advice(`I pasted ya29.a0${body} by mistake`).family).toBe('access-token');
    expect(advice(`I pasted AKIA2E0A8F3B244C9986 by mistake`).family).toBe('other');
  });
});
