import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JWK } from 'jose';

/**
 * A real, independently written OpenID provider (panva/oidc-provider, OpenID certified) started on
 * loopback in its own process (see oidc-provider-server.mjs), configured like a typical IdP: a Basic
 * client, a post client, a private_key_jwt client, a client-credentials-only client, refresh-token
 * rotation, JWT access tokens for one API that knows only the api:read scope.
 */
export const API = 'https://api.example.com';
export const CLIENTS = {
  basic: { id: 'basic-client', secret: 'basic-secret-7Kq2Lm9Xz4Rw' },
  post: { id: 'post-client', secret: 'post-secret-3Hn8Vb5Tc1Yq' },
  jwt: { id: 'jwt-client' },
  ccOnly: { id: 'cc-only-client', secret: 'cc-only-secret-6Pd4Fs2Gh8' },
} as const;

export interface RealProvider {
  readonly issuer: string;
  readonly tokenUrl: string;
  readonly jwksUrl: string;
  /** PEM of the private_key_jwt client's key. */
  readonly clientKeyPem: string;
  /** The provider's public signing key (anyone can read it from /jwks). */
  readonly signingPublicJwk: JWK;
  /** A refresh token for `basic-client`, as an authorization-code flow would leave it. */
  mintRefreshToken(options?: { expiring?: boolean }): Promise<string>;
  /** Revokes a refresh token and the grant behind it. */
  revoke(refreshToken: string): Promise<void>;
  /** A token answer straight from the provider, as a client would get it. */
  tokenAnswer(form: Record<string, string>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

interface Ready {
  readonly ready: true;
  readonly issuer: string;
  readonly clientKeyPem: string;
  readonly signingPublicJwk: JWK;
}

interface Reply {
  readonly id: number;
  readonly value?: string | null;
  readonly error?: string;
}

const SERVER = fileURLToPath(new URL('./oidc-provider-server.mjs', import.meta.url));

export async function startRealProvider(): Promise<RealProvider> {
  const child: ChildProcess = fork(SERVER, [], {
    env: { ...process.env, OIDC_TEST_CLIENTS: JSON.stringify(CLIENTS), DEBUG: '' },
    // The provider's start-up notices (in-memory adapter, runtime) are not test output.
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => {
      resolve(m as Ready);
    });
    child.once('exit', (code) => {
      reject(new Error(`oidc-provider process exited (${String(code)})`));
    });
  });
  let next = 0;
  const call = (message: object) =>
    new Promise<string | null>((resolve, reject) => {
      const id = ++next;
      const onMessage = (m: unknown) => {
        const reply = m as Reply;
        if (reply.id !== id) return;
        child.off('message', onMessage);
        if (reply.error !== undefined) reject(new Error(reply.error));
        else resolve(reply.value ?? null);
      };
      child.on('message', onMessage);
      child.send({ ...message, id });
    });
  const { issuer } = ready;
  return {
    issuer,
    tokenUrl: `${issuer}/token`,
    jwksUrl: `${issuer}/jwks`,
    clientKeyPem: ready.clientKeyPem,
    signingPublicJwk: ready.signingPublicJwk,
    async mintRefreshToken(options = {}) {
      const token = await call({ op: 'mint', expiring: options.expiring === true });
      if (token === null) throw new Error('no refresh token minted');
      return token;
    },
    async revoke(refreshToken) {
      await call({ op: 'revoke', token: refreshToken });
    },
    async tokenAnswer(form) {
      const { id, secret } = CLIENTS.basic;
      const res = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
        },
        body: new URLSearchParams(form),
      });
      return (await res.json()) as Record<string, unknown>;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          resolve();
        });
        child.disconnect();
      }),
  };
}
