// The real OpenID provider for the tests, in its own Node process: oidc-provider clones its
// configuration with structuredClone and checks `constructor === Object`, which fails inside
// Jest's VM context, and a separate process is what a real IdP is anyway. Driven over IPC.
import { createServer } from 'node:http';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

const API = 'https://api.example.com';
const EXPIRING = 'expiring-user';
const CLIENTS = JSON.parse(process.env.OIDC_TEST_CLIENTS ?? '{}');

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
const sig = await generateKeyPair('RS256', { extractable: true });
const signing = { ...(await exportJWK(sig.privateKey)), kid: 'sig-1', alg: 'RS256', use: 'sig' };
const clientKey = await generateKeyPair('ES256', { extractable: true });
const clientJwk = { ...(await exportJWK(clientKey.publicKey)), kid: 'client-1', alg: 'ES256' };
const common = {
  redirect_uris: ['https://app.example.com/cb'],
  response_types: ['code'],
  scope: 'openid offline_access api:read api:write',
};

const provider = new Provider(issuer, {
  clients: [
    {
      ...common,
      client_id: CLIENTS.basic.id,
      client_secret: CLIENTS.basic.secret,
      grant_types: ['client_credentials', 'refresh_token', 'authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      ...common,
      client_id: CLIENTS.post.id,
      client_secret: CLIENTS.post.secret,
      grant_types: ['client_credentials', 'authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
    {
      ...common,
      client_id: CLIENTS.jwt.id,
      grant_types: ['client_credentials', 'authorization_code'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [clientJwk] },
    },
    {
      client_id: CLIENTS.ccOnly.id,
      client_secret: CLIENTS.ccOnly.secret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: 'api:read',
    },
  ],
  jwks: { keys: [signing] },
  scopes: ['openid', 'offline_access', 'api:read', 'api:write'],
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    revocation: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => API,
      useGrantedResource: () => true,
      // The API knows api:read only: api:write is dropped from its tokens without a word.
      getResourceServerInfo: () => ({
        scope: 'api:read',
        audience: API,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  rotateRefreshToken: true,
  ttl: {
    AccessToken: 600,
    ClientCredentials: 600,
    IdToken: 600,
    Grant: 3600,
    RefreshToken: (_ctx, token) => (token.accountId === EXPIRING ? 1 : 3600),
  },
});
server.on('request', provider.callback());

async function mint(expiring) {
  const client = await provider.Client.find(CLIENTS.basic.id);
  const accountId = expiring ? EXPIRING : 'user-1';
  const grant = new provider.Grant({ accountId, clientId: CLIENTS.basic.id });
  grant.addOIDCScope('openid offline_access');
  grant.addResourceScope(API, 'api:read');
  const grantId = await grant.save();
  const token = new provider.RefreshToken({
    accountId,
    client,
    grantId,
    scope: 'openid offline_access api:read',
    gty: 'authorization_code',
    resource: API,
    authTime: Math.floor(Date.now() / 1000),
  });
  return token.save();
}

async function revoke(value) {
  const token = await provider.RefreshToken.find(value);
  if (token === undefined) return;
  const grant = await provider.Grant.find(token.grantId);
  await grant?.destroy();
  await token.destroy();
}

process.on('message', (msg) => {
  const work = msg.op === 'mint' ? mint(msg.expiring === true) : revoke(msg.token);
  work.then(
    (value) => process.send({ id: msg.id, value: value ?? null }),
    (err) => process.send({ id: msg.id, error: String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));

process.send({
  ready: true,
  issuer,
  clientKeyPem: await exportPKCS8(clientKey.privateKey),
  signingPublicJwk: { ...(await exportJWK(sig.publicKey)), kid: 'sig-1', alg: 'RS256' },
});
