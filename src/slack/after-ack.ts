/** Where failures of deferred work go: the app's one error handler (log + private apology). */
export type DeferredErrorHandler = (args: { error: Error; body: unknown }) => Promise<void>;

/**
 * Runs the work that follows an ack (diagnose, render, reply) after the Slack requests already
 * waiting have been acked. Slack needs the ack within 3 s but accepts the reply later (a
 * response_url lives 30 minutes), so under a burst acks stay fast and replies queue:
 * - the listener returns once its work is queued, so Bolt lets go of the request at once;
 * - a FIFO, started for at most `sliceMs` per event-loop turn (incoming requests are read between
 *   turns), with at most `maxInFlight` replies under way (their completions cost time too);
 * - while requests keep arriving (one came within `idleMs`), queued work waits so acks keep the
 *   CPU; an item waiting longer than `maxDelayMs` still starts, one per `busyPauseMs`, so replies
 *   never starve;
 * - past `maxPending` queued items, work runs at once (backpressure, never dropped).
 */
export class AfterAck {
  readonly #queue: { start: () => void; at: number }[] = [];
  readonly #onError: DeferredErrorHandler;
  readonly #sliceMs: number;
  readonly #maxInFlight: number;
  readonly #maxPending: number;
  readonly #idleMs: number;
  readonly #maxDelayMs: number;
  readonly #busyPauseMs: number;
  #inFlight = 0;
  #scheduled = false;
  #lastArrival = 0;

  constructor(
    onError: DeferredErrorHandler,
    options: {
      sliceMs?: number;
      maxInFlight?: number;
      maxPending?: number;
      idleMs?: number;
      maxDelayMs?: number;
      busyPauseMs?: number;
    } = {},
  ) {
    this.#onError = onError;
    this.#sliceMs = options.sliceMs ?? 1;
    this.#maxInFlight = options.maxInFlight ?? 2;
    this.#maxPending = options.maxPending ?? 50_000;
    this.#idleMs = options.idleMs ?? 2;
    this.#maxDelayMs = options.maxDelayMs ?? 250;
    this.#busyPauseMs = options.busyPauseMs ?? 10;
  }

  get pending(): number {
    return this.#queue.length;
  }

  /** Queues `work`; `body` (the Slack payload) tells the error handler whom to apologise to. */
  run(work: () => Promise<void>, body: unknown): void {
    const start = (): void => {
      this.#inFlight += 1;
      work()
        .catch((error: unknown) =>
          this.#onError({ error: error instanceof Error ? error : new Error(String(error)), body }),
        )
        .finally(() => {
          this.#inFlight -= 1;
          this.#schedule();
        });
    };
    this.#lastArrival = performance.now();
    if (this.#queue.length >= this.#maxPending) start();
    else this.#queue.push({ start, at: this.#lastArrival });
    this.#schedule();
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
