import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createGuardedAgent, type Resolver } from '../../../src/adapters/http/guarded-agent.js';
import { createCheckRunner } from '../../../src/adapters/http/runner.js';
import { createTransport } from '../../../src/adapters/http/transport.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/server.js';
import type { OAuth2CheckInput } from '../../../src/core/check/types.js';
import { captureLogger, startHarness, type Harness } from '../../support/check-runner.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.emulator.close();
});

const generic = (tokenUrl: string): OAuth2CheckInput => ({
  system: 'oauth2',
  tokenUrl,
  clientId: 'app-client',
  clientSecret: 'app-secret',
});
const strictRunner = (resolve?: Resolver) =>
  createCheckRunner({
    policy: { allowLocalTargets: false },
    logger: captureLogger([]),
    ...(resolve === undefined ? {} : { resolve }),
  });
const fixed =
  (...addresses: string[]): Resolver =>
  () =>
    Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );

describe('preflight refuses non-public targets before anything is sent', () => {
  it.each([
    'https://127.0.0.1/oauth2/token',
    'https://127.1/oauth2/token',
    'https://0x7f.0.0.1/oauth2/token',
    'https://2130706433/oauth2/token',
    'https://0177.0.0.1/oauth2/token',
    'https://[::1]/oauth2/token',
    'https://[::ffff:127.0.0.1]/oauth2/token',
    'https://[::ffff:a9fe:a9fe]/latest/meta-data',
    'https://169.254.169.254/latest/meta-data',
    'https://10.0.0.1/oauth2/token',
    'https://[fd00::1]/oauth2/token',
    'https://localhost/oauth2/token',
    'http://auth.example.com/oauth2/token',
    'https://user:pw@auth.example.com/oauth2/token',
    'https://auth.example.com:8443/oauth2/token',
    'https://auth.example.com./oauth2/token',
    'file:///etc/passwd',
  ])('%s', async (url) => {
    let looked = false;
    const run = strictRunner(() => {
      looked = true;
      return Promise.resolve([{ address: '93.184.216.34', family: 4 }]);
    });
    const o = await run(generic(url), 'alice');
    expect(o.ok).toBe(false);
    expect(o.findings[0]?.blocking).toBe(true);
    expect(looked).toBe(false);
  });

  it('keeps vendor secrets on vendor hosts', async () => {
    const run = strictRunner(fixed('93.184.216.34'));
    const o = await run(
      {
        system: 'workday',
        tokenUrl: 'https://wd2-impl-services1.workday.com.evil.example/ccx/oauth2/acme/token',
        clientId: 'c',
        clientSecret: 's',
        refreshToken: 'r',
      },
      'alice',
    );
    expect(o.findings[0]?.code).toBe('preflight.url.host-not-allowed');
    const ns = await run(
      {
        system: 'netsuite',
        grant: 'refresh_token',
        tokenUrl: 'https://notnetsuite.com/services/rest/auth/oauth2/v1/token',
        clientId: 'c',
        clientSecret: 's',
        refreshToken: 'r',
      },
      'alice',
    );
    expect(ns.findings[0]?.code).toBe('preflight.url.host-not-allowed');
  });
});

describe('the connector checks every resolved address at connect time', () => {
  it.each([
    ['a name resolving to a private address', fixed('10.1.2.3')],
    ['a name resolving to loopback', fixed('127.0.0.1')],
    ['a name resolving to the metadata address', fixed('169.254.169.254')],
    ['a name resolving to an IPv4-mapped loopback', fixed('::ffff:127.0.0.1')],
    ['a name resolving to an IPv4-compatible loopback', fixed('::7f00:1')],
    ['a name resolving to public and private addresses', fixed('93.184.216.34', '192.168.1.1')],
    ['a name resolving to CGNAT space', fixed('100.64.0.1')],
  ])('%s is blocked', async (_what, resolve) => {
    const o = await strictRunner(resolve)(
      generic('https://auth.example.com/oauth2/token'),
      'alice',
    );
    expect(o.findings[0]?.code).toBe('network.blocked');
    expect(o.findings[0]?.evidence).not.toMatch(/10\.1\.2\.3|192\.168|169\.254/);
  });

  const direct = async (url: string, allowLoopback: boolean, resolve?: Resolver) => {
    const agent = createGuardedAgent({
      policy: { allowLocalTargets: allowLoopback },
      ...(resolve === undefined ? {} : { resolve }),
    });
    try {
      return await createTransport({ dispatcher: agent, signal: AbortSignal.timeout(5000) })({
        method: 'POST',
        url,
        headers: {},
        body: '',
      });
    } finally {
      await agent.destroy();
    }
  };

  it.each([
    '127.0.0.1',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '[::7f00:1]',
    '0x7f.0.0.1',
    '2130706433',
    '127.1',
  ])('IP literal %s never reaches a loopback server when loopback is not allowed', async (host) => {
    const before = h.emulator.requestCount();
    const r = await direct(`http://${host}:${h.emulator.port}/oauth2/token`, false);
    expect(r).toMatchObject({ kind: 'failure', reason: 'blocked' });
    expect(h.emulator.requestCount()).toBe(before);
  });

  it('a name resolving to loopback reaches the emulator only when loopback is allowed', async () => {
    const resolve = fixed('127.0.0.1');
    expect(
      await direct(`http://token.test:${h.emulator.port}/oauth2/token`, false, resolve),
    ).toMatchObject({ reason: 'blocked' });
    expect(
      await direct(`http://token.test:${h.emulator.port}/oauth2/token`, true, resolve),
    ).toMatchObject({ kind: 'response' });
  });

  it('even with local targets allowed, private ranges other than loopback stay blocked', async () => {
    for (const host of ['10.0.0.1', '169.254.169.254', '[fd00::1]', '192.168.0.1', '[::7f00:1]']) {
      expect(await direct(`http://${host}:9/x`, true)).toMatchObject({ reason: 'blocked' });
    }
  });
});

