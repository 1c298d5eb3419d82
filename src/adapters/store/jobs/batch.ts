export interface BatchOptions {
  /**
   * Gather for this long after the first call instead of one event-loop turn: for writes nobody
   * waits on (completions, records), so a steady trickle is one statement, not one per call.
   */
  readonly waitMs?: number;
  /** At most this many items per write (a statement's parameters are bounded). */
  readonly max?: number;
}

/** Items per write by default: 1,000 rows of a dozen parameters stay under PostgreSQL's 65,535. */
const MAX_BATCH = 1_000;

/**
 * Gathers the calls made in one event-loop turn (or `waitMs`) and writes them together: one
 * transaction on SQLite, one statement on PostgreSQL. Each caller's promise settles with its
 * batch, so a caller still learns that its own write is durable (or failed) before it goes on.
 */
export function batched<T, R>(
  write: (items: readonly T[]) => Promise<readonly R[]>,
  options: BatchOptions = {},
): (item: T) => Promise<R> {
  const max = options.max ?? MAX_BATCH;
  let pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  const flush = (): void => {
    const all = pending;
    pending = [];
    for (let at = 0; at < all.length; at += max) writeOne(all.slice(at, at + max));
  };
  const writeOne = (batch: typeof pending): void => {
    Promise.resolve(batch.map((p) => p.item))
      .then(write)
      .then(
        (results) => {
          batch.forEach((p, i) => {
            p.resolve(results[i] as R);
          });
        },
        (error: unknown) => {
          for (const p of batch) p.reject(error);
        },
      );
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      // Requests read in this turn are written after it, together.
      if (pending.length === 0) {
        if (options.waitMs === undefined) setImmediate(flush);
        else setTimeout(flush, options.waitMs);
      }
      pending.push({ item, resolve, reject });
    });
}
