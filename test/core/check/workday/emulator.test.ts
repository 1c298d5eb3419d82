import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { WorkdayCheckInput } from '../../../../src/core/check/types.js';
import { ids, startHarness, type Harness } from '../../../support/check-runner.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.emulator.close();
});

function input(over: Partial<WorkdayCheckInput> = {}): WorkdayCheckInput {
  return {
    system: 'workday',
    tokenUrl: `${h.emulator.url}/ccx/oauth2/acme/token`,
    clientId: 'wd-client',
    clientSecret: 'wd-secret',
    refreshToken: 'wd-refresh',
    ...over,
  };
}

describe('workday live check against the emulator', () => {
  it('passes with the right values and says Basic worked', async () => {
    const o = await h.run(input({ apiUrl: `${h.emulator.url}/ccx/api/v1/acme/workers` }), 'alice');
    expect(o.ok).toBe(true);
    expect(o.authMethod).toBe('client_secret_basic');
    expect(o.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    expect(o.findings).toEqual([]);
    expect(o.requests.at(-1)?.form).toEqual({
      grant_type: 'refresh_token',
      refresh_token: '••••',
    });
  });

  it('names the token URL on a 404 (no tenant segment), confirmed by preflight', async () => {
    const o = await h.run(input({ tokenUrl: `${h.emulator.url}/ccx/oauth2/token` }), 'alice');
    expect(o.ok).toBe(false);
    expect(o.findings[0]?.id).toBe('workday/invalid-token-url');
    expect(o.findings[0]?.evidence).toMatch(/HTTP 404/);
    expect(o.findings[0]?.evidence).toMatch(/path is \/ccx\/oauth2\/token/);
  });

  it('names the tenant on a 503', async () => {
    const o = await h.run(
      input({ tokenUrl: `${h.emulator.url}/ccx/oauth2/acme_corp/token` }),
      'alice',
    );
    expect(o.findings[0]?.id).toBe('workday/invalid-tenant-name');
    expect(o.findings[0]?.evidence).toMatch(/HTTP 503/);
  });

  it('tries Basic, then post, on invalid_client and names client id and secret', async () => {
    const before = h.emulator.events.length;
    const o = await h.run(input({ clientSecret: 'wrong-secret' }), 'alice');
    const sent = h.emulator.events.slice(before).map((e) => e.clientAuth);
    expect(sent).toEqual(['basic', 'post']);
    expect(o.findings[0]?.id).toBe('workday/invalid-credentials');
    expect(o.findings[0]?.fields).toEqual(['clientId', 'clientSecret']);
    expect(ids(o)).toContain('workday/api-clients-disabled');
    expect(o.steps.filter((s) => s.name.startsWith('token request'))).toHaveLength(2);
  });

  it('names the refresh token on invalid_grant', async () => {
    const o = await h.run(input({ refreshToken: 'revoked-token' }), 'alice');
    expect(o.findings[0]?.id).toBe('workday/invalid-credentials');
    expect(o.findings[0]?.fields).toEqual(['refreshToken']);
    expect(o.findings[0]?.evidence).toMatch(/invalid_grant/);
  });

  it('suggests API clients disabled when the tenant refuses every client', async () => {
    const o = await h.run(
      input({ tokenUrl: `${h.emulator.url}/ccx/oauth2/acme_disabled/token` }),
      'alice',
    );
    expect(ids(o).slice(0, 2)).toEqual([
      'workday/invalid-credentials',
      'workday/api-clients-disabled',
    ]);
  });

  it('reports which client authentication worked when Basic is refused and post accepted', async () => {
    const o = await h.run(
      input({
        clientId: 'wd-client-raw',
        clientSecret: 'p+ss:w/rd%',
        refreshToken: 'wd-refresh-raw',
      }),
      'alice',
    );
    expect(o.ok).toBe(true);
    expect(o.authMethod).toBe('client_secret_post');
    expect(ids(o)).toEqual(['oauth2/client-secret-basic-encoding']);
  });

  it('uses only post when asked to', async () => {
    const before = h.emulator.events.length;
    const o = await h.run(input({ auth: 'post' }), 'alice');
    expect(o.ok).toBe(true);
    expect(h.emulator.events.slice(before).map((e) => e.clientAuth)).toEqual(['post']);
  });

  it.each([
    ['wd-client-s22', 'wd-refresh-s22', 'workday/api-forbidden-s22'],
    ['wd-client-scope', 'wd-refresh-scope', 'workday/insufficient-scope'],
  ])('interprets the API answer for %s', async (clientId, refreshToken, id) => {
    const o = await h.run(
      input({ clientId, refreshToken, apiUrl: `${h.emulator.url}/ccx/api/v1/acme/workers` }),
      'alice',
    );
    expect(o.ok).toBe(false);
    expect(o.findings[0]?.id).toBe(id);
    expect(o.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'failed']);
  });

  it('flags an API URL for another tenant (wrong-tenant-client)', async () => {
    const o = await h.run(
      input({ apiUrl: `${h.emulator.url}/ccx/api/v1/globex/workers` }),
      'alice',
    );
    expect(ids(o)).toContain('workday/wrong-tenant-client');
    expect(o.ok).toBe(false);
  });

  it('flags a named tenant that differs from the URL tenant', async () => {
    const o = await h.run(input({ tenant: 'globex' }), 'alice');
    expect(o.findings.some((f) => f.code === 'preflight.tenant.mismatch')).toBe(true);
  });

  it('trims pasted whitespace and quotes with a warning and still checks', async () => {
    const o = await h.run(
      input({ clientSecret: ' "wd-secret"\n', refreshToken: 'Bearer wd-refresh' }),
      'alice',
    );
    expect(o.ok).toBe(true);
    expect(o.findings.map((f) => f.code).sort()).toEqual([
      'preflight.secret.bearer-prefix',
      'preflight.value.trimmed',
    ]);
    expect(o.findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('refuses http without AUTHHELP_ALLOW_LOCAL_TARGETS and sends nothing', async () => {
    const strict = await startHarness({ policy: { allowLocalTargets: false } });
    try {
      const o = await strict.run(
        input({ tokenUrl: `${strict.emulator.url}/ccx/oauth2/acme/token` }),
        'alice',
      );
      expect(o.ok).toBe(false);
      expect(o.findings[0]?.code).toBe('preflight.url.not-https');
      expect(o.findings[0]?.blocking).toBe(true);
      expect(strict.emulator.requestCount()).toBe(0);
      expect(o.steps.map((s) => s.status)).toEqual(['failed', 'skipped']);
    } finally {
      await strict.emulator.close();
    }
  });

  it('writes one audit line per check with who, system, host, tenant, outcome, duration', async () => {
    const before = h.logLines.length;
    await h.run(input({ clientSecret: 'nope' }), 'bob');
    const lines = h.logLines
      .slice(before)
      .map((l) => JSON.parse(l) as { audit: Record<string, unknown> });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.audit).toMatchObject({
      who: 'bob',
      system: 'workday',
      tenant: 'acme',
      outcome: 'failed',
      finding: 'workday/invalid-credentials',
    });
    expect(typeof lines[0]?.audit['durationMs']).toBe('number');
  });
});
