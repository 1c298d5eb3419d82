import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CLIENTS, startRealProvider, type RealProvider } from '../../../support/oidc-provider.js';
import { runCheckCli } from '../../../support/check-cli.js';

interface Json {
  ok: boolean;
  tokenIssued: boolean;
  authMethod?: string;
  findings: {
    id: string | null;
    code: string;
    severity: string;
    flags: string[];
    evidence: string;
  }[];
  requests: { headers: Record<string, string>; form: Record<string, string> }[];
}

let p: RealProvider;
let dir: string;
beforeAll(async () => {
  p = await startRealProvider();
  dir = mkdtempSync(join(tmpdir(), 'authhelp-real-'));
});
afterAll(async () => {
  await p.close();
});

const oauth2 = (client: string, ...rest: string[]) => [
  'oauth2',
  '--token-url',
  p.tokenUrl,
  '--client-id',
  client,
  ...rest,
];

async function check(argv: string[], secrets: { clientSecret?: string; refreshToken?: string }) {
  const r = await runCheckCli([...argv, '--json'], secrets);
  const json = JSON.parse(r.stdout) as Json;
  // Nothing sent or issued is ever printed.
  for (const s of [...Object.values(CLIENTS).flatMap((c) => ('secret' in c ? [c.secret] : []))])
    expect(r.stdout + r.stderr).not.toContain(s);
  return { ...r, json, codes: json.findings.map((f) => f.code) };
}

