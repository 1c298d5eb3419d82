import { describe, expect, it } from '@jest/globals';
import { loadStoreConfig } from '../src/config.js';
import { AuthHelpError } from '../src/core/errors.js';

describe('loadStoreConfig', () => {
  it('defaults to the embedded store in ./data with 32 replies in flight, 4 per channel', () => {
    expect(loadStoreConfig({})).toEqual({
      backend: 'sqlite',
      dataDir: './data',
      databaseUrl: undefined,
      databaseSchema: 'authhelp',
      encryptionKeys: [],
      jobConcurrency: 32,
      channelConcurrency: 4,
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
