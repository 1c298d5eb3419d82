import { loadStoreConfig } from '../config.js';

/**
 * One process of the store start-up bench: `baseline` loads only the config (as the app does
 * anyway), `sqlite` also opens the embedded store and does some work. Reports by IPC.
 */
const [mode, dataDir = '.'] = process.argv.slice(2);
const config = loadStoreConfig({ AUTHHELP_DATA_DIR: dataDir });
const started = performance.now();
let openMs = 0;
if (mode === 'sqlite') {
  const { openStore } = await import('../adapters/store/open.js');
  const store = await openStore(config, { sweepEveryMs: 0 });
  openMs = performance.now() - started;
  // Some work, so pages and statements are in memory as in a running app.
  for (let i = 0; i < 1_000; i += 1) await store.keys.claimOnce('event', `Ev${String(i)}`, 60_000);
  for (let i = 0; i < 200; i += 1)
    await store.jobs.enqueue({ kind: 'k', payload: { i }, deadline: Date.now() + 60_000 });
  for (const job of await store.jobs.claim(200)) await store.jobs.complete(job);
  await store.close();
}
process.send?.({ openMs, rssMb: process.memoryUsage().rss / 2 ** 20 });
