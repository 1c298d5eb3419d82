import type { Delivery } from './delivery.js';
import type { Origin } from './origin.js';
import type { Owed } from './owed.js';
import type { Render, Replies } from './replies.js';
import type { KeyStore } from '../../adapters/store/types.js';

/** Hands one reply to Slack; resolves once Slack took it. */
type Send = (delivery: Delivery) => Promise<void>;

/** The part of a request after its ack: compute the answer, then `send` what is owed. */
type Work = (send: Send) => Promise<void>;

export interface ReplyQueueOptions {
  /** Sends one delivery for the request at `origin` (whose workspace's token it uses). */
  readonly send: (delivery: Delivery, origin: Origin) => Promise<void>;
  /** Logs the failure and apologises to whoever waits; never throws. */
  readonly onFailure: (error: Error, origin: Origin) => Promise<void>;
  /** Where the keys of `Owed.claim` and `Owed.forgetOnFailure` live. */
  readonly keys: KeyStore;
  readonly sliceMs?: number;
  readonly maxInFlight?: number;
  readonly maxPending?: number;
  readonly idleMs?: number;
  readonly maxDelayMs?: number;
  readonly busyPauseMs?: number;
}

/**
 * Replies kept in this process's memory only, as the app ran before the store (`bench:slack`
 * measures it beside the durable path): a crash or a deploy loses what is queued.
 *
 * Runs the work that follows an ack (diagnose, render, reply) after the Slack requests already
 * waiting have been acked. Slack needs the ack within 3 s but accepts the reply later (a
 * response_url lives 30 minutes), so under a burst acks stay fast and replies queue:
 * - the listener returns once its work is queued, so Bolt lets go of the request at once;
 * - a FIFO, started for at most `sliceMs` per event-loop turn (incoming requests are read between
 *   turns), with at most `maxInFlight` items under way (their completions cost time too);
 * - while requests keep arriving (one came within `idleMs`), queued work waits so acks keep the
 *   CPU; an item waiting longer than `maxDelayMs` still starts, one per `busyPauseMs`, so replies
 *   never starve;
 * - past `maxPending` queued items, work runs at once (backpressure, never dropped).
 */
export class ReplyQueue implements Replies {
  readonly #queue: { start: () => void; at: number }[] = [];
  readonly #send: ReplyQueueOptions['send'];
  readonly #onFailure: ReplyQueueOptions['onFailure'];
  readonly #keys: KeyStore;
  readonly #sliceMs: number;
  readonly #maxInFlight: number;
  readonly #maxPending: number;
  readonly #idleMs: number;
  readonly #maxDelayMs: number;
  readonly #busyPauseMs: number;
  #inFlight = 0;
  #scheduled = false;
  #lastArrival = 0;

  constructor(options: ReplyQueueOptions) {
    this.#send = options.send;
    this.#onFailure = options.onFailure;
    this.#keys = options.keys;
    this.#sliceMs = options.sliceMs ?? 1;
    this.#maxInFlight = options.maxInFlight ?? 16;
    this.#maxPending = options.maxPending ?? 50_000;
    this.#idleMs = options.idleMs ?? 2;
    this.#maxDelayMs = options.maxDelayMs ?? 250;
    this.#busyPauseMs = options.busyPauseMs ?? 10;
  }

  get pending(): number {
    return this.#queue.length;
  }

  /** Rendered after the ack, like every reply here. */
  owe(origin: Origin, render: Render): Promise<void> {
    this.later(origin, render);
    return Promise.resolve();
  }

  later(origin: Origin, render: Render): void {
    this.defer(origin, async (send) => {
      for (const item of await render()) await this.#sendOwed(item, send);
    });
  }

  now(origin: Origin, delivery: Delivery): void {
    this.#starter(origin, (send) => send(delivery))();
  }

  async settle(ms: number): Promise<number> {
    const end = performance.now() + ms;
    while (this.#queue.length + this.#inFlight > 0 && performance.now() < end)
      await new Promise((r) => setTimeout(r, 10));
    return this.#queue.length + this.#inFlight;
  }

  async #sendOwed(item: Owed, send: Send): Promise<void> {
    const { claim } = item;
    if (
      claim !== undefined &&
      !(await this.#keys.claimOnce(claim.namespace, claim.key, claim.ttlMs))
    )
      return;
    const wait = (item.notBefore ?? 0) - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    try {
      await send(item.delivery);
    } catch (error) {
      const key = item.forgetOnFailure;
      if (key !== undefined) await this.#keys.forget(key.namespace, key.key);
      throw error;
    }
    for (const next of item.then ?? []) await this.#sendOwed(next, send);
  }

  defer(origin: Origin, work: Work): void {
    const start = this.#starter(origin, work);
    this.#lastArrival = performance.now();
    if (this.#queue.length >= this.#maxPending) start();
    else this.#queue.push({ start, at: this.#lastArrival });
    this.#schedule();
  }

  #starter(origin: Origin, work: Work): () => void {
    return () => {
      this.#inFlight += 1;
      // Work that throws synchronously still ends in the failure handler.
      Promise.resolve()
        .then(() => work((delivery) => this.#send(delivery, origin)))
        .catch((error: unknown) =>
          this.#onFailure(error instanceof Error ? error : new Error(String(error)), origin),
        )
        .finally(() => {
          this.#inFlight -= 1;
          this.#schedule();
        });
    };
  }

  #schedule(): void {
    if (this.#scheduled || this.#queue.length === 0) return;
    this.#scheduled = true;
    setImmediate(this.#drain);
  }

  readonly #drain = (): void => {
    this.#scheduled = false;
    const now = performance.now();
    const busy = now - this.#lastArrival < this.#idleMs;
    const overdue = (this.#queue[0]?.at ?? now) <= now - this.#maxDelayMs;
    if (busy) {
      // Under load one overdue item runs per pause; the rest wait for a quiet moment.
      if (overdue && this.#inFlight < this.#maxInFlight) this.#queue.shift()?.start();
      this.#scheduled = true;
      setTimeout(this.#drain, this.#busyPauseMs);
      return;
    }
    const end = now + this.#sliceMs;
    while (this.#queue.length > 0 && this.#inFlight < this.#maxInFlight) {
      this.#queue.shift()?.start();
      if (performance.now() >= end) break;
    }
    if (this.#inFlight < this.#maxInFlight) this.#schedule();
  };
}
