import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  JobRunner,
  type JobHandler,
  type JobOutcome,
  type RunnerEvent,
} from '../../../../src/adapters/store/jobs/runner.js';
import type { Job, JobSpec } from '../../../../src/adapters/store/jobs/types.js';
import type { Store } from '../../../../src/adapters/store/types.js';
import { backendNames, createBackend, until, type Backend } from '../backends.js';

const names = await backendNames();

const HOUR = 60 * 60 * 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stand-in for Slack: what it was sent, and a script of answers per job. */
class Recorder {
  readonly sent = new Map<string, number>();
  readonly tries: { key: string; attempt: number; at: number }[] = [];
  readonly events: RunnerEvent[] = [];
  readonly handler: JobHandler;
  constructor(
    answer: (job: Job, signal: AbortSignal) => Promise<JobOutcome> = () =>
      Promise.resolve({ status: 'sent' }),
  ) {
    this.handler = async (job, signal) => {
      const key = String(job.payload['key']);
      this.tries.push({ key, attempt: job.attempt, at: Date.now() });
      const outcome = await answer(job, signal);
      if (outcome.status === 'sent') this.sent.set(key, (this.sent.get(key) ?? 0) + 1);
      return outcome;
    };
  }
  count(type: RunnerEvent['type']): number {
    return this.events.filter((e) => e.type === type).length;
  }
}

const spec = (key: string, extra: Partial<JobSpec> = {}): JobSpec => ({
  kind: 'slack.post',
  payload: { key },
  channel: 'C1',
  deadline: Date.now() + HOUR,
  ...extra,
});

