import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliConfig } from '../../src/config.js';
import { runCliCaptured, type CliResult } from '../support/cli.js';
import {
  assertion,
  keyPair,
  mint,
  netsuiteAccess,
  NOW,
  NOW_S,
  publicJwk,
} from '../support/mint.js';

function cli(
  argv: readonly string[],
  stdin: string | null = null,
  config: Partial<CliConfig> = {},
): Promise<CliResult> {
  return runCliCaptured(['inspect-token', ...argv], { stdin, config, now: () => NOW });
}

const dir = mkdtempSync(join(tmpdir(), 'authhelp-inspect-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('authhelp inspect-token', () => {
  it('explains an expired token for a person without printing it, and exits 1', async () => {
    const token = await netsuiteAccess({ iat: NOW_S - 15120, exp: NOW_S - 11520 });
    const { code, stdout, stderr } = await cli([token]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Token sha256:[0-9a-f]{12}: a NetSuite access token$/m);
    expect(stdout).toContain('Decoded WITHOUT verifying the signature.');
    expect(stdout).toContain('netsuite/AccessTokenExpired: The token has expired');
    expect(stdout).toContain('exp       2025-09-16T06:48:00Z  expired 3 h 12 min ago');
    expect(stdout).toContain('"iss": "https://system.netsuite.com"');
    expect(stdout).not.toContain(token.split('.')[2]);
    expect(stderr).toMatch(/shell history/);
  });

  it('reads stdin, prints JSON with findings, header and claims, and exits 0 for a sound assertion', async () => {
    const token = await assertion();
    const { code, stdout, stderr } = await cli(['--json'], `${token}\n`);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      kind: 'netsuite-assertion',
      decoded: true,
      verified: false,
      header: { alg: 'PS256', kid: 'Jp7tX2qL9wRb' },
      claims: { scope: ['rest_webservices'] },
    });
    expect(json['findings']).toEqual([
      expect.objectContaining({ id: null, code: 'token.unverified', evidence: expect.any(String) }),
    ]);
    expect(stdout).not.toContain(token.split('.')[2]);
  });

  it('takes --use and --client-id into account', async () => {
    const token = await assertion();
    const wrongClient = JSON.parse(
      (await cli(['--json', '--client-id', 'other'], token)).stdout,
    ) as { findings: { id: string | null }[] };
    expect(wrongClient.findings.map((f) => f.id)).toContain('netsuite/InvalidIssuer');
    const access = await netsuiteAccess();
    expect((await cli(['--use', 'refresh'], access)).stdout).toContain('netsuite/InvalidTokenType');
  });

  it('reports malformed input as a finding with exit 1, never a stack trace', async () => {
    const { code, stdout, stderr } = await cli([], 'not.a-token');
    expect(code).toBe(1);
    expect(stdout).toContain('Not a JWT: a JWT has three parts separated by dots');
    expect(stderr).toBe('');
    const big = await cli(['--json'], 'x'.repeat(1024 * 1024 + 1));
    expect(JSON.parse(big.stdout)).toMatchObject({
      decoded: false,
      findings: [{ code: 'token.malformed.too-long' }],
    });
  });

  it.each([
    [['--use', 'bearer'], '--use must be access, refresh or assertion'],
    [['--public-key', 'a', '--jwks-url', 'https://x'], 'not both'],
    [['--nope'], 'unknown flag --nope'],
    [['a', 'b'], 'unexpected argument'],
    [[], 'no token'],
    [['--public-key', '/nonexistent/key.pem', 'a.b.c'], 'cannot read --public-key file (ENOENT)'],
  ])('answers %j with a usage error and exit 2', async (argv, message) => {
    const { code, stderr, stdout } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });

  it('reads at most 1 MB of a --public-key file, so an endless one cannot exhaust memory', async () => {
    const { code, stderr } = await cli(['--public-key', '/dev/zero', 'a.b.c']);
    expect(code).toBe(2);
    expect(stderr).toContain('--public-key file is larger than 1048576 bytes');
  }, 10_000);

  it('masks credentials that sit inside the claims, in text and JSON', async () => {
    const inner = await mint({ exp: NOW_S + 60 });
    const secret = randomBytes(24).toString('base64url');
    const token = await mint({ exp: NOW_S + 60, nested: inner, note: `client_secret=${secret}` });
    const text = await cli([], token);
    expect(text.stdout).not.toContain(inner);
    expect(text.stdout).toContain('[redacted jwt]');
    const json = await cli(['--json'], token);
    expect(JSON.parse(json.stdout)).toMatchObject({ claims: { nested: '[redacted jwt]' } });
    expect(json.stdout).not.toContain(secret);
    expect(text.stdout).not.toContain(secret);
  });
});

describe('authhelp inspect-token --public-key', () => {
  it('verifies with a PEM public key', async () => {
    const pem = file('ps256.pem', await exportSPKI((await keyPair('PS256')).publicKey));
    const { code, stdout } = await cli(['--public-key', pem], await assertion());
    expect(code).toBe(0);
    expect(stdout).toContain('Signature verified.');
  });

  it('names a signature from another key SignatureValidation', async () => {
    const stranger = await generateKeyPair('PS256', { extractable: true });
    const pem = file('stranger.pem', await exportSPKI(stranger.publicKey));
    const { code, stdout } = await cli(['--json', '--public-key', pem], await assertion());
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      verified: false,
      findings: [
        { code: 'token.signature.not-verified', severity: 'error' },
        { id: 'netsuite/SignatureValidation' },
      ],
    });
  });

  it('refuses a private key file without printing it', async () => {
    const pkcs8 = await exportPKCS8((await keyPair('PS256')).privateKey);
    const { code, stderr, stdout } = await cli(
      ['--public-key', file('private.pem', pkcs8)],
      await assertion(),
    );
    expect(code).toBe(2);
    expect(stderr).toContain('this is a private key');
    expect(stderr + stdout).not.toContain(pkcs8.split('\n')[1]);
  });
});

describe('authhelp inspect-token --jwks-url', () => {
  let server: Server;
  let base = '';
  let jwks = '';
  beforeAll(async () => {
    jwks = JSON.stringify({ keys: [await publicJwk('PS256', 'Jp7tX2qL9wRb')] });
    server = createServer((req, res) => {
      if (req.url === '/jwks') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
      } else res.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('verifies against a fetched JWK set', async () => {
    const { code, stdout } = await cli(['--jwks-url', `${base}/jwks`], await assertion());
    expect(code).toBe(0);
    expect(stdout).toContain('Signature verified.');
  });

  it('maps a kid the key set lacks to MissingKey', async () => {
    const token = await assertion({}, { kid: 'unmapped' });
    const { code, stdout } = await cli(['--json', '--jwks-url', `${base}/jwks`], token);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      findings: [{ code: 'token.signature.not-verified' }, { id: 'netsuite/MissingKey' }],
    });
  });

  it('says so when the key set is unavailable or the address is not allowed', async () => {
    const missing = await cli(['--jwks-url', `${base}/nope`], await assertion());
    // Verification was asked for and not achieved: fail closed.
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('Signature NOT verified');
    expect(missing.stdout).toContain('HTTP 404');
    const blocked = await cli(['--json', '--jwks-url', `${base}/jwks`], await assertion(), {
      targetPolicy: { allowLocalTargets: false },
    });
    const json = JSON.parse(blocked.stdout) as { verified: boolean; findings: { code: string }[] };
    expect(json.verified).toBe(false);
    expect(json.findings.map((f) => f.code)).toContain('token.signature.not-verified');
    expect(blocked.code).toBe(1);
  });
});
