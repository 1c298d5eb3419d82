import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, exportSPKI, generateKeyPair, importJWK, SignJWT, type CryptoKey } from 'jose';
import { fetchPublicJson } from '../../../src/adapters/jwks-fetch.js';
import { runCliCaptured, type CliResult } from '../../support/cli.js';
import { API, startRealProvider, type RealProvider } from '../../support/oidc-provider.js';

interface Json {
  verified: boolean;
  findings: { code: string; severity: string; id: string | null }[];
}

let p: RealProvider;
let attacker: Server;
let evil = '';
let attackerKey: CryptoKey;
beforeAll(async () => {
  p = await startRealProvider();
  const pair = await generateKeyPair('RS256', { extractable: true });
  attackerKey = pair.privateKey;
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'sig-1', alg: 'RS256' }],
  });
  // The attacker's key set, and the ways a key set can fail to arrive.
  attacker = createServer((req, res) => {
    if (req.url === '/jwks') res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    else if (req.url === '/redirect') res.writeHead(302, { location: p.jwksUrl }).end();
    // Headers never come: the key set does not arrive in time.
    else if (req.url === '/stall') req.resume();
    else if (req.url === '/huge')
      res.writeHead(200, { 'content-type': 'application/json' }).end(' '.repeat(300 * 1024));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  evil = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
afterAll(async () => {
  attacker.closeAllConnections();
  await new Promise((resolve) => attacker.close(resolve));
  await p.close();
});

async function inspect(token: string, ...flags: string[]): Promise<CliResult & { json: Json }> {
  const text = await runCliCaptured(['inspect-token', ...flags], { stdin: token });
  const json = await runCliCaptured(['inspect-token', '--json', ...flags], { stdin: token });
  expect(json.code).toBe(text.code);
  return { ...text, json: JSON.parse(json.stdout) as Json };
}

async function accessToken(): Promise<string> {
  const answer = await p.tokenAnswer({ grant_type: 'client_credentials', scope: 'api:read' });
  return String(answer['access_token']);
}

const codes = (r: { json: Json }) => r.json.findings.map((f) => f.code);

describe('authhelp inspect-token against a real OpenID provider (oidc-provider)', () => {
  it('verifies its JWT access token through --issuer (metadata → jwks_uri) and --jwks-url', async () => {
    const token = await accessToken();
    const byIssuer = await inspect(token, '--issuer', p.issuer);
    expect(byIssuer.code).toBe(0);
    expect(byIssuer.json.verified).toBe(true);
    expect(byIssuer.stdout).toContain('Signature verified.');
    const byUrl = await inspect(token, '--jwks-url', p.jwksUrl);
    expect(byUrl.code).toBe(0);
    expect(codes(byUrl)).not.toContain('token.signature.key-set-origin');
  });

  it('refuses an HS256 token forged with the provider’s public key (exit 1)', async () => {
    const pem = await exportSPKI((await importJWK(p.signingPublicJwk, 'RS256')) as CryptoKey);
    const forged = await new SignJWT({ scope: 'api:read' })
      .setProtectedHeader({ alg: 'HS256', kid: 'sig-1' })
      .setIssuer(p.issuer)
      .setAudience(API)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(pem));
    for (const flags of [
      ['--jwks-url', p.jwksUrl],
      ['--issuer', p.issuer],
    ]) {
      const r = await inspect(forged, ...flags);
      expect(r.code).toBe(1);
      expect(r.json.verified).toBe(false);
      expect(codes(r).slice(0, 2)).toEqual([
        'token.signature.not-verified',
        'token.signature.hmac-with-public-key',
      ]);
    }
  });

  it('a token claiming the real issuer but signed by an attacker: a warning with the attacker’s key set, refused with --issuer', async () => {
    const token = await new SignJWT({ scope: 'api:read' })
      .setProtectedHeader({ alg: 'RS256', kid: 'sig-1' })
      .setIssuer(p.issuer)
      .setAudience(API)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(attackerKey);
    const attackersSet = await inspect(token, '--jwks-url', `${evil}/jwks`);
    expect(codes(attackersSet)).toContain('token.signature.key-set-origin');
    expect(attackersSet.stdout).toContain("not the token's issuer's");
    const named = await inspect(token, '--jwks-url', `${evil}/jwks`, '--issuer', p.issuer);
    expect(codes(named)).toContain('token.signature.key-set-origin');
    const real = await inspect(token, '--issuer', p.issuer);
    expect(real.code).toBe(1);
    expect(real.json.verified).toBe(false);
    expect(real.stdout).toContain('Signature NOT verified');
  });

  it.each([
    ['unreachable', () => 'http://127.0.0.1:9/jwks'],
    ['redirected', () => `${evil}/redirect`],
    ['oversized', () => `${evil}/huge`],
    ['not a key set', () => `${evil}/nothing`],
    ['not allowed (https only)', () => 'http://10.0.0.1/jwks'],
  ])('fails closed when the key set is %s (exit 1, not-verified)', async (_what, url) => {
    const r = await inspect(await accessToken(), '--jwks-url', url());
    expect(r.code).toBe(1);
    expect(codes(r)[0]).toBe('token.signature.not-verified');
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/API URL/);
  });

  it('fails closed when the key set does not arrive in time (exit 1, not-verified)', async () => {
    // The fetch's own deadline, short here: it gives up and says so.
    const started = Date.now();
    const fetched = await fetchPublicJson(`${evil}/stall`, 'jwksUrl', {
      policy: { allowLocalTargets: true },
      timeoutMs: 500,
    });
    expect(fetched.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
    // The inspector with its production deadline (15 s): not verified, exit 1.
    const r = await runCliCaptured(['inspect-token', '--json', '--jwks-url', `${evil}/stall`], {
      stdin: await accessToken(),
    });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.verified).toBe(false);
    expect(json.findings[0]?.code).toBe('token.signature.not-verified');
  }, 60_000);

  it('flags an ID token sent where an access token belongs, and verifies it through --issuer', async () => {
    const refresh = await p.mintRefreshToken();
    const answer = await p.tokenAnswer({
      grant_type: 'refresh_token',
      refresh_token: refresh,
      scope: 'openid api:read',
    });
    const idToken = String(answer['id_token']);
    const asAccess = await inspect(idToken, '--use', 'access', '--issuer', p.issuer);
    expect(asAccess.code).toBe(1);
    expect(asAccess.json.verified).toBe(true);
    expect(asAccess.json.findings[0]).toMatchObject({ code: 'token.id-token', severity: 'error' });
    const plain = await inspect(idToken);
    expect(codes(plain)).toContain('token.id-token');
    const access = await inspect(String(answer['access_token']), '--use', 'access');
    expect(codes(access)).not.toContain('token.id-token');
  });
});
