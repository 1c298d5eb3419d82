import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { EmulatorConfig } from './types.js';

export const DEMO = {
  workdayTenant: 'acme',
  workdayClient: 'wd-client',
  workdaySecret: 'wd-secret',
  workdayRefresh: 'wd-refresh',
  netsuiteAccount: '1234567_SB1',
  netsuiteClient: 'ns-client',
  netsuiteSecret: 'ns-secret',
  netsuiteCertificate: 'cert-demo-1',
  oauth2Client: 'app-client',
  oauth2Secret: 'app-secret',
} as const;

export interface DemoSetup {
  readonly config: EmulatorConfig;
  /** PKCS#8 PEM of the key whose certificate is mapped in the demo NetSuite account. */
  readonly privateKeyPem: string;
  readonly netsuiteRefresh: {
    readonly valid: string;
    readonly expired: string;
    readonly revoked: string;
  };
}

/** NetSuite refresh tokens are JWTs valid 7 days, with `.r.` in the jti. */
async function mintRefresh(account: string, expOffsetSeconds: number, now: Date): Promise<string> {
  const t = Math.floor(now.getTime() / 1000);
  return new SignJWT({ scope: ['rest_webservices'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 's.SYSTEM.emulator' })
    .setIssuer('https://system.netsuite.com')
    .setJti(`${account}.r.${randomUUID()}_${Date.now()}.0`)
    .setIssuedAt(t + expOffsetSeconds - 604800)
    .setExpirationTime(t + expOffsetSeconds)
    .sign(randomBytes(32));
}

/** The demo tenants, clients and certificate printed by `npm run emulator` and used by tests. */
export async function createDemoSetup(now = new Date()): Promise<DemoSetup> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const acct = DEMO.netsuiteAccount;
  const refresh = {
    valid: await mintRefresh(acct, 604800, now),
    expired: await mintRefresh(acct, -86400, now),
    revoked: await mintRefresh(acct, 604800, now),
  };
  const wd = (clientId: string, refreshToken: string, extra: object = {}) => ({
    clientId,
    clientSecret: DEMO.workdaySecret,
    refreshTokens: [refreshToken],
    ...extra,
  });
  const config: EmulatorConfig = {
    workday: {
      [DEMO.workdayTenant]: {
        clients: [
          wd(DEMO.workdayClient, DEMO.workdayRefresh),
          wd('wd-client-s22', 'wd-refresh-s22', { api: 's22' }),
          wd('wd-client-scope', 'wd-refresh-scope', { api: 'insufficient_scope' }),
          {
            clientId: 'wd-client-raw',
            clientSecret: 'p+ss:w/rd%',
            refreshTokens: ['wd-refresh-raw'],
            basicDecoding: 'raw',
          },
        ],
      },
      acme_disabled: {
        apiClientsEnabled: false,
        clients: [wd(DEMO.workdayClient, DEMO.workdayRefresh)],
      },
    },
    netsuite: {
      [acct]: {
        integrations: [
          {
            clientId: DEMO.netsuiteClient,
            clientSecret: DEMO.netsuiteSecret,
            refreshTokens: {
              [refresh.valid]: 'valid',
              [refresh.expired]: 'expired',
              [refresh.revoked]: 'revoked',
            },
            certificates: [{ id: DEMO.netsuiteCertificate, publicKey }],
            scopes: ['rest_webservices', 'restlets'],
          },
        ],
      },
    },
    oauth2: [
      {
        clientId: DEMO.oauth2Client,
        clientSecret: DEMO.oauth2Secret,
        scopes: ['api.read', 'api.write'],
      },
      { clientId: 'app-client-noscope', clientSecret: DEMO.oauth2Secret, scopes: ['other'] },
    ],
  };
  return {
    config,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    netsuiteRefresh: refresh,
  };
}
