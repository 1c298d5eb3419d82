import { describe, expect, it } from '@jest/globals';
import { loadSlackConfig, loadStoreConfig } from '../src/config.js';
import { AuthHelpError } from '../src/core/errors.js';

describe('loadStoreConfig', () => {
  it('defaults to the embedded store in ./data with 64 replies in flight, 4 per channel', () => {
    expect(loadStoreConfig({})).toEqual({
      backend: 'sqlite',
      dataDir: './data',
      databaseUrl: undefined,
      databaseSchema: 'authhelp',
      encryptionKeys: [],
      jobConcurrency: 64,
      channelConcurrency: 4,
      retentionDays: 30,
    });
  });

  it('chooses PostgreSQL when DATABASE_URL is set, and ignores an empty one', () => {
    expect(loadStoreConfig({ DATABASE_URL: 'postgresql://u@db:5432/app' }).backend).toBe(
      'postgres',
    );
    expect(loadStoreConfig({ DATABASE_URL: '' }).backend).toBe('sqlite');
  });

  it('reads encryption keys newest first, base64 or hex, each with a stable id', () => {
    const b64 = Buffer.alloc(32, 7).toString('base64');
    const hex = Buffer.alloc(32, 9).toString('hex');
    const keys = loadStoreConfig({ AUTHHELP_ENCRYPTION_KEY: `${b64}, ${hex}` }).encryptionKeys;
    expect(keys.map((k) => k.key)).toEqual([Buffer.alloc(32, 7), Buffer.alloc(32, 9)]);
    expect(keys[0]!.id).toMatch(/^[0-9a-f]{8}$/);
    expect(loadStoreConfig({ AUTHHELP_ENCRYPTION_KEY: hex }).encryptionKeys[0]!.id).toBe(
      keys[1]!.id,
    );
  });

  it.each([
    ['AUTHHELP_ENCRYPTION_KEY', Buffer.alloc(16, 1).toString('base64')],
    ['AUTHHELP_ENCRYPTION_KEY', 'correct horse battery staple'],
    ['AUTHHELP_JOB_CONCURRENCY', '0'],
    ['AUTHHELP_CHANNEL_CONCURRENCY', 'many'],
    ['DATABASE_URL', 'sqlite:///tmp/x.db'],
  ])('refuses %s=%s naming the variable, never echoing a key', (name, value) => {
    let error: unknown;
    try {
      loadStoreConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AuthHelpError);
    expect((error as AuthHelpError).message).toContain(name);
    if (name === 'AUTHHELP_ENCRYPTION_KEY')
      expect((error as AuthHelpError).message).not.toContain(value);
  });
});

