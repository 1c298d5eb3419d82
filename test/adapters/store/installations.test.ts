import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Installation } from '@slack/bolt';
import type { InstallationStore as BoltInstallationStore } from '@slack/bolt';
import { AuthHelpError } from '../../../src/core/errors.js';
import type { Store } from '../../../src/adapters/store/types.js';
import { TEST_KEY, backendNames, createBackend, keyFrom, type Backend } from './backends.js';

const names = await backendNames();

const BOT_TOKEN = 'xoxb-111-222-canaryBotTokenValue';
const REFRESH = 'xoxe-1-canaryRefreshTokenValue';

function workspaceInstall(team: string, token = BOT_TOKEN): Installation {
  return {
    team: { id: team, name: 'Acme' },
    enterprise: undefined,
    user: { token: undefined, scopes: undefined, id: 'U0INSTALLER' },
    bot: {
      token,
      refreshToken: REFRESH,
      scopes: ['commands', 'chat:write'],
      id: 'B01',
      userId: 'U0BOT',
    },
    appId: 'A0AUTHHELP',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

function orgInstall(enterprise: string): Installation {
  return {
    team: undefined,
    enterprise: { id: enterprise, name: 'Acme Grid' },
    user: { token: undefined, scopes: undefined, id: 'U0ADMIN' },
    bot: { token: `${BOT_TOKEN}-org`, scopes: ['commands'], id: 'B02', userId: 'U0BOT2' },
    tokenType: 'bot',
    isEnterpriseInstall: true,
    authVersion: 'v2',
  };
}

const teamQuery = (teamId: string) => ({
  teamId,
  enterpriseId: undefined,
  isEnterpriseInstall: false as const,
});
const orgQuery = (enterpriseId: string) => ({
  teamId: undefined,
  enterpriseId,
  isEnterpriseInstall: true as const,
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return err instanceof AuthHelpError ? err.code : 'not an AuthHelpError';
  }
}

describe.each(names)('installations on %s', (name) => {
  let backend: Backend;
  let store: Store;
  beforeAll(async () => {
    backend = await createBackend(name);
    store = await backend.open();
  });
  afterAll(async () => {
    await store.close();
    await backend.cleanup();
  });

  it("is Bolt's InstallationStore", () => {
    const bolt: BoltInstallationStore = store.installations;
    expect(typeof bolt.fetchInstallation).toBe('function');
  });

  it('stores, fetches and replaces a workspace install, with no token readable in the table', async () => {
    await store.installations.storeInstallation(workspaceInstall('T1'));
    expect(await store.installations.fetchInstallation(teamQuery('T1'))).toEqual(
      workspaceInstall('T1'),
    );
    await store.installations.storeInstallation(workspaceInstall('T1', 'xoxb-new-canaryToken2'));
    const again = await store.installations.fetchInstallation({ ...teamQuery('T1'), userId: 'U9' });
    expect(again.bot?.token).toBe('xoxb-new-canaryToken2');
    const rows = await backend.raw('SELECT * FROM installations');
    expect(rows).toHaveLength(1);
    const dump = JSON.stringify(rows);
    for (const secret of [
      'canaryBotTokenValue',
      'canaryToken2',
      'canaryRefreshTokenValue',
      'U0INSTALLER',
    ])
      expect(dump).not.toContain(secret);
    expect(rows[0]).toMatchObject({ scope: 'team', scope_id: 'T1', key_id: TEST_KEY.id });
  });

  it('keeps an org-wide install under its enterprise id, apart from workspace installs', async () => {
    await store.installations.storeInstallation(orgInstall('E1'));
    expect((await store.installations.fetchInstallation(orgQuery('E1'))).bot?.id).toBe('B02');
    // A workspace of that org asking as a workspace finds no workspace install.
    expect(await codeOf(store.installations.fetchInstallation(teamQuery('E1')))).toBe(
      'NOT_INSTALLED',
    );
  });

  it('deletes an install (app_uninstalled) so it is no longer found', async () => {
    await store.installations.storeInstallation(workspaceInstall('T2'));
    await store.installations.deleteInstallation(teamQuery('T2'));
    expect(await codeOf(store.installations.fetchInstallation(teamQuery('T2')))).toBe(
      'NOT_INSTALLED',
    );
    await store.installations.deleteInstallation(orgQuery('E1'));
    expect(await codeOf(store.installations.fetchInstallation(orgQuery('E1')))).toBe(
      'NOT_INSTALLED',
    );
  });

  it('refuses a query with neither team nor org id', async () => {
    const query = {
      teamId: undefined,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    } as never;
    expect(await codeOf(store.installations.fetchInstallation(query))).toBe('INPUT_INVALID');
  });

  it('will not open a sealed value moved to another row', async () => {
    await store.installations.storeInstallation(workspaceInstall('T3'));
    await store.installations.storeInstallation(workspaceInstall('T4'));
    const [t3] = await backend.raw("SELECT box FROM installations WHERE scope_id = 'T3'");
    // Someone with database access copies T3's sealed value over T4's.
    await backend.exec(
      `UPDATE installations SET box = '${String(t3!['box'])}' WHERE scope_id = 'T4'`,
    );
    expect(await codeOf(store.installations.fetchInstallation(teamQuery('T4')))).toBe(
      'STORE_INVALID',
    );
  });

  it('rotates keys: old installs open with the old key listed second, and reseal moves them', async () => {
    const oldKey = TEST_KEY;
    const newKey = keyFrom(2);
    await store.installations.storeInstallation(workspaceInstall('T5'));
    const rotated = await backend.open({}, [newKey, oldKey]);
    try {
      expect((await rotated.installations.fetchInstallation(teamQuery('T5'))).bot?.token).toBe(
        BOT_TOKEN,
      );
      const result = await rotated.installations.reseal();
      // T4 was altered by the test above: counted, left alone, the rest resealed.
      expect(result).toEqual({ resealed: result.total - 1, unreadable: 1, total: result.total });
      expect(await rotated.installations.reseal()).toEqual({ ...result, resealed: 0 });
    } finally {
      await rotated.close();
    }
    const newOnly = await backend.open({}, [newKey]);
    const oldOnly = await backend.open({}, [oldKey]);
    try {
      expect((await newOnly.installations.fetchInstallation(teamQuery('T5'))).bot?.token).toBe(
        BOT_TOKEN,
      );
      expect(await codeOf(oldOnly.installations.fetchInstallation(teamQuery('T5')))).toBe(
        'CONFIG_INVALID',
      );
    } finally {
      await newOnly.close();
      await oldOnly.close();
    }
  });

  it('refuses to store an install when no encryption key is configured', async () => {
    const keyless = await backend.open({}, []);
    try {
      expect(await codeOf(keyless.installations.storeInstallation(workspaceInstall('T6')))).toBe(
        'CONFIG_INVALID',
      );
    } finally {
      await keyless.close();
    }
  });
});
