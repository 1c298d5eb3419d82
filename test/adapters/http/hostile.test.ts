import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CheckInput } from '../../../src/core/check/types.js';
import { privateKeyFromPem } from '../../../src/adapters/http/private-key.js';
import { ENCODINGS, FIELDS } from '../../../src/emulator/hostile.js';
import { runCheckCli } from '../../support/check-cli.js';
import { startHarness, type Harness } from '../../support/check-runner.js';

// Secrets with the characters that broke scrubbing before: quote, backslash, slash, plus, colon,
// percent, space, equals; and one outside ASCII.
const ID = 'hostile-client';
const ASCII = 'q7"Kz\\9/mP+x:%Wd e=Lr4T';
const WIDE = 'Zé9Ωk2-Pq8_Rt5Vw€3';
const REFRESH = 'rt-Hq9Kz2Lm4Np6Rs8Tv0Wx';

/** Every way a secret may be reflected, and every 8-character run of it: none may be in any output. */
function forbidden(secret: string): string[] {
  const encoded = Object.values(ENCODINGS).map((encode) => encode(secret, ID));
  const runs: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) runs.push(secret.slice(i, i + 8));
  return [...new Set([...encoded, ...runs])];
}

const FORBIDDEN = [ASCII, WIDE, REFRESH].flatMap(forbidden);

function leaks(text: string): string[] {
  return FORBIDDEN.filter((f) => text.includes(f));
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.emulator.close();
});

const url = (enc: string, field: string, which = 0) =>
  `${h.emulator.url}/_scenario/hostile?enc=${enc}&field=${field}&which=${which}`;

interface Variant {
  readonly name: string;
  readonly input: (tokenUrl: string) => CheckInput;
  /** Which sent value the endpoint reflects (0: the secret, 1: the refresh token). */
  readonly which: number;
}

const VARIANTS: readonly Variant[] = [
  {
    name: 'oauth2 Basic, ASCII secret',
    which: 0,
    input: (tokenUrl) => ({ system: 'oauth2', tokenUrl, clientId: ID, clientSecret: ASCII }),
  },
  {
    name: 'oauth2 post, ASCII secret',
    which: 0,
    input: (tokenUrl) => ({
      system: 'oauth2',
      tokenUrl,
      clientId: ID,
      clientSecret: ASCII,
      auth: 'post',
    }),
  },
  {
    name: 'oauth2 Basic, non-ASCII secret',
    which: 0,
    input: (tokenUrl) => ({ system: 'oauth2', tokenUrl, clientId: ID, clientSecret: WIDE }),
  },
  {
    name: 'workday refresh token',
    which: 1,
    input: (tokenUrl) => ({
      system: 'workday',
      tokenUrl,
      clientId: ID,
      clientSecret: ASCII,
      refreshToken: REFRESH,
    }),
  },
  {
    name: 'netsuite refresh token (Basic)',
    which: 1,
    input: (tokenUrl) => ({
      system: 'netsuite',
      grant: 'refresh_token',
      accountId: '1234567_SB1',
      tokenUrl,
      clientId: ID,
      clientSecret: WIDE,
      refreshToken: REFRESH,
    }),
  },
  {
    name: 'netsuite M2M signed assertion',
    which: 0,
    input: (tokenUrl) => ({
      system: 'netsuite',
      grant: 'client_credentials',
      accountId: '1234567_SB1',
      tokenUrl,
      clientId: ID,
      certificateId: 'k1',
      privateKey: privateKeyFromPem(h.demo.privateKeyPem),
    }),
  },
];

const encodings = Object.keys(ENCODINGS);
/** About 50 s each on an idle machine; several times that while the whole suite runs on 2 cores. */
const HOSTILE_TEST_MS = 400_000;

describe('hostile token endpoint: a reflected secret in any encoding, in any answer field', () => {
  it(
    'is in no outcome, for every encoding × field × variant',
    async () => {
      const before = h.emulator.requestCount();
      const dirty: string[] = [];
      let checks = 0;
      const cases = VARIANTS.flatMap((v) =>
        encodings.flatMap((enc) => FIELDS.map((field) => ({ v, enc, field }))),
      );
      // A few at a time: each check has its own guarded agent, as in production.
      for (let i = 0; i < cases.length; i += 6) {
        await Promise.all(
          cases.slice(i, i + 6).map(async ({ v, enc, field }) => {
            const o = await h.run(v.input(url(enc, field, v.which)), 'hostile');
            checks += 1;
            const text = JSON.stringify(o);
            // The signed assertion is not known here: no JWT, nor its Base64 or hex, may show.
            const jwt = v.name.includes('assertion') ? ['eyJ', 'ZXlK', '65794a'] : [];
            const found = [...leaks(text), ...jwt.filter((m) => text.includes(m))];
            if (found.length > 0) dirty.push(`${v.name} / ${enc} / ${field}: ${found.length}`);
          }),
        );
      }
      expect(dirty).toEqual([]);
      expect(checks).toBe(VARIANTS.length * encodings.length * FIELDS.length);
      // Every check reached the endpoint: the reflections were really sent back and read.
      expect(h.emulator.requestCount() - before).toBeGreaterThanOrEqual(checks);
    },
    HOSTILE_TEST_MS,
  );

  it(
    'is in no CLI output, text or --json, for every encoding × field',
    async () => {
      const dirty: string[] = [];
      for (const enc of encodings)
        for (const field of FIELDS)
          for (const json of [false, true]) {
            const argv = ['oauth2', '--token-url', url(enc, field), '--client-id', ID];
            const r = await runCheckCli(json ? [...argv, '--json'] : argv, {
              clientSecret: ASCII,
            });
            const found = leaks(r.stdout + r.stderr);
            if (found.length > 0) dirty.push(`${enc} / ${field} / ${json ? 'json' : 'text'}`);
            if (r.code !== (field === 'token-type' ? 0 : 1))
              dirty.push(`${enc} / ${field}: exit ${r.code}`);
          }
      expect(dirty).toEqual([]);
    },
    HOSTILE_TEST_MS,
  );

  it('still reads the answer: the error code and the status show', async () => {
    const r = await runCheckCli(
      ['oauth2', '--token-url', url('raw', 'error-description'), '--client-id', ID, '--json'],
      { clientSecret: ASCII },
    );
    const out = JSON.parse(r.stdout) as { findings: { evidence: string }[] };
    expect(out.findings[0]?.evidence).toMatch(/HTTP 401|HTTP 400/);
    expect(r.stdout).toContain('rejected: ••••');
  });

  it('shows every attempt: Basic, then post, with no secret length', async () => {
    const r = await runCheckCli(
      ['oauth2', '--token-url', url('raw', 'error'), '--client-id', ID, '--json'],
      { clientSecret: ASCII },
    );
    const out = JSON.parse(r.stdout) as {
      requests: { headers: Record<string, string>; form: Record<string, string> }[];
    };
    expect(out.requests.length).toBeGreaterThanOrEqual(1);
    expect(out.requests[0]?.headers['authorization']).toMatch(/^Basic base64/);
    for (const req of out.requests)
      for (const v of Object.values(req.form)) expect(v).not.toMatch(/chars|\d+ characters/);
  });
});
