import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { privateKeyFromPem } from '../../../src/adapters/http/private-key.js';
import { createCheckRunner } from '../../../src/adapters/http/runner.js';
import type { CheckInput } from '../../../src/core/check/types.js';
import { runCheckCli } from '../../support/check-cli.js';
import { captureLogger, startHarness, type Harness } from '../../support/check-runner.js';

// Marked secrets: if any of these (or their encodings) shows up anywhere, the test fails.
const SECRET = 'CANARY-secret+/:%-7f3a9Q';
const REFRESH = 'CANARY-refresh-5d1c2b8e';
const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PEM = key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const JWK = privateKeyFromPem(PEM);
const D = JWK.d ?? '';
const PEM_LINE = PEM.split('\n')[1] ?? '';
const MARKERS = [
  SECRET,
  encodeURIComponent(SECRET),
  new URLSearchParams({ a: SECRET }).toString().slice(2),
  REFRESH,
  D,
  PEM_LINE,
  'CANARY',
];

let h: Harness;
const sink: string[] = [];
beforeAll(async () => {
  h = await startHarness({
    logger: captureLogger(sink),
    config: (demo) => ({
      workday: {
        acme: { clients: [{ clientId: 'c', clientSecret: SECRET, refreshTokens: [REFRESH] }] },
      },
      netsuite: {
        '1234567_SB1': {
          integrations: [
            {
              clientId: 'c',
              clientSecret: SECRET,
              refreshTokens: { [REFRESH]: 'valid' },
              certificates: [{ id: 'k1', publicKey: key.publicKey }],
            },
          ],
        },
      },
      oauth2: [{ clientId: 'c', clientSecret: SECRET, scopes: ['api.read'] }],
      ...(demo.config.workday === undefined ? {} : {}),
    }),
  });
});
afterAll(async () => {
  await h.emulator.close();
});

function assertClean(text: string, where: string): void {
  for (const m of MARKERS) {
    if (m !== '' && text.includes(m)) throw new Error(`secret marker found in ${where}`);
  }
}

const u = () => h.emulator.url;
const nsToken = () => `${u()}/1234567_SB1/services/rest/auth/oauth2/v1/token`;
const paths = (): [string, CheckInput][] => [
  [
    'workday ok + api',
    {
      system: 'workday',
      tokenUrl: `${u()}/ccx/oauth2/acme/token`,
      clientId: 'c',
      clientSecret: SECRET,
      refreshToken: REFRESH,
      apiUrl: `${u()}/ccx/api/v1/acme/workers`,
    },
  ],
  [
    'workday bad secret',
    {
      system: 'workday',
      tokenUrl: `${u()}/ccx/oauth2/acme/token`,
      clientId: 'c',
      clientSecret: `${SECRET}x`,
      refreshToken: REFRESH,
    },
  ],
  [
    'workday pasted with quotes',
    {
      system: 'workday',
      tokenUrl: `${u()}/ccx/oauth2/acme/token`,
      clientId: 'c',
      clientSecret: ` "${SECRET}"\n`,
      refreshToken: `Bearer ${REFRESH}`,
    },
  ],
  [
    'workday 404',
    {
      system: 'workday',
      tokenUrl: `${u()}/ccx/oauth2/token`,
      clientId: 'c',
      clientSecret: SECRET,
      refreshToken: REFRESH,
    },
  ],
  [
    'workday echoing server',
    {
      system: 'workday',
      tokenUrl: `${u()}/_scenario/echo`,
      clientId: 'c',
      clientSecret: SECRET,
      refreshToken: REFRESH,
    },
  ],
  [
    'oauth2 echoing server, post',
    {
      system: 'oauth2',
      tokenUrl: `${u()}/_scenario/echo`,
      clientId: 'c',
      clientSecret: SECRET,
      auth: 'post',
    },
  ],
  [
    'oauth2 ok',
    {
      system: 'oauth2',
      tokenUrl: `${u()}/oauth2/token`,
      clientId: 'c',
      clientSecret: SECRET,
      scope: 'api.read',
      apiUrl: `${u()}/api/resource`,
    },
  ],
  [
    'oauth2 redirect',
    {
      system: 'oauth2',
      tokenUrl: `${u()}/_scenario/redirect?to=${encodeURIComponent(`http://10.0.0.1/?s=${SECRET}`)}`,
      clientId: 'c',
      clientSecret: SECRET,
    },
  ],
  [
    'oauth2 blocked',
    {
      system: 'oauth2',
      tokenUrl: `https://10.0.0.1/?s=${SECRET}`,
      clientId: 'c',
      clientSecret: SECRET,
    },
  ],
  [
    'netsuite m2m ok',
    {
      system: 'netsuite',
      grant: 'client_credentials',
      accountId: '1234567_SB1',
      tokenUrl: nsToken(),
      clientId: 'c',
      certificateId: 'k1',
      privateKey: JWK,
    },
  ],
  [
    'netsuite m2m bad kid',
    {
      system: 'netsuite',
      grant: 'client_credentials',
      accountId: '1234567_SB1',
      tokenUrl: nsToken(),
      clientId: 'c',
      certificateId: 'k2',
      privateKey: JWK,
    },
  ],
  [
    'netsuite refresh ok + rest',
    {
      system: 'netsuite',
      grant: 'refresh_token',
      accountId: '1234567_SB1',
      tokenUrl: nsToken(),
      clientId: 'c',
      clientSecret: SECRET,
      refreshToken: REFRESH,
      apiUrl: `${u()}/1234567_SB1/services/rest/record/v1/customer`,
    },
  ],
  [
    'netsuite refresh bad secret',
    {
      system: 'netsuite',
      grant: 'refresh_token',
      accountId: '1234567_SB1',
      tokenUrl: nsToken(),
      clientId: 'c',
      clientSecret: 'nope',
      refreshToken: REFRESH,
    },
  ],
];

