import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { JobRunner } from '../../../src/adapters/store/jobs/runner.js';
import type { StoreConfig } from '../../../src/config.js';
import { backendNames, createBackend, until, type Backend } from './backends.js';

// Real processes on the built store (dist/, as `npm start` runs it): one is killed with SIGKILL
// while it holds claimed jobs, or two race for the same keys and jobs.

const names = await backendNames();
const OPEN = pathToFileURL(
  join(fileURLToPath(new URL('../../..', import.meta.url)), 'dist/adapters/store/open.js'),
).href;

/** The child: opens the store, then holds jobs (and never finishes them) or races for keys and jobs. */
const CHILD = `
import { openStore } from ${JSON.stringify(OPEN)};
const { mode, config, leaseMs, keys, startAt } = JSON.parse(process.env.STORE_CHILD);
const store = await openStore(config, { leaseMs, sweepEveryMs: 0 });
if (mode === 'hold') {
  let held = [];
  while (held.length === 0) held = await store.jobs.claim(100);
  process.stdout.write(JSON.stringify({ held: held.map((j) => j.id) }) + '\\n');
  setInterval(() => {}, 1000);
} else {
  await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
  const won = [];
  for (const key of keys) if (await store.keys.claimOnce('event', key, 60000)) won.push(key);
  const sent = [];
  for (let jobs = await store.jobs.claim(5); jobs.length > 0; jobs = await store.jobs.claim(5)) {
    for (const job of jobs) { sent.push(job.id); await store.jobs.complete(job); }
  }
  process.stdout.write(JSON.stringify({ won, sent }) + '\\n');
  await store.close();
}
`;

interface Child {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly firstLine: Promise<Record<string, string[]>>;
}

function startChild(file: string, env: object): Child {
  const proc = spawn(process.execPath, [file], {
    env: { ...process.env, STORE_CHILD: JSON.stringify(env) },
  });
  let out = '';
  let err = '';
  const firstLine = new Promise<Record<string, string[]>>((resolve, reject) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line !== undefined)
        resolve(JSON.parse(line) as Record<string, string[]>);
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`child exited ${String(code)}: ${err}`));
    });
  });
  return { proc, firstLine };
}

/** The config a child can take as JSON (no encryption keys needed here). */
const jsonConfig = (backend: Backend): StoreConfig => ({
  ...backend.config([]),
  encryptionKeys: [],
});

describe.each(names)('store processes on %s', (name) => {
  let backend: Backend;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    backend = await createBackend(name);
    dir = mkdtempSync(join(tmpdir(), 'authhelp-crash-'));
    file = join(dir, 'child.mjs');
    writeFileSync(file, CHILD);
    // Create the schema before the children race to open it.
    await (await backend.open()).close();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await backend.cleanup();
  });

  it('sends, from another process, every job a process held when it was killed with SIGKILL', async () => {
    const store = await backend.open({ leaseMs: 1_500 });
    try {
      const ids = new Set<string>();
      for (let i = 0; i < 20; i += 1)
        ids.add(
          await store.jobs.enqueue({
            kind: 'slack.respond',
            payload: { i },
            channel: `C${i % 3}`,
            deadline: Date.now() + 600_000,
          }),
        );
      const holder = startChild(file, {
        mode: 'hold',
        config: jsonConfig(backend),
        leaseMs: 1_500,
      });
      const { held } = await holder.firstLine;
      expect(new Set(held)).toEqual(ids);
      holder.proc.kill('SIGKILL');
      await new Promise((r) => holder.proc.once('exit', r));
      // Still leased to the dead process for a moment: nobody may take it yet.
      expect(await store.jobs.claim(100)).toEqual([]);
      const sent: string[] = [];
      const runner = new JobRunner({
        queue: store.jobs,
        pollMs: 100,
        handler: (job) => {
          sent.push(job.id);
          return Promise.resolve({ status: 'sent' });
        },
      });
      runner.start();
      await until(() => sent.length >= ids.size, 'the held jobs to be sent', 15_000);
      await runner.stop(1_000);
      expect(sent.length).toBe(ids.size);
      expect(new Set(sent)).toEqual(ids);
    } finally {
      await store.close();
    }
  });

  it('gives each key and each job to exactly one of two racing processes', async () => {
    const store = await backend.open();
    const jobs = new Set<string>();
    try {
      for (let i = 0; i < 100; i += 1)
        jobs.add(
          await store.jobs.enqueue({ kind: 'k', payload: { i }, deadline: Date.now() + 600_000 }),
        );
    } finally {
      await store.close();
    }
    const keys = Array.from({ length: 200 }, (_, i) => `Ev-race-${i}`);
    const env = {
      mode: 'race',
      config: jsonConfig(backend),
      leaseMs: 60_000,
      keys,
      startAt: Date.now() + 1_500,
    };
    const [a, b] = await Promise.all([
      startChild(file, env).firstLine,
      startChild(file, env).firstLine,
    ]);
    const won = [...a['won']!, ...b['won']!];
    const sent = [...a['sent']!, ...b['sent']!];
    expect(won.length).toBe(keys.length);
    expect(new Set(won)).toEqual(new Set(keys));
    expect(sent.length).toBe(jobs.size);
    expect(new Set(sent)).toEqual(jobs);
  });
});
