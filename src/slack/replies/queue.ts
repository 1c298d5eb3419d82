import type { Delivery } from './delivery.js';
import type { Origin } from './origin.js';

/** Hands one reply to Slack; resolves once Slack took it. */
export type Send = (delivery: Delivery) => Promise<void>;

/** The part of a request after its ack: compute the answer, then `send` what is owed. */
export type Work = (send: Send) => Promise<void>;

/** The one path for every reply after an ack: a queue, one sender, one failure handler. */
export interface Replies {
  /** Queues `work` behind the acks of requests still arriving. */
  defer(origin: Origin, work: Work): void;
  /** Starts `work` at once, on the same path: a trigger_id lives about 3 s, too short to queue. */
  now(origin: Origin, work: Work): void;
}

export interface ReplyQueueOptions {
  /** Sends one delivery for the request at `origin` (whose workspace's token it uses). */
  readonly send: (delivery: Delivery, origin: Origin) => Promise<void>;
  /** Logs the failure and apologises to whoever waits; never throws. */
  readonly onFailure: (error: Error, origin: Origin) => Promise<void>;
  readonly sliceMs?: number;
  readonly maxInFlight?: number;
  readonly maxPending?: number;
  readonly idleMs?: number;
  readonly maxDelayMs?: number;
  readonly busyPauseMs?: number;
}

/**
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

  defer(origin: Origin, work: Work): void {
    const start = this.#starter(origin, work);
    this.#lastArrival = performance.now();
    if (this.#queue.length >= this.#maxPending) start();
    else this.#queue.push({ start, at: this.#lastArrival });
    this.#schedule();
  }

  now(origin: Origin, work: Work): void {
    this.#starter(origin, work)();
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
