import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Job, JobSpec } from '../../../../src/adapters/store/jobs/types.js';
import type { Store } from '../../../../src/adapters/store/types.js';
import { backendNames, createBackend, until, type Backend } from '../backends.js';

const names = await backendNames();

const HOUR = 60 * 60 * 1000;
const spec = (n: number, extra: Partial<JobSpec> = {}): JobSpec => ({
  kind: 'slack.respond',
  payload: {
    n,
    url: `https://hooks.slack.invalid/commands/T1/${n}`,
    message: { text: `reply ${n}` },
  },
  channel: 'C1',
  deadline: Date.now() + HOUR,
  ...extra,
});
const numbers = (jobs: readonly Job[]) => jobs.map((j) => j.payload['n']);

describe.each(names)('the job queue on %s', (name) => {
  let backend: Backend;
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    backend = await createBackend(name);
    // Leases of 1 s so a "crashed" claim comes back within the test.
    a = await backend.open({ leaseMs: 1_000 });
    b = await backend.open({ leaseMs: 1_000 });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await backend.cleanup();
  });

  const drain = async (s: Store) => {
    for (let jobs = await s.jobs.claim(100); jobs.length > 0; jobs = await s.jobs.claim(100))
      await Promise.all(jobs.map((j) => s.jobs.complete(j)));
  };

  it('hands a job to one claimer, oldest first, with its payload intact, until completed', async () => {
    for (const n of [1, 2, 3]) await a.jobs.enqueue(spec(n));
    const first = await b.jobs.claim(2);
    expect(numbers(first)).toEqual([1, 2]);
    expect(first[0]).toMatchObject({ kind: 'slack.respond', channel: 'C1', attempt: 0 });
    expect(first[0]!.payload).toEqual(spec(1).payload);
    const third = await a.jobs.claim(10);
    expect(numbers(third)).toEqual([3]);
    expect(await a.jobs.claim(10)).toEqual([]);
    expect(await a.jobs.stats()).toEqual({ queued: 0, active: 3 });
    for (const job of [...first, ...third]) await b.jobs.complete(job);
    await until(async () => (await a.jobs.stats()).active === 0, 'the completed jobs to leave');
  });

  it('keeps a job with notBefore in the future until then', async () => {
    await a.jobs.enqueue(spec(10, { notBefore: Date.now() + 60_000 }));
    expect(await b.jobs.claim(10)).toEqual([]);
    expect(await a.jobs.stats()).toEqual({ queued: 1, active: 0 });
  });

  it('retries at the given time with one more attempt, and releases without one', async () => {
    await a.jobs.enqueue(spec(20));
    const [job] = await a.jobs.claim(10);
    await a.jobs.retry(job!, Date.now() + 60_000, 'HTTP 500');
    expect(await b.jobs.claim(10)).toEqual([]);
    await a.jobs.enqueue(spec(21));
    const [second] = await a.jobs.claim(10);
    await a.jobs.retry(second!, Date.now(), 'HTTP 429');
    const [again] = await b.jobs.claim(10);
    expect(again).toMatchObject({ id: second!.id, attempt: 1 });
    await b.jobs.release(again!, Date.now());
    const [released] = await a.jobs.claim(10);
    expect(released).toMatchObject({ id: second!.id, attempt: 1 });
    await a.jobs.complete(released!);
  });

  it('never hands out a failed job again', async () => {
    await a.jobs.enqueue(spec(30));
    const [job] = await a.jobs.claim(10);
    await a.jobs.fail(job!, 'channel_not_found');
    expect(await b.jobs.claim(10)).toEqual([]);
  });

  it('hands a job whose lease ran out (a crashed runner) to another instance', async () => {
    await a.jobs.enqueue(spec(40));
    const [job] = await a.jobs.claim(10);
    expect(await b.jobs.claim(10)).toEqual([]);
    let reclaimed: Job[] = [];
    await until(
      async () => (reclaimed = await b.jobs.claim(10)).length > 0,
      'the lease to run out',
      10_000,
    );
    expect(reclaimed.map((j) => j.id)).toEqual([job!.id]);
    await b.jobs.complete(reclaimed[0]!);
  });

  it('gives every job to exactly one of two instances claiming at once', async () => {
    const ids = new Set<string>();
    for (let n = 0; n < 60; n += 1) ids.add(await (n % 2 ? a : b).jobs.enqueue(spec(100 + n)));
    const seen: string[] = [];
    const claimer = async (s: Store) => {
      for (let jobs = await s.jobs.claim(7); jobs.length > 0; jobs = await s.jobs.claim(7)) {
        seen.push(...jobs.map((j) => j.id));
        await Promise.all(jobs.map((j) => s.jobs.complete(j)));
      }
    };
    await Promise.all([claimer(a), claimer(b), claimer(a), claimer(b)]);
    expect(seen.length).toBe(ids.size);
    expect(new Set(seen)).toEqual(ids);
  });

  it('tells this process when a job is enqueued here', async () => {
    let told = 0;
    const off = a.jobs.onEnqueue(() => (told += 1));
    await a.jobs.enqueue(spec(50));
    off();
    await a.jobs.enqueue(spec(51));
    expect(told).toBe(1);
    await drain(a);
  });
});
