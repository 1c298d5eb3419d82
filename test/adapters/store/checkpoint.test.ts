import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SQLITE_FILE } from '../../../src/adapters/store/sqlite/store.js';
import type { Store } from '../../../src/adapters/store/types.js';
import { createBackend, until, type Backend } from './backends.js';

const HOUR = 60 * 60 * 1000;

// SQLite's own checkpoint runs inside the write that fills the log, fsync included, on the event
// loop: under load it held acks 100 ms and more. The app's store checkpoints from a thread instead.
describe('the embedded store checkpoints its write-ahead log off the event loop', () => {
  let backend: Backend;
  let store: Store;
  let file: string;
  beforeAll(async () => {
    backend = await createBackend('sqlite');
    store = await backend.open({ checkpointEveryMs: 50 });
    file = join(backend.config().dataDir, SQLITE_FILE);
  });
  afterAll(async () => {
    await store.close();
    await backend.cleanup();
  });

  it('moves written jobs into the database file while the app writes, and empties the log on close', async () => {
    const before = statSync(file).size;
    const payload = { message: 'x'.repeat(4_000) };
    for (let i = 0; i < 60; i += 1)
      await store.jobs.enqueue({ kind: 'slack.post', payload, deadline: Date.now() + HOUR });
    // Only a checkpoint writes pages into the database file itself; SQLite's own would wait for
    // 1,000 pages of log, several times what these jobs take.
    await until(() => statSync(file).size > before + 60 * 4_000, 'a checkpoint', 10_000);
    expect(await store.jobs.stats()).toEqual({ queued: 60, active: 0 });
    await store.close();
    expect(statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    store = await backend.open({ checkpointEveryMs: 50 });
    expect(await store.jobs.stats()).toEqual({ queued: 60, active: 0 });
  });
});

// A process whose only remaining work is closing the store must wait for the thread's last
// checkpoint: with the thread unref'd, Node found nothing alive and ended it with exit code 13.
describe('closing the embedded store', () => {
  it('lets a process that has nothing else to do finish the close and exit 0', () => {
    const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));
    const dataDir = mkdtempSync(join(tmpdir(), 'authhelp-close-'));
    try {
      const program = `
        const { loadStoreConfig } = await import(${JSON.stringify(pathToFileURL(join(dist, 'config.js')).href)});
        const { openStore } = await import(${JSON.stringify(pathToFileURL(join(dist, 'adapters/store/open.js')).href)});
        const store = await openStore(loadStoreConfig({ AUTHHELP_DATA_DIR: process.argv[1] }), { sweepEveryMs: 0 });
        await store.jobs.enqueue({ kind: 'k', payload: {}, deadline: Date.now() + 60000 });
        await store.close();
        process.stdout.write('closed');`;
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', program, dataDir], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect({ status: child.status, stdout: child.stdout }).toEqual({
        status: 0,
        stdout: 'closed',
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
