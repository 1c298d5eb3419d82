import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCheckCli } from '../support/check-cli.js';
import { startHarness, type Harness } from '../support/check-runner.js';

let h: Harness;
let keyFile: string;
beforeAll(async () => {
  h = await startHarness();
  keyFile = join(mkdtempSync(join(tmpdir(), 'authhelp-cli-')), 'key.pem');
  writeFileSync(keyFile, h.demo.privateKeyPem);
});
afterAll(async () => {
  await h.emulator.close();
});

const wd = () => [
  'workday',
  '--token-url',
  `${h.emulator.url}/ccx/oauth2/acme/token`,
  '--client-id',
  'wd-client',
];

interface JsonOutcome {
  ok: boolean;
  findings: { id: string | null; evidence: string; code: string }[];
  steps: { name: string; status: string }[];
  request: { form: Record<string, string> } | null;
  durationMs: number;
}

describe('authhelp check (in-process)', () => {
  it('exits 0 and prints the JSON shape when the credentials work (secrets from the environment)', async () => {
    const r = await runCheckCli([...wd(), '--json'], {
      clientSecret: 'wd-secret',
      refreshToken: 'wd-refresh',
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOutcome;
    expect(out).toMatchObject({
      ok: true,
      findings: [],
      request: { form: { grant_type: 'refresh_token' } },
    });
    expect(typeof out.durationMs).toBe('number');
    // The only stderr line: the refresh-token rotation warning, before anything is sent.
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /rotates refresh tokens invalidates the one sent.*--save-refresh-token/,
      ),
    ]);
  });

  it('exits 1 with the most likely finding first', async () => {
    const r = await runCheckCli([...wd(), '--json'], {
      clientSecret: 'wd-secret',
      refreshToken: 'stale',
    });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as JsonOutcome;
    expect(out.findings[0]).toMatchObject({ id: 'workday/invalid-credentials' });
    expect(out.findings[0]?.evidence).toMatch(/invalid_grant/);
  });

  it('reads both secrets from stdin lines', async () => {
    const r = await runCheckCli(
      [...wd(), '--json'],
      {},
      'client_secret=wd-secret\nrefresh_token=wd-refresh\n',
    );
    expect(r.code).toBe(0);
  });

  it('reads a single missing secret as the whole of stdin', async () => {
    const r = await runCheckCli(
      [
        'oauth2',
        '--token-url',
        `${h.emulator.url}/oauth2/token`,
        '--client-id',
        'app-client',
        '--scope',
        'api.read',
        '--auth',
        'post',
      ],
      {},
      'app-secret\n',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ credentials work/);
    expect(r.stdout).toMatch(/accepted with client_secret_post/);
  });

  it('runs the NetSuite M2M check with a key file and shows catalogue answers for findings', async () => {
    const base = [
      'netsuite',
      '--account-id',
      '1234567_SB1',
      '--token-url',
      `${h.emulator.url}/1234567_SB1/services/rest/auth/oauth2/v1/token`,
      '--client-id',
      'ns-client',
      '--private-key',
      keyFile,
    ];
    expect((await runCheckCli([...base, '--certificate-id', 'cert-demo-1'])).code).toBe(0);
    const bad = await runCheckCli([...base, '--certificate-id', 'cert-other']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/MissingKey: .*\[netsuite\/MissingKey\]/s);
    expect(bad.stdout).toMatch(/View Login Audit Trail/);
  });

  it.each([
    [['workday', '--client-id', 'x'], /--token-url is required/],
    [['salesforce', '--client-id', 'x'], /unknown system "salesforce"/],
    [
      [
        'workday',
        '--token-url',
        'https://x.workday.com/ccx/oauth2/a/token',
        '--client-id',
        'x',
        '--client-secret',
        's',
      ],
      /not taken as flags/,
    ],
    [
      ['oauth2', '--token-url', 'https://a.example.com/t', '--client-id', 'x', '--auth', 'jwt'],
      /--auth must be basic or post/,
    ],
    [
      ['workday', '--token-url', 'https://x.workday.com/ccx/oauth2/a/token', '--client-id', 'x'],
      /no client secret: set AUTHHELP_CLIENT_SECRET/,
    ],
    [
      ['netsuite', '--account-id', '1', '--client-id', 'x', '--private-key', '/no/such/file.pem'],
      /--private-key: cannot read the file/,
    ],
    [
      ['netsuite', '--account-id', '1', '--client-id', 'x', '--private-key', '/dev/zero'],
      /--private-key: the file "\/dev\/zero" is larger than 1048576 bytes/,
    ],
    [['oauth2', '--bogus'], /unknown flag --bogus/],
    [[], /which system/],
  ])('usage error %j → one line, exit 2', async (argv, message) => {
    const r = await runCheckCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a loopback target when local targets are not allowed (exit 1, nothing sent)', async () => {
    const before = h.emulator.requestCount();
    const r = await runCheckCli([...wd(), '--json'], {
      targetPolicy: { allowLocalTargets: false },
      clientSecret: 'wd-secret',
      refreshToken: 'wd-refresh',
    });
    expect(r.code).toBe(1);
    expect(h.emulator.requestCount()).toBe(before);
  });

  it('prints the audit line on stderr with --verbose', async () => {
    const r = await runCheckCli([...wd(), '--verbose'], {
      clientSecret: 'wd-secret',
      refreshToken: 'wd-refresh',
    });
    const auditLine =
      r.stderr
        .trim()
        .split('\n')
        .find((l) => l.startsWith('{')) ?? '';
    const audit = JSON.parse(auditLine) as { audit: { outcome: string; who: string } };
    expect(audit.audit).toMatchObject({ outcome: 'ok' });
    expect(audit.audit.who).toMatch(/^cli/);
  });
});

const built = existsSync('dist/cli/main.js');
(built ? describe : describe.skip)(
  'authhelp check as a real process (dist/, after npm run build)',
  () => {
    it('exits 0/1 and prints JSON', async () => {
      const run = (secret: string) =>
        promisify(execFile)(process.execPath, ['dist/cli/main.js', 'check', ...wd(), '--json'], {
          env: {
            PATH: process.env['PATH'] ?? '',
            AUTHHELP_ALLOW_LOCAL_TARGETS: '1',
            AUTHHELP_CLIENT_SECRET: secret,
            AUTHHELP_REFRESH_TOKEN: 'wd-refresh',
          },
        }).then(
          (r) => ({ code: 0, stdout: r.stdout }),
          (e: unknown) => {
            const err = e as { code: number; stdout: string };
            return { code: err.code, stdout: err.stdout };
          },
        );
      const good = await run('wd-secret');
      expect(good.code).toBe(0);
      expect((JSON.parse(good.stdout) as JsonOutcome).ok).toBe(true);
      const bad = await run('wrong');
      expect(bad.code).toBe(1);
      expect((JSON.parse(bad.stdout) as JsonOutcome).findings[0]?.id).toBe(
        'workday/invalid-credentials',
      );
    });
  },
);
