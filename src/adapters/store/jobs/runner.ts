import type { Clock } from '../types.js';
import { retryDelayMs } from './backoff.js';
import type { Job, JobQueue } from './types.js';

/** What a handler says after one try: only `sent` (Slack answered ok) completes a job. */
export type JobOutcome =
  | { readonly status: 'sent' }
  /** 429, 5xx, a timeout or a dropped connection; `retryAfterMs` from Retry-After when given. */
  | { readonly status: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  /** A permanent error (channel_not_found, not_in_channel, invalid_auth …): never retried. */
  | { readonly status: 'failed'; readonly reason: string };

/** Sends one job; `signal` aborts when the try takes too long or the runner is stopped hard. */
export type JobHandler = (job: Job, signal: AbortSignal) => Promise<JobOutcome>;

export type RunnerEvent =
  | { readonly type: 'sent'; readonly job: Job }
  | { readonly type: 'retry'; readonly job: Job; readonly reason: string; readonly at: number }
  | { readonly type: 'failed'; readonly job: Job; readonly reason: string }
  | { readonly type: 'handed-back'; readonly job: Job }
  | { readonly type: 'error'; readonly error: unknown; readonly job?: Job };

export interface JobRunnerOptions {
  readonly queue: JobQueue;
  readonly handler: JobHandler;
  /** Tries in flight at once in this process (default 64). */
  readonly concurrency?: number;
  /** Of those, at most this many for one channel (default 4). */
  readonly channelConcurrency?: number;
  /** How often to look for due jobs when nothing was enqueued here (default 1 s). */
  readonly pollMs?: number;
  /** One try is aborted after this long (default 15 s, well inside the queue's lease). */
  readonly attemptTimeoutMs?: number;
  readonly now?: Clock;
  readonly random?: () => number;
  /** Every outcome, for logs and tests; must not throw. */
  readonly onEvent?: (event: RunnerEvent) => void;
}

export interface StopResult {
  /** Jobs sent since the runner started. */
  readonly sent: number;
  /** Jobs given back to the store for the next instance. */
  readonly handedBack: number;
}

/** Claims are at least this far apart while jobs keep finishing or arriving. */
const CLAIM_GAP_MS = 10;
/** Jobs claimed at once: small claims keep each store write, and what follows it, short. */
const CLAIM_BATCH = 16;
/** Tries started in one event-loop turn before the runner yields to I/O (acks). */
const START_CHUNK = 4;

/** How long a job whose channel is busy here waits before it is handed back for later. */
const BUSY_CHANNEL_DEFER_MS = 500;

/**
 * Takes due jobs from the queue and sends them with `handler`: at most `concurrency` at once and
 * `channelConcurrency` per channel, retrying with backoff (and Retry-After) until the job's
 * deadline, failing on permanent errors. Jobs for a busy channel wait here (a few) or go back to
 * the queue, so one slow conversation never holds every slot.
 */
export class JobRunner {
  readonly #o: Required<Omit<JobRunnerOptions, 'onEvent'>> & Pick<JobRunnerOptions, 'onEvent'>;
  /** Tries under way, from the handler's start until the store has recorded the outcome. */
  readonly #running = new Map<Job, AbortController>();
  /** Of those, the ones whose handler has answered and whose outcome is being written. */
  readonly #settling = new Set<Job>();
  /** Of those, the ones stop() gave back while their handler was still working. */
  readonly #abandoned = new Set<Job>();
  readonly #perChannel = new Map<string, number>();
  readonly #waiting = new Map<string, Job[]>();
  #waitingCount = 0;
  #sent = 0;
  #handedBack = 0;
  #stopping = false;
  #pumping = false;
  /** The claim under way, if any: stop() waits for it so no job is claimed after it returns. */
  #claiming: Promise<void> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #soon: NodeJS.Timeout | undefined;
  #lastClaim = -Infinity;
  #unsubscribe: (() => void) | undefined;
  readonly #idle = new Set<() => void>();

  constructor(options: JobRunnerOptions) {
    this.#o = {
      concurrency: 64,
      channelConcurrency: 4,
      pollMs: 1_000,
      attemptTimeoutMs: 15_000,
      now: Date.now,
      random: Math.random,
      ...options,
    };
  }

  start(): void {
    this.#unsubscribe = this.#o.queue.onEnqueue(() => {
      this.#pumpSoon();
    });
    void this.#pump();
  }

  /**
   * Claims again soon, but at most once per CLAIM_GAP_MS: each claim is a store write, and under
   * load one claim per finished or new job would take the time the HTTP receiver needs for acks.
   */
  #pumpSoon(): void {
    if (this.#soon !== undefined || this.#stopping) return;
    const wait = Math.max(0, this.#lastClaim + CLAIM_GAP_MS - performance.now());
    this.#soon = setTimeout(() => {
      this.#soon = undefined;
      void this.#pump();
    }, wait);
  }

  /** Tries in flight now. */
  get inFlight(): number {
    return this.#running.size;
  }

  /**
   * Stops taking jobs, hands back the ones waiting here, lets tries in flight finish for `graceMs`
   * and hands back what is still unfinished (it may then be sent twice, never lost).
   */
  async stop(graceMs: number): Promise<StopResult> {
    this.#stopping = true;
    this.#unsubscribe?.();
    clearTimeout(this.#timer);
    clearTimeout(this.#soon);
    this.#soon = undefined;
    // A claim under way hands its jobs back (it sees #stopping) before the waiting ones are read.
    await this.#claiming;
    const waiting = [...this.#waiting.values()].flat();
    this.#waiting.clear();
    this.#waitingCount = 0;
    await Promise.all(waiting.map((job) => this.#handBack(job)));
    await this.#untilIdle(graceMs);
    // Still working after the grace period: abort and give back (it may be sent twice, never lost).
    const unfinished = [...this.#running.entries()].filter(([job]) => !this.#settling.has(job));
    for (const [job, controller] of unfinished) {
      this.#abandoned.add(job);
      controller.abort(new Error('shutting down'));
    }
    await Promise.all(unfinished.map(([job]) => this.#handBack(job)));
    // Outcomes being written are short store writes: let them land.
    await this.#untilIdle(graceMs);
    return { sent: this.#sent, handedBack: this.#handedBack };
  }

  async #untilIdle(ms: number): Promise<void> {
    if (this.#running.size === 0) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#idle.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#idle.add(done);
    });
  }

  #pump(): Promise<void> {
    if (this.#stopping) return Promise.resolve();
    if (this.#pumping) {
      this.#again = true;
      return Promise.resolve();
    }
    this.#pumping = true;
    this.#claiming = this.#claimDue();
    return this.#claiming;
  }

  async #claimDue(): Promise<void> {
    clearTimeout(this.#timer);
    try {
      let more = true;
      while (more) {
        this.#again = false;
        const room = Math.min(
          CLAIM_BATCH,
          this.#o.concurrency - this.#running.size - this.#waitingCount,
        );
        if (room <= 0) break;
        this.#lastClaim = performance.now();
        const jobs = await this.#o.queue.claim(room);
        for (const [i, job] of jobs.entries()) {
          // Starting a try costs CPU too: requests waiting for their ack are read in between.
          if (i > 0 && i % START_CHUNK === 0) await new Promise((r) => setImmediate(r));
          await this.#admit(job);
        }
        // A full batch may mean more are due; an enqueue while claiming certainly does.
        more = (jobs.length === room || this.#wokenMeanwhile()) && !this.#isStopping();
      }
    } catch (error) {
      this.#emit({ type: 'error', error });
    } finally {
      this.#pumping = false;
      if (!this.#isStopping()) {
        this.#timer = setTimeout(() => void this.#pump(), this.#o.pollMs);
        this.#timer.unref();
      }
    }
  }

  // Read through methods: other tries change these while a claim is awaited.
  #wokenMeanwhile(): boolean {
    return this.#again;
  }

  #isStopping(): boolean {
    return this.#stopping;
  }

  async #admit(job: Job): Promise<void> {
    if (this.#stopping) return this.#handBack(job);
    if (this.#o.now() > job.deadline) return this.#fail(job, 'deadline passed before sending');
    const channel = job.channel;
    if (
      channel === undefined ||
      (this.#perChannel.get(channel) ?? 0) < this.#o.channelConcurrency
    ) {
      this.#startTry(job);
      return;
    }
    const queue = this.#waiting.get(channel) ?? [];
    if (queue.length < this.#o.channelConcurrency) {
      queue.push(job);
      this.#waiting.set(channel, queue);
      this.#waitingCount += 1;
      return;
    }
    // Later jobs of a busy channel go back to the store, spread out so they do not all return at once.
    const later = BUSY_CHANNEL_DEFER_MS * (1 + queue.length / this.#o.channelConcurrency);
    await this.#settle(job, () => this.#o.queue.release(job, this.#o.now() + later));
  }

  #startTry(job: Job): void {
    const controller = new AbortController();
    this.#running.set(job, controller);
    if (job.channel !== undefined)
      this.#perChannel.set(job.channel, (this.#perChannel.get(job.channel) ?? 0) + 1);
    // A timer of our own, not AbortSignal.timeout: a timeout signal that only an AbortSignal.any
    // and a listener refer to can be collected before it fires, and the try then outlived its
    // limit until the lease ran out and another try sent the same job (seen in CI).
    const timer = setTimeout(() => {
      controller.abort(new Error(`try timed out after ${String(this.#o.attemptTimeoutMs)} ms`));
    }, this.#o.attemptTimeoutMs);
    const signal = controller.signal;
    // The try ends when the handler answers or its signal aborts, whichever is first: a handler
    // that ignores the signal still cannot outlive the lease (config keeps it ≥ 2× the limit).
    void Promise.race([this.#o.handler(job, signal), aborted(signal)])
      .catch((error: unknown) => ({
        status: 'retry' as const,
        reason: error instanceof Error ? error.message : String(error),
      }))
      .then(async (outcome) => {
        // Stopped hard: stop() already handed it back.
        if (this.#abandoned.has(job)) return;
        this.#settling.add(job);
        await this.#finish(job, outcome);
      })
      .finally(() => {
        clearTimeout(timer);
        this.#running.delete(job);
        this.#settling.delete(job);
        this.#abandoned.delete(job);
        this.#leaveChannel(job);
        if (this.#running.size === 0) for (const resolve of this.#idle) resolve();
        this.#pumpSoon();
      });
  }

  #leaveChannel(job: Job): void {
    const channel = job.channel;
    if (channel === undefined) return;
    const left = (this.#perChannel.get(channel) ?? 1) - 1;
    if (left > 0) this.#perChannel.set(channel, left);
    else this.#perChannel.delete(channel);
    const next = this.#waiting.get(channel)?.shift();
    if (next === undefined) return;
    this.#waitingCount -= 1;
    if (this.#waiting.get(channel)?.length === 0) this.#waiting.delete(channel);
    void this.#admit(next);
  }

  async #finish(job: Job, outcome: JobOutcome): Promise<void> {
    if (outcome.status === 'sent') {
      this.#sent += 1;
      await this.#settle(job, () => this.#o.queue.complete(job));
      this.#emit({ type: 'sent', job });
      return;
    }
    if (outcome.status === 'failed') return this.#fail(job, outcome.reason);
    const delay = retryDelayMs(job.attempt, outcome.retryAfterMs, this.#o.random);
    const at = this.#o.now() + delay;
    if (at > job.deadline) return this.#fail(job, `${outcome.reason}; deadline passed`);
    await this.#settle(job, () => this.#o.queue.retry(job, at, outcome.reason));
    this.#emit({ type: 'retry', job, reason: outcome.reason, at });
  }

  async #fail(job: Job, reason: string): Promise<void> {
    await this.#settle(job, () => this.#o.queue.fail(job, reason));
    this.#emit({ type: 'failed', job, reason });
  }

  async #handBack(job: Job): Promise<void> {
    this.#handedBack += 1;
    await this.#settle(job, () => this.#o.queue.release(job, this.#o.now()));
    this.#emit({ type: 'handed-back', job });
  }

  /** A store error leaves the job leased: its lease runs out and it is tried again, not lost. */
  async #settle(job: Job, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.#emit({ type: 'error', error, job });
    }
  }

  #emit(event: RunnerEvent): void {
    try {
      this.#o.onEvent?.(event);
    } catch {
      // A logging hook must not break delivery.
    }
  }
}

/** Rejects with the signal's reason once it aborts (never settles otherwise). */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    const abort = (): void => {
      reject(signal.reason instanceof Error ? signal.reason : new Error('try timed out'));
    };
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}