describe('loadSlackConfig: one workspace or many', () => {
  const base = { SLACK_SIGNING_SECRET: 'signing-secret' };
  const install = {
    SLACK_CLIENT_ID: '1111.2222',
    SLACK_CLIENT_SECRET: 'client-secret-canary',
    SLACK_STATE_SECRET: 's'.repeat(32),
    AUTHHELP_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  };
  const messageOf = (env: Record<string, string>): string => {
    try {
      loadSlackConfig(env);
    } catch (err) {
      expect(err).toBeInstanceOf(AuthHelpError);
      return (err as AuthHelpError).message;
    }
    return 'no error';
  };

  it('runs in one workspace with SLACK_BOT_TOKEN alone', () => {
    const config = loadSlackConfig({ ...base, SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(config.botToken).toBe('xoxb-1');
    expect(config.install).toBeUndefined();
  });

  it('installs into many with the three SLACK_CLIENT_… variables and an encryption key', () => {
    const config = loadSlackConfig({ ...base, ...install });
    expect(config.botToken).toBeUndefined();
    expect(config.install).toEqual({
      clientId: '1111.2222',
      clientSecret: 'client-secret-canary',
      stateSecret: 's'.repeat(32),
      redirectUri: undefined,
      stateVerification: true,
    });
    const open = loadSlackConfig({
      ...base,
      ...install,
      SLACK_STATE_VERIFICATION: '0',
      SLACK_REDIRECT_URI: 'https://authhelp.example.com/slack/oauth_redirect',
      SLACK_BOT_TOKEN: '',
    }).install;
    expect(open?.stateVerification).toBe(false);
    expect(open?.redirectUri).toBe('https://authhelp.example.com/slack/oauth_redirect');
  });

  it.each([
    [
      {},
      /^SLACK_BOT_TOKEN is not set: .*or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET/,
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', ...install },
      /^SLACK_BOT_TOKEN and SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET are both set: unset/,
    ],
    [
      { ...install, SLACK_CLIENT_SECRET: '' },
      /^SLACK_CLIENT_SECRET is not set: installing into many workspaces needs/,
    ],
    [{ ...install, SLACK_STATE_SECRET: undefined }, /^SLACK_STATE_SECRET is not set/],
    [{ ...install, SLACK_STATE_SECRET: 'short' }, /^SLACK_STATE_SECRET must be at least 32/],
    [
      { ...install, AUTHHELP_ENCRYPTION_KEY: '' },
      /^AUTHHELP_ENCRYPTION_KEY is not set: installs into many workspaces/,
    ],
    [{ ...install, SLACK_REDIRECT_URI: 'not a url' }, /^SLACK_REDIRECT_URI must be/],
    [{ ...install, SLACK_STATE_VERIFICATION: 'maybe' }, /^SLACK_STATE_VERIFICATION must be/],
  ])('stops with one line naming what to set (%#)', (env, message) => {
    const text = messageOf({ ...base, ...env } as Record<string, string>);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
    // Secrets are named, never echoed.
    expect(text).not.toContain('client-secret-canary');
  });
});

describe('loadSlackConfig: catalogue reload and maintainers', () => {
  const base = { SLACK_SIGNING_SECRET: 'signing-secret', SLACK_BOT_TOKEN: 'xoxb-1' };

  it('watches the knowledge directory unless told not to, and has no maintainers by default', () => {
    const config = loadSlackConfig(base);
    expect(config.watchKnowledge).toBe(true);
    expect(config.maintainers).toEqual([]);
    expect(loadSlackConfig({ ...base, AUTHHELP_WATCH_KNOWLEDGE: '0' }).watchKnowledge).toBe(false);
    expect(loadSlackConfig({ ...base, AUTHHELP_WATCH_KNOWLEDGE: 'true' }).watchKnowledge).toBe(
      true,
    );
  });

  it('reads maintainers as comma- or space-separated Slack user ids', () => {
    expect(
      loadSlackConfig({ ...base, AUTHHELP_MAINTAINERS: 'U012AB3CD, W0456EF7G  U0789' }).maintainers,
    ).toEqual(['U012AB3CD', 'W0456EF7G', 'U0789']);
  });

  it.each(['@pat', 'u012ab3cd', 'C0123456'])('refuses %p as a maintainer id', (id) => {
    expect(() => loadSlackConfig({ ...base, AUTHHELP_MAINTAINERS: id })).toThrow(
      /^AUTHHELP_MAINTAINERS must list Slack user ids/,
    );
  });
});

describe('loadSlackConfig: job leases', () => {
  const base = { SLACK_SIGNING_SECRET: 'signing-secret', SLACK_BOT_TOKEN: 'xoxb-1' };

  it('defaults to a 60 s lease over 15 s tries, and takes a shorter pair that keeps the ratio', () => {
    const config = loadSlackConfig(base);
    expect([config.jobLeaseMs, config.jobAttemptTimeoutMs]).toEqual([60_000, 15_000]);
    const short = loadSlackConfig({
      ...base,
      AUTHHELP_JOB_LEASE_MS: '2000',
      AUTHHELP_JOB_ATTEMPT_TIMEOUT_MS: '1000',
    });
    expect([short.jobLeaseMs, short.jobAttemptTimeoutMs]).toEqual([2_000, 1_000]);
  });

  // A live instance would claim its own reply again while Slack still answers: sent twice.
  it.each([
    [{ AUTHHELP_JOB_LEASE_MS: '2000' }, '2000', '15000'],
    [
      { AUTHHELP_JOB_LEASE_MS: '30000', AUTHHELP_JOB_ATTEMPT_TIMEOUT_MS: '20000' },
      '30000',
      '20000',
    ],
  ])('refuses a lease under twice the try limit (%p) in one line', (env, lease, attempt) => {
    let error: unknown;
    try {
      loadSlackConfig({ ...base, ...env });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AuthHelpError);
    const text = (error as AuthHelpError).message;
    expect(text).toBe(
      `AUTHHELP_JOB_LEASE_MS (${lease}) must be at least twice AUTHHELP_JOB_ATTEMPT_TIMEOUT_MS (${attempt}): a shorter lease lets an instance claim a reply it is still sending and send it twice`,
    );
    expect(text).not.toContain('\n');
  });
});