describe.each(names)('the job runner on %s', (name) => {
  let backend: Backend;
  let store: Store;
  let other: Store;
  beforeAll(async () => {
    backend = await createBackend(name);
    store = await backend.open({ leaseMs: 2_000 });
    other = await backend.open({ leaseMs: 2_000 });
  });
  afterAll(async () => {
    await store.close();
    await other.close();
    await backend.cleanup();
  });

  const runner = (recorder: Recorder, s: Store = store, extra = {}) =>
    new JobRunner({
      queue: s.jobs,
      handler: recorder.handler,
      pollMs: 100,
      onEvent: (e) => recorder.events.push(e),
      ...extra,
    });

  it('sends every job once, across channels, and reports the count on stop', async () => {
    const recorder = new Recorder(async () => {
      await sleep(5);
      return { status: 'sent' };
    });
    const r = runner(recorder);
    r.start();
    const keys = Array.from({ length: 60 }, (_, i) => `all-${i}`);
    await Promise.all(keys.map((k, i) => store.jobs.enqueue(spec(k, { channel: `C${i % 6}` }))));
    await until(() => recorder.sent.size === keys.length, 'every job to be sent');
    expect(await r.stop(1_000)).toEqual({ sent: 60, handedBack: 0 });
    expect([...recorder.sent.values()].every((n) => n === 1)).toBe(true);
    expect(await store.jobs.stats()).toEqual({ queued: 0, active: 0 });
  });

  it("waits for Slack's Retry-After before trying again", async () => {
    const recorder = new Recorder((job) =>
      Promise.resolve(
        job.attempt === 0
          ? { status: 'retry', reason: 'HTTP 429', retryAfterMs: 1_500 }
          : { status: 'sent' },
      ),
    );
    const r = runner(recorder);
    r.start();
    await store.jobs.enqueue(spec('rate-limited'));
    await until(() => recorder.sent.has('rate-limited'), 'the retried job to be sent');
    await r.stop(1_000);
    const [first, second] = recorder.tries;
    expect(second!.attempt).toBe(1);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1_400);
  });

  it('does not retry a permanent error, and says so once', async () => {
    const recorder = new Recorder(() =>
      Promise.resolve({ status: 'failed', reason: 'channel_not_found' }),
    );
    const r = runner(recorder);
    r.start();
    await store.jobs.enqueue(spec('gone'));
    await until(() => recorder.count('failed') === 1, 'the failure');
    await sleep(300);
    await r.stop(1_000);
    expect(recorder.tries).toHaveLength(1);
    expect(recorder.events.find((e) => e.type === 'failed')).toMatchObject({
      reason: 'channel_not_found',
    });
    expect(await store.jobs.stats()).toEqual({ queued: 0, active: 0 });
  });

  it('gives up at the deadline (a trigger_id lasts 3 s), retrying errors and throws until then', async () => {
    const recorder = new Recorder(() => Promise.reject(new Error('socket hang up')));
    const r = runner(recorder);
    r.start();
    await store.jobs.enqueue(spec('short-lived', { deadline: Date.now() + 3_000 }));
    await store.jobs.enqueue(spec('already-late', { deadline: Date.now() - 1 }));
    await until(() => recorder.count('failed') === 2, 'both to be given up', 10_000);
    await r.stop(1_000);
    const reasons = (key: string) =>
      recorder.events.flatMap((e) =>
        e.type === 'failed' && e.job.payload['key'] === key ? [e.reason] : [],
      );
    expect(reasons('already-late')).toEqual(['deadline passed before sending']);
    // Given up once, at the deadline: when the last retry's delay would pass it, or, on a loaded
    // machine, when a retry due just before it is claimed just after it.
    expect(reasons('short-lived')).toHaveLength(1);
    expect(reasons('short-lived')[0]).toMatch(
      /^(?:socket hang up; deadline passed|deadline passed before sending)$/,
    );
    expect(recorder.tries.filter((t) => t.key === 'already-late')).toHaveLength(0);
    expect(recorder.tries.filter((t) => t.key === 'short-lived').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps one slow channel to its share, so other channels are answered meanwhile', async () => {
    let slowNow = 0;
    let slowMost = 0;
    const finished: string[] = [];
    const recorder = new Recorder(async (job) => {
      const slow = job.channel === 'C-slow';
      if (slow) slowMost = Math.max(slowMost, (slowNow += 1));
      await sleep(slow ? 300 : 10);
      if (slow) slowNow -= 1;
      finished.push(String(job.channel));
      return { status: 'sent' };
    });
    const r = runner(recorder, store, { concurrency: 8, channelConcurrency: 2 });
    for (let i = 0; i < 12; i += 1)
      await store.jobs.enqueue(spec(`slow-${i}`, { channel: 'C-slow' }));
    for (let i = 0; i < 4; i += 1)
      await store.jobs.enqueue(spec(`fast-${i}`, { channel: `C-fast${i}` }));
    r.start();
    await until(() => recorder.sent.size === 16, 'all sixteen', 20_000);
    await r.stop(1_000);
    expect(slowMost).toBe(2);
    // Every fast channel was answered before the slow one was half done.
    const lastFast = finished.lastIndexOf('C-fast3');
    expect(finished.slice(0, lastFast + 1).filter((c) => c === 'C-slow').length).toBeLessThan(6);
    expect([...recorder.sent.values()].every((n) => n === 1)).toBe(true);
  });

  // The configuration keeps the lease at twice this limit, so a try that hangs is given up and
  // retried by this runner before any other instance could claim the job.
  it('gives up a try that outlives its time limit, even one that ignores its signal', async () => {
    let first = true;
    const hanging = new Recorder(() => {
      if (!first) return Promise.resolve({ status: 'sent' });
      first = false;
      return new Promise<never>(() => undefined);
    });
    const r = runner(hanging, store, { attemptTimeoutMs: 300 });
    r.start();
    await store.jobs.enqueue(spec('hangs-once'));
    await until(() => hanging.sent.get('hangs-once') === 1, 'the retry to send it', 10_000);
    await r.stop(1_000);
    // The events' types, not just the retry: when it is missing, the failure shows what happened
    // instead (an 'error' from the store, a 'handed-back' on stop).
    expect(hanging.events.map((e) => e.type)).toContain('retry');
    expect(hanging.tries.map((t) => t.attempt)).toEqual([0, 1]);
  });

  it('hands unfinished work back on stop, and another instance sends it', async () => {
    const stuck = new Recorder(
      (_job, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            reject(new Error('aborted'));
          });
        }),
    );
    const first = runner(stuck);
    first.start();
    for (let i = 0; i < 5; i += 1)
      await store.jobs.enqueue(spec(`deploy-${i}`, { channel: `D${i % 2}` }));
    await until(() => stuck.tries.length >= 4, 'tries to start');
    const result = await first.stop(200);
    // Those in flight (and any claimed but waiting) go back; one may not have been claimed yet.
    expect(result.sent).toBe(0);
    expect(result.handedBack).toBeGreaterThanOrEqual(4);
    const next = new Recorder();
    const second = runner(next, other);
    second.start();
    await until(() => next.sent.size === 5, 'the next instance to send them');
    await second.stop(1_000);
    expect([...next.sent.values()].every((n) => n === 1)).toBe(true);
  });
});
