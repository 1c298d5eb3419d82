import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCaptured } from '../../support/cli.js';
import {
  backendNames,
  createBackend,
  keyFrom,
  storeEnv,
  type Backend,
} from '../../adapters/store/backends.js';

const names = await backendNames();
const b64 = (seed: number) => keyFrom(seed).key.toString('base64');

/** The environment `authhelp migrate` reads for a back end's isolated place. */
function envFor(backend: Backend, keys = ''): Record<string, string> {
  return { ...storeEnv(backend), AUTHHELP_ENCRYPTION_KEY: keys };
}

describe.each(names)('authhelp migrate on %s', (name) => {
  const backends: Backend[] = [];
  afterAll(async () => {
    for (const b of backends) await b.cleanup();
  });

  it('creates the schema once, then says it is up to date', async () => {
    const backend = await createBackend(name);
    backends.push(backend);
    const first = await runCliCaptured(['migrate'], { storeEnv: envFor(backend) });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(
      new RegExp(`^store: ${name} .+: applied 001-keys-jobs-installations, 002-learning\\n$`),
    );
    const second = await runCliCaptured(['migrate'], { storeEnv: envFor(backend) });
    expect(second.stdout).toMatch(/: up to date\n$/);
  });

  it('reseals installs under the newest key after a rotation', async () => {
    const backend = await createBackend(name);
    backends.push(backend);
    const store = await backend.open({}, [keyFrom(1)]);
    await store.installations.storeInstallation({
      team: { id: 'T1' },
      enterprise: undefined,
      user: { token: undefined, scopes: undefined, id: 'U1' },
      bot: { token: 'xoxb-1-canary', scopes: [], id: 'B1', userId: 'U2' },
      isEnterpriseInstall: false,
    });
    await store.close();
    const rotated = await runCliCaptured(['migrate'], {
      storeEnv: envFor(backend, `${b64(2)},${b64(1)}`),
    });
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain(
      `installations: 1 stored, 1 resealed under key ${keyFrom(2).id}\n`,
    );
    // Without the key that sealed them, it says what to do and fails.
    const lost = await runCliCaptured(['migrate'], { storeEnv: envFor(backend, b64(3)) });
    expect(lost.code).toBe(1);
    expect(lost.stderr).toMatch(
      /^authhelp: 1 installation\(s\) open with none of the configured keys.*\n$/,
    );
  });
});

describe('authhelp migrate with a bad set-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'authhelp-migrate-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://root@localhost/test' }, /DATABASE_URL must be a postgres:\/\/ URL/],
    [
      { AUTHHELP_ENCRYPTION_KEY: 'hunter2-not-a-key' },
      /AUTHHELP_ENCRYPTION_KEY must be 32 random bytes/,
    ],
    [{ AUTHHELP_DATABASE_SCHEMA: 'Robert"); DROP' }, /AUTHHELP_DATABASE_SCHEMA must be/],
  ])('refuses %j with one line and exit 2', async (env, message) => {
    const result = await runCliCaptured(['migrate'], {
      storeEnv: { AUTHHELP_DATA_DIR: dir, ...env },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('names an unreachable PostgreSQL without its password, exit 1', async () => {
    const result = await runCliCaptured(['migrate'], {
      storeEnv: { DATABASE_URL: 'postgres://authhelp:s3cretPassw0rd@127.0.0.1:1/prod' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^authhelp: cannot use PostgreSQL at 127\.0\.0\.1:1\/prod \(schema authhelp\): .*ECONNREFUSED.*\n$/,
    );
    expect(result.stderr).not.toContain('s3cret');
  });

  it('names a data directory it cannot create, exit 1', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const result = await runCliCaptured(['migrate'], {
      storeEnv: { AUTHHELP_DATA_DIR: join(file, 'data') },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^authhelp: cannot open the store at .+ \(ENOTDIR\); check AUTHHELP_DATA_DIR\n$/,
    );
  });

  it('takes no arguments', async () => {
    const result = await runCliCaptured(['migrate', 'now'], {
      storeEnv: { AUTHHELP_DATA_DIR: dir },
    });
    expect(result.code).toBe(2);
  });
});
