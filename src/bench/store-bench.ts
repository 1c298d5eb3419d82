import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadStoreConfig, type StoreConfig } from '../config.js';
import { JobRunner, type JobHandler } from '../adapters/store/jobs/runner.js';
import { openStore } from '../adapters/store/open.js';
import type { Store } from '../adapters/store/types.js';

/**
 * `npm run bench:store`: what the store costs and carries.
 * 1. Start-up and memory of the embedded store: a child process that opens it (fresh file, then
 *    existing file) and does some work, against one that does not open it.
 * 2. Delivered jobs per second through the JobRunner on SQLite and PostgreSQL, side by side with
 *    an in-memory queue of the same concurrency (no durability) and the Slack layer's in-memory
 *    ReplyQueue width (16 in flight); with a Slack that answers at once and one that takes 200 ms.
 * `--postgres=URL` (default the local test database); PostgreSQL rows are skipped if unreachable.
 */
const JOBS = 1_000;
const CONCURRENCY = 32;
const RUNS = 5;
const PG_URL =
  process.argv.find((a) => a.startsWith('--postgres='))?.slice('--postgres='.length) ??
  'postgres://postgres@127.0.0.1:5432/test';

type ChildMode = 'baseline' | 'sqlite';
interface ChildResult {
  openMs: number;
  rssMb: number;
}

function runChild(mode: ChildMode, dataDir: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = fork(fileURLToPath(new URL('store-startup-child.js', import.meta.url)), [
      mode,
      dataDir,
    ]);
    p.once('message', (m) => {
      resolve(m as ChildResult);
    });
    p.once('error', reject);
    p.once('exit', (code) => {
      if (code !== 0) reject(new Error(`child ${mode} exited ${String(code)}`));
    });
  });
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const out = (line: string): void => void process.stdout.write(`${line}\n`);

async function startup(): Promise<void> {
  const base: number[] = [];
  const fresh: ChildResult[] = [];
  const warm: ChildResult[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'authhelp-bench-'));
    try {
      base.push((await runChild('baseline', dir)).rssMb);
      fresh.push(await runChild('sqlite', dir));
      warm.push(await runChild('sqlite', dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const b = median(base);
  out(`\nembedded store start-up (median of ${RUNS} processes; budget: 300 ms, 60 MB)`);
  out('| case | open + migrate | RSS after work | RSS added |');
  out('| --- | --- | --- | --- |');
  out(`| no store | – | ${b.toFixed(1)} MB | – |`);
  for (const [name, rows] of [
    ['new file', fresh],
    ['existing file', warm],
  ] as const) {
    const rss = median(rows.map((r) => r.rssMb));
    out(
      `| ${name} | ${median(rows.map((r) => r.openMs)).toFixed(1)} ms | ${rss.toFixed(1)} MB | ${(rss - b).toFixed(1)} MB |`,
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Jobs delivered per second from a full queue, with `latencyMs` per Slack call. */
async function throughput(store: Store, latencyMs: number): Promise<number> {
  for (let i = 0; i < JOBS; i += 1)
    await store.jobs.enqueue({
      kind: 'slack.post',
      payload: { i, text: 'x'.repeat(500) },
      channel: `C${i % 50}`,
      deadline: Date.now() + 600_000,
    });
  let sent = 0;
  const handler: JobHandler = async () => {
    if (latencyMs > 0) await sleep(latencyMs);
    sent += 1;
    return { status: 'sent' };
  };
  const runner = new JobRunner({
    queue: store.jobs,
    handler,
    concurrency: CONCURRENCY,
    pollMs: 50,
  });
  const started = performance.now();
  runner.start();
  while (sent < JOBS) await sleep(5);
  const seconds = (performance.now() - started) / 1000;
  await runner.stop(5_000);
  return JOBS / seconds;
}

/** The same work with no store: a plain in-memory semaphore. */
async function inMemory(concurrency: number, latencyMs: number, jobs = JOBS): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < jobs) {
      next += 1;
      if (latencyMs > 0) await sleep(latencyMs);
      else await Promise.resolve();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return jobs / ((performance.now() - started) / 1000);
}

/** Enqueue latency, what each ack will wait for: p50 and p99 over sequential enqueues. */
async function enqueueLatency(store: Store): Promise<[number, number]> {
  const times: number[] = [];
  for (let i = 0; i < JOBS; i += 1) {
    const t = performance.now();
    await store.jobs.enqueue({ kind: 'k', payload: { i }, deadline: Date.now() + 600_000 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const drain = await store.jobs.claim(JOBS);
  for (const job of drain) await store.jobs.complete(job);
  const at = (q: number): number => times[Math.floor(times.length * q)] ?? 0;
  return [at(0.5), at(0.99)];
}

async function withBackend<T>(
  name: 'sqlite' | 'postgres',
  work: (store: Store) => Promise<T>,
): Promise<T | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'authhelp-bench-'));
  const schema = `authhelp_bench${Date.now().toString(36)}`;
  const base = loadStoreConfig({ AUTHHELP_DATA_DIR: dir });
  const config: StoreConfig =
    name === 'sqlite'
      ? base
      : { ...base, backend: 'postgres', databaseUrl: PG_URL, databaseSchema: schema };
  let store: Store | undefined;
  try {
    store = await openStore(config, { sweepEveryMs: 0 });
    return await work(store);
  } catch (err) {
    out(`| ${name} | skipped: ${err instanceof Error ? err.message : String(err)} |`);
    return undefined;
  } finally {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
    if (name === 'postgres') await dropSchemas(schema);
  }
}

async function dropSchemas(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
  } catch {
    // Nothing was created where nothing answers.
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function jobs(): Promise<void> {
  out(
    `\ndelivered jobs per second (${JOBS} jobs, 50 channels, ${CONCURRENCY} in flight, 4 per channel)`,
  );
  out('| queue | Slack answers at once | Slack takes 200 ms | enqueue p50 / p99 |');
  out('| --- | --- | --- | --- |');
  const memFast = await inMemory(CONCURRENCY, 0);
  const memSlow = await inMemory(CONCURRENCY, 200);
  const todaySlow = await inMemory(16, 200, 400);
  out(
    `| in memory, ${CONCURRENCY} in flight (no durability) | ${memFast.toFixed(0)}/s | ${memSlow.toFixed(0)}/s | – |`,
  );
  out(`| in memory, 16 in flight (ReplyQueue today) | – | ${todaySlow.toFixed(1)}/s | – |`);
  for (const name of ['sqlite', 'postgres'] as const) {
    await withBackend(name, async (store) => {
      const [p50, p99] = await enqueueLatency(store);
      const fast = await throughput(store, 0);
      const slow = await throughput(store, 200);
      out(
        `| ${name} store | ${fast.toFixed(0)}/s | ${slow.toFixed(0)}/s (${(slow / memSlow).toFixed(2)}× in-memory, ${(slow / todaySlow).toFixed(1)}× today) | ${p50.toFixed(2)} / ${p99.toFixed(2)} ms |`,
      );
    });
  }
}

out(`node ${process.version}; store bench`);
await startup();
await jobs();