describe('authhelp check oauth2 against a real OpenID provider (oidc-provider)', () => {
  it('right secret, Basic client: works, accepted with client_secret_basic', async () => {
    const r = await check(oauth2(CLIENTS.basic.id, '--scope', 'api:read'), {
      clientSecret: CLIENTS.basic.secret,
    });
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, authMethod: 'client_secret_basic', findings: [] });
  });

  it('right secret, post client with --auth post: the secret goes in the body, masked', async () => {
    const r = await check(oauth2(CLIENTS.post.id, '--scope', 'api:read', '--auth', 'post'), {
      clientSecret: CLIENTS.post.secret,
    });
    expect(r.code).toBe(0);
    expect(r.json.authMethod).toBe('client_secret_post');
    expect(r.json.requests).toHaveLength(1);
    expect(r.json.requests[0]?.form['client_secret']).toBe('••••');
    expect(r.json.requests[0]?.headers['authorization']).toBeUndefined();
  });

  it('wrong secret: invalid_client, naming the secret; both attempts (Basic, then post) shown', async () => {
    const r = await check(oauth2(CLIENTS.basic.id), { clientSecret: 'wrong-secret-123' });
    expect(r.code).toBe(1);
    expect(r.json.requests.map((q) => q.headers['authorization'] === undefined)).toEqual([
      false,
      true,
    ]);
    expect(r.json.requests[1]?.form['client_secret']).toBe('••••');
    expect(r.json.findings[0]).toMatchObject({
      id: 'oauth2/invalid_client',
      flags: ['--client-id', expect.stringMatching(/AUTHHELP_CLIENT_SECRET/)],
    });
  });

  it('private_key_jwt client: works with --private-key, refuses a secret', async () => {
    const key = join(dir, 'client.pem');
    writeFileSync(key, p.clientKeyPem);
    const ok = await check(oauth2(CLIENTS.jwt.id, '--private-key', key), {});
    expect(ok.code).toBe(0);
    expect(ok.json.authMethod).toBe('private_key_jwt');
    const withSecret = await check(oauth2(CLIENTS.jwt.id), { clientSecret: 'not-how-it-works' });
    expect(withSecret.code).toBe(1);
    expect(withSecret.json.findings[0]?.id).toBe('oauth2/invalid_client');
  });

  it('a grant the client may not use: the client grant settings, not "malformed request"', async () => {
    const rt = await p.mintRefreshToken();
    const r = await check(oauth2(CLIENTS.ccOnly.id, '--grant', 'refresh_token'), {
      clientSecret: CLIENTS.ccOnly.secret,
      refreshToken: rt,
    });
    expect(r.code).toBe(1);
    expect(r.json.findings[0]).toMatchObject({
      id: 'oauth2/unauthorized_client',
      code: 'token.invalid_request.grant-not-allowed',
    });
    expect(r.stdout).not.toContain(rt);
  });

  it('an invalid scope and a silently dropped one', async () => {
    const invalid = await check(oauth2(CLIENTS.ccOnly.id, '--scope', 'api:write'), {
      clientSecret: CLIENTS.ccOnly.secret,
    });
    expect(invalid.code).toBe(1);
    expect(invalid.json.findings[0]).toMatchObject({
      id: 'oauth2/invalid_scope',
      flags: ['--scope'],
    });
    const dropped = await check(oauth2(CLIENTS.basic.id, '--scope', 'api:read api:write'), {
      clientSecret: CLIENTS.basic.secret,
    });
    expect(dropped.code).toBe(0);
    expect(dropped.json.findings[0]).toMatchObject({
      code: 'token.scope.dropped',
      severity: 'warning',
    });
    expect(dropped.json.findings[0]?.evidence).toContain('granted "api:read"');
    const none = await check(oauth2(CLIENTS.basic.id, '--scope', 'api:write'), {
      clientSecret: CLIENTS.basic.secret,
    });
    expect(none.codes).toContain('token.scope.not-stated');
  });

  it('a rotated refresh token: warned before and after, saved 0600, never printed', async () => {
    const old = await p.mintRefreshToken();
    const file = join(dir, 'rt.txt');
    const args = oauth2(CLIENTS.basic.id, '--grant', 'refresh_token', '--save-refresh-token', file);
    const text = await runCheckCli(args, { clientSecret: CLIENTS.basic.secret, refreshToken: old });
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(/rotates refresh tokens invalidates the one sent/);
    expect(text.stdout).toMatch(/Notes:\n {2}1\. The server issued a new refresh token/);
    const saved = readFileSync(file, 'utf8').trim();
    expect(saved).not.toBe(old);
    expect(saved.length).toBeGreaterThan(20);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(text.stdout + text.stderr).not.toContain(saved);
    expect(text.stdout + text.stderr).not.toContain(old);
    // The saved one works, and rotates again (saved over the file).
    const again = await runCheckCli(args, {
      clientSecret: CLIENTS.basic.secret,
      refreshToken: saved,
    });
    expect(again.code).toBe(0);
    const latest = readFileSync(file, 'utf8').trim();
    expect(latest).not.toBe(saved);
    // The first one is stale; oidc-provider treats its reuse as theft and revokes the whole
    // grant, so even the latest one stops working: what a check that burns tokens does.
    const grantOnly = oauth2(CLIENTS.basic.id, '--grant', 'refresh_token');
    const stale = await check(grantOnly, { clientSecret: CLIENTS.basic.secret, refreshToken: old });
    expect(stale.code).toBe(1);
    expect(stale.json.findings[0]).toMatchObject({ id: 'oauth2/invalid_grant' });
    const revoked = await check(grantOnly, {
      clientSecret: CLIENTS.basic.secret,
      refreshToken: latest,
    });
    expect(revoked.code).toBe(1);
  });

  it('revoked and expired refresh tokens: invalid_grant about the refresh token', async () => {
    const revoked = await p.mintRefreshToken();
    await p.revoke(revoked);
    const expired = await p.mintRefreshToken({ expiring: true });
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    for (const rt of [revoked, expired]) {
      const r = await check(oauth2(CLIENTS.basic.id, '--grant', 'refresh_token'), {
        clientSecret: CLIENTS.basic.secret,
        refreshToken: rt,
      });
      expect(r.code).toBe(1);
      expect(r.json.findings[0]).toMatchObject({
        id: 'oauth2/invalid_grant',
        flags: [expect.stringMatching(/AUTHHELP_REFRESH_TOKEN/)],
      });
    }
  });

  it('a wrong token path: 404 first, about --token-url', async () => {
    const r = await check(
      ['oauth2', '--token-url', `${p.issuer}/oauth/token`, '--client-id', CLIENTS.basic.id],
      { clientSecret: CLIENTS.basic.secret },
    );
    expect(r.code).toBe(1);
    expect(r.json.findings[0]).toMatchObject({ code: 'token.404', flags: ['--token-url'] });
  });

  it('an API that refuses a good token: "the token was issued; the API refused it", with aud and scope', async () => {
    const argv = oauth2(CLIENTS.basic.id, '--scope', 'api:read', '--api-url', `${p.issuer}/me`);
    const r = await check(argv, { clientSecret: CLIENTS.basic.secret });
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, tokenIssued: true });
    const claims = r.json.findings.find((f) => f.code === 'api.token-claims');
    expect(claims?.evidence).toMatch(/aud "https:\/\/api\.example\.com", scope "api:read"/);
    const text = await runCheckCli(argv, { clientSecret: CLIENTS.basic.secret });
    expect(text.stdout.split('\n')[0]).toMatch(/^✗ the token was issued; the API refused it/);
  });

  it('through the built command line, text and --json (npx authhelp check …)', async () => {
    const run = promisify(execFile);
    const env = {
      ...process.env,
      AUTHHELP_ALLOW_LOCAL_TARGETS: '1',
      AUTHHELP_CLIENT_SECRET: CLIENTS.basic.secret,
    };
    const argv = [
      'dist/cli/main.js',
      'check',
      ...oauth2(CLIENTS.basic.id, '--scope', 'api:read api:write'),
    ];
    const text = await run(process.execPath, argv, { env });
    expect(text.stdout).toMatch(/^✓ credentials work/);
    expect(text.stdout).toMatch(/granted less scope than requested: "api:write" was dropped/);
    const json = await run(process.execPath, [...argv, '--json'], { env });
    expect((JSON.parse(json.stdout) as Json).findings[0]?.code).toBe('token.scope.dropped');
    expect(text.stdout + json.stdout).not.toContain(CLIENTS.basic.secret);
    // Two CLI processes: a few seconds each, far more while the whole suite shares two cores.
  }, 90_000);
});
