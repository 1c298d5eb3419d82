import { describe, expect, it } from '@jest/globals';
import { cleanPasted } from '../../../../src/core/check/flow/values.js';
import { preflightWorkday } from '../../../../src/core/check/workday/preflight.js';
import { tenantFromApiPath } from '../../../../src/core/check/workday/url.js';

const policy = { allowLocalTargets: false };
const wd = (tokenUrl: string, extra = {}) =>
  preflightWorkday(
    { system: 'workday', tokenUrl, clientId: 'c', clientSecret: 's', refreshToken: 'r', ...extra },
    policy,
  );
const codes = (r: { findings: readonly { code: string }[] }) => r.findings.map((f) => f.code);

describe('Workday token URL preflight', () => {
  it.each([
    ['https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token', []],
    ['https://services1.wd103.myworkday.com/ccx/oauth2/acme_prod/token', []],
    ['https://wd104-services1.myworkdaygov.com/ccx/oauth2/agency/token', []],
    ['http://wd2-impl-services1.workday.com/ccx/oauth2/acme/token', ['preflight.url.not-https']],
    ['https://wd2-impl-services1.workday.com/oauth2/acme/token', ['preflight.token-url.no-ccx']],
    ['https://wd2-impl-services1.workday.com/ccx/oauth2/token', ['preflight.token-url.no-tenant']],
    [
      'https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token/',
      ['preflight.token-url.trailing-slash'],
    ],
    ['https://wd2-impl-services1.workday.com/ccx/api/v1/acme', ['preflight.token-url.rest-url']],
    [
      'https://wd2-impl-services1.workday.com/ccx/service/customreport2/acme/isu/Report',
      ['preflight.token-url.raas-url'],
    ],
    [
      'https://wd2-impl-services1.workday.com/ccx/service/acme/Human_Resources/v42.0',
      ['preflight.token-url.soap-url'],
    ],
    [
      'https://wd5-impl.workday.com/acme/authorize',
      ['preflight.token-url.authorize-url', 'preflight.token-url.host-not-services'],
    ],
    [
      'https://impl.workday.com/wday/authgwy/acme/login.htmld',
      ['preflight.token-url.login-url', 'preflight.token-url.host-not-services'],
    ],
    [
      'https://api.workday.com.attacker.io/ccx/oauth2/acme/token',
      ['preflight.url.host-not-allowed'],
    ],
    ['https://notworkday.com/ccx/oauth2/acme/token', ['preflight.url.host-not-allowed']],
  ])('%s', (url, expected) => {
    expect(codes(wd(url))).toEqual(expected);
  });

  it('names whitespace, quotes and newlines as a warning and keeps the trimmed value', () => {
    const r = cleanPasted('clientSecret', ' "abc"\n');
    expect(r.value).toBe('abc');
    expect(r.findings[0]).toMatchObject({
      severity: 'warning',
      title: expect.stringMatching(/quotes and whitespace or a newline/),
    });
  });

  it('flags a JWT where the client secret belongs', () => {
    expect(
      codes(
        wd('https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token', {
          clientSecret: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig',
        }),
      ),
    ).toEqual(['preflight.secret.jwt-as-secret']);
  });

  it('reads the tenant of REST, versioned service and RaaS URLs', () => {
    expect(tenantFromApiPath('/ccx/api/v1/acme/workers')).toBe('acme');
    expect(tenantFromApiPath('/ccx/api/staffing/v6/acme/jobs')).toBe('acme');
    expect(tenantFromApiPath('/ccx/service/customreport2/acme/isu/R')).toBe('acme');
  });
});