describe('canary: marked secrets never appear in outcomes, logs or CLI output', () => {
  it('runs every check path and finds no marker in the outcome or the log', async () => {
    const results: string[] = [];
    for (const [name, input] of paths()) {
      const o = await h.run(input, 'canary-user');
      results.push(`${name}: ${o.ok ? 'ok' : (o.findings[0]?.code ?? '?')}`);
      assertClean(JSON.stringify(o), `outcome of ${name}`);
    }
    // The paths really ran: successes and the expected failures.
    expect(results).toEqual([
      'workday ok + api: ok',
      'workday bad secret: token.invalid_client',
      'workday pasted with quotes: ok',
      'workday 404: token.404',
      // The path is not a Workday token path: certain, so it leads the server's invalid_request.
      'workday echoing server: preflight.token-url.shape',
      'oauth2 echoing server, post: token.invalid_request',
      'oauth2 ok: ok',
      'oauth2 redirect: http.redirect',
      'oauth2 blocked: preflight.url.ip-literal',
      'netsuite m2m ok: ok',
      'netsuite m2m bad kid: token.lat.MissingKey',
      'netsuite refresh ok + rest: ok',
      'netsuite refresh bad secret: token.lat.ClientAuthenticationFailed',
    ]);
    expect(sink.length).toBe(paths().length);
    assertClean(sink.join('\n'), 'log lines');
  });

  it('the echoing server really quoted the secret back (so the masking was tested)', () => {
    expect(h.emulator.events.some((e) => e.path === '/_scenario/echo')).toBe(true);
  });

  it('keeps markers out of CLI stdout and stderr, human and JSON, with the audit line on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'authhelp-canary-'));
    const keyFile = join(dir, 'k.pem');
    writeFileSync(keyFile, PEM);
    const runs = [
      await runCheckCli(
        ['workday', '--token-url', `${u()}/ccx/oauth2/acme/token`, '--client-id', 'c', '--verbose'],
        { clientSecret: SECRET, refreshToken: REFRESH },
      ),
      await runCheckCli(
        [
          'workday',
          '--token-url',
          `${u()}/ccx/oauth2/acme/token`,
          '--client-id',
          'c',
          '--json',
          '--verbose',
        ],
        {},
        `client_secret=${SECRET}x\nrefresh_token=${REFRESH}\n`,
      ),
      await runCheckCli(
        ['oauth2', '--token-url', `${u()}/_scenario/echo`, '--client-id', 'c', '--verbose'],
        {},
        SECRET,
      ),
      await runCheckCli([
        'netsuite',
        '--account-id',
        '1234567_SB1',
        '--token-url',
        nsToken(),
        '--client-id',
        'c',
        '--certificate-id',
        'k1',
        '--private-key',
        keyFile,
        '--verbose',
      ]),
      await runCheckCli(
        [
          'netsuite',
          '--account-id',
          '1234567_SB1',
          '--token-url',
          nsToken(),
          '--client-id',
          'c',
          '--grant',
          'refresh_token',
          '--json',
        ],
        { clientSecret: SECRET, refreshToken: REFRESH },
      ),
      await runCheckCli([
        'workday',
        '--token-url',
        'https://x.workday.com/ccx/oauth2/a/token',
        '--client-id',
        'c',
        `--client-secret=${SECRET}`,
      ]),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 1, 1, 0, 0, 2]);
    for (const [i, r] of runs.entries()) assertClean(r.stdout + r.stderr, `CLI run ${String(i)}`);
  });

  it('keeps key material out of the error for an unreadable key file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'authhelp-canary-'));
    const bad = join(dir, 'bad.pem');
    writeFileSync(
      bad,
      `-----BEGIN PRIVATE KEY-----\nCANARY${PEM_LINE}\n-----END PRIVATE KEY-----\n`,
    );
    const r = await runCheckCli([
      'netsuite',
      '--account-id',
      '1',
      '--client-id',
      'c',
      '--private-key',
      bad,
    ]);
    expect(r.code).toBe(2);
    assertClean(r.stdout + r.stderr, 'key error');
  });

  it('a runner error path (connection refused) stays clean', async () => {
    const run = createCheckRunner({
      policy: { allowLocalTargets: true },
      logger: captureLogger(sink),
    });
    const o = await run(
      {
        system: 'oauth2',
        tokenUrl: 'http://127.0.0.1:9/oauth2/token',
        clientId: 'c',
        clientSecret: SECRET,
      },
      'x',
    );
    expect(o.findings[0]?.code).toBe('network.refused');
    assertClean(JSON.stringify(o) + sink.join(''), 'refused path');
  });
});