describe('answers that are not token answers', () => {
  it('reports a redirect to an internal address and does not follow it', async () => {
    const before = h.emulator.requestCount();
    const to = encodeURIComponent('http://169.254.169.254/latest/meta-data?secret=1');
    const o = await h.run(generic(`${h.emulator.url}/_scenario/redirect?to=${to}`), 'alice');
    expect(o.findings[0]?.code).toBe('http.redirect');
    expect(o.findings[0]?.evidence).toBe('302 to http://169.254.169.254/latest/meta-data');
    expect(h.emulator.requestCount()).toBe(before + 1);
  });

  it.each(['huge', 'huge-chunked'])('caps an oversized body (%s)', async (name) => {
    const o = await h.run(generic(`${h.emulator.url}/_scenario/${name}`), 'alice');
    expect(o.findings[0]?.code).toBe('network.too-large');
  });

  it.each(['slow-body', 'slow-headers'])(
    'ends a %s answer at the overall deadline',
    async (name) => {
      const run = createCheckRunner({
        policy: { allowLocalTargets: true },
        logger: captureLogger([]),
        totalTimeoutMs: 800,
      });
      const started = Date.now();
      const o = await run(generic(`${h.emulator.url}/_scenario/${name}`), 'alice');
      expect(o.findings[0]?.code).toBe('network.timeout');
      expect(Date.now() - started).toBeLessThan(3000);
    },
  );

  it('says a 200 HTML page is not a token endpoint', async () => {
    const o = await h.run(generic(`${h.emulator.url}/_scenario/html`), 'alice');
    expect(o.findings[0]?.code).toBe('token.no-access-token');
    expect(o.findings[0]?.title).toMatch(/not JSON/);
  });

  it('names a refused connection', async () => {
    const closed = await startEmulator({ config: {} });
    await closed.close();
    const o = await h.run(generic(`${closed.url}/oauth2/token`), 'alice');
    expect(o.findings[0]?.code).toBe('network.refused');
  });

  it('names a host that does not exist', async () => {
    const notFound: Resolver = () =>
      Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    const o = await strictRunner(notFound)(
      generic('https://no-such-host.example.com/oauth2/token'),
      'alice',
    );
    expect(o.findings[0]?.code).toBe('network.dns');
    expect(o.findings[0]?.title).toMatch(/not found/);
  });

  it('ignores proxy variables', async () => {
    process.env['HTTPS_PROXY'] = 'http://127.0.0.1:9';
    process.env['HTTP_PROXY'] = 'http://127.0.0.1:9';
    try {
      const o = await h.run(generic(`${h.emulator.url}/oauth2/token`), 'alice');
      expect(o.ok).toBe(true);
    } finally {
      delete process.env['HTTPS_PROXY'];
      delete process.env['HTTP_PROXY'];
    }
  });
});

describe('TLS', () => {
  let tls: RunningEmulator | undefined;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'authhelp-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    tls = await startEmulator({
      config: {},
      tls: {
        key: readFileSync(join(dir, 'k.pem'), 'utf8'),
        cert: readFileSync(join(dir, 'c.pem'), 'utf8'),
      },
    });
  });
  afterAll(async () => {
    await tls?.close();
  });

  it('names a certificate problem', async () => {
    const o = await h.run(generic(`${tls?.url ?? ''}/oauth2/token`), 'alice');
    expect(o.findings[0]?.code).toBe('network.tls');
  });
});
