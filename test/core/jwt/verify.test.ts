import { describe, expect, it } from '@jest/globals';
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { inspectToken } from '../../../src/core/jwt/inspect.js';
import { parseKeyMaterial, type KeyMaterial } from '../../../src/core/jwt/keys.js';
import { verifyInspection } from '../../../src/core/jwt/verify.js';
import {
  assertion,
  keyPair,
  mint,
  netsuiteAccess,
  NOW_S,
  options,
  publicJwk,
} from '../../support/mint.js';

async function verify(token: string, material: KeyMaterial) {
  const inspection = inspectToken(token, options());
  return verifyInspection(inspection, token, { material, label: 'test key' });
}

const signatureFinding = (i: Awaited<ReturnType<typeof verify>>) =>
  i.findings.find(
    (f) => f.code.startsWith('token.signature.') && f.code !== 'token.signature.not-verified',
  );
const failedClosed = (i: Awaited<ReturnType<typeof verify>>) =>
  i.findings[0]?.code === 'token.signature.not-verified' && i.findings[0].severity === 'error';

const material = (text: string): KeyMaterial => {
  const parsed = parseKeyMaterial(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.material;
};

describe('verifyInspection', () => {
  it('confirms a good signature with a PEM public key and drops the "not verified" note', async () => {
    const pem = await exportSPKI((await keyPair('PS256')).publicKey);
    const result = await verify(await assertion(), material(pem));
    expect(signatureFinding(result)).toMatchObject({
      code: 'token.signature.valid',
      severity: 'info',
    });
    expect(result.findings.map((f) => f.code)).not.toContain('token.unverified');
  });

  it('confirms a good signature with a JWK and with a JWK set', async () => {
    const token = await assertion({}, { alg: 'ES256', kid: 'c1' });
    const jwk = await publicJwk('ES256', 'c1');
    expect(signatureFinding(await verify(token, material(JSON.stringify(jwk))))?.code).toBe(
      'token.signature.valid',
    );
    const set = JSON.stringify({ keys: [await publicJwk('PS256', 'other'), jwk] });
    expect(signatureFinding(await verify(token, material(set)))?.code).toBe(
      'token.signature.valid',
    );
  });

  it('tries every key when a JWK set has several candidates', async () => {
    const token = await mint({ exp: NOW_S + 60 }, { alg: 'ES256', kid: undefined });
    const stranger = await exportJWK(
      (await generateKeyPair('ES256', { extractable: true })).publicKey,
    );
    const set = JSON.stringify({ keys: [stranger, await publicJwk('ES256')] });
    expect(signatureFinding(await verify(token, material(set)))?.code).toBe(
      'token.signature.valid',
    );
    const strangers = JSON.stringify({ keys: [stranger, stranger] });
    const refused = await verify(token, material(strangers));
    expect(signatureFinding(refused)?.code).toBe('token.signature.signature-invalid');
    expect(failedClosed(refused)).toBe(true);
  });

  it('maps a bad signature on an assertion to SignatureValidation', async () => {
    const token = await assertion();
    const tampered = `${token.slice(0, -6)}AAAAAA`;
    const pem = await exportSPKI((await keyPair('PS256')).publicKey);
    expect(signatureFinding(await verify(tampered, material(pem)))).toMatchObject({
      id: 'netsuite/SignatureValidation',
      severity: 'error',
    });
  });

  it('maps a bad signature on a NetSuite-issued token to InvalidSignature', async () => {
    const token = await netsuiteAccess();
    const stranger = await generateKeyPair('PS256', { extractable: true });
    const pem = await exportSPKI(stranger.publicKey);
    expect(signatureFinding(await verify(token, material(pem)))).toMatchObject({
      id: 'netsuite/InvalidSignature',
      code: 'token.signature.signature-invalid',
    });
  });

  it('maps a bad signature on a generic token to invalid_token', async () => {
    const token = await mint({ iss: 'https://idp.example.com', exp: NOW_S + 60 }, { alg: 'ES256' });
    const stranger = await generateKeyPair('ES256', { extractable: true });
    const jwk = JSON.stringify(await exportJWK(stranger.publicKey));
    expect(signatureFinding(await verify(token, material(jwk)))?.id).toBe('oauth2/invalid_token');
  });

  it('maps a kid missing from the key set to MissingKey', async () => {
    const token = await assertion({}, { kid: 'cert-not-mapped' });
    const set = JSON.stringify({ keys: [await publicJwk('PS256', 'cert-mapped')] });
    expect(signatureFinding(await verify(token, material(set)))).toMatchObject({
      id: 'netsuite/MissingKey',
      code: 'token.signature.key-not-found',
    });
  });

  it('reports an unsigned token and an unusable key as findings', async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"a":1}').toString('base64url')}.`;
    const pem = await exportSPKI((await keyPair('PS256')).publicKey);
    expect(signatureFinding(await verify(unsigned, material(pem)))?.code).toBe(
      'token.signature.no-alg',
    );
    const ecToken = await mint({ exp: NOW_S + 60 }, { alg: 'ES256' });
    expect(signatureFinding(await verify(ecToken, material(pem)))?.code).toBe(
      'token.signature.key-unusable',
    );
  });

  it('fails closed on an undecodable token: verification was asked for and not achieved', async () => {
    const inspection = inspectToken('nope', options());
    const pem = await exportSPKI((await keyPair('PS256')).publicKey);
    const result = await verifyInspection(inspection, 'nope', {
      material: material(pem),
      label: 'k',
    });
    expect(failedClosed(result)).toBe(true);
  });
});

describe('parseKeyMaterial', () => {
  it('refuses a private key without echoing it, and explains PKCS#1 public keys', async () => {
    const pkcs8 = await exportPKCS8((await keyPair('PS256')).privateKey);
    const parsed = parseKeyMaterial(pkcs8);
    expect(parsed).toEqual({ ok: false, reason: expect.stringMatching(/private key/) });
    expect(JSON.stringify(parsed)).not.toContain(pkcs8.split('\n')[1]);
    expect(
      parseKeyMaterial('-----BEGIN RSA PUBLIC KEY-----\nMIIB\n-----END RSA PUBLIC KEY-----'),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/openssl/),
    });
  });

  it.each(['', 'hello', '[1,2]', '{"a":1}', 'null'])('explains unreadable key text %j', (text) => {
    expect(parseKeyMaterial(text).ok).toBe(false);
  });

  it('uses only the public members of a private JWK', async () => {
    const parsed = parseKeyMaterial(
      JSON.stringify({ ...(await publicJwk('ES256')), d: 'secret-part' }),
    );
    expect(parsed.ok && parsed.material.kind === 'jwk' && 'd' in parsed.material.jwk).toBe(false);
  });
});
