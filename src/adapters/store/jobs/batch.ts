/**
 * Gathers the calls made in one event-loop turn and writes them together: one transaction on
 * SQLite, one statement on PostgreSQL. Each caller's promise settles with its batch, so a caller
 * still learns that its own write is durable (or failed) before it goes on.
 */
export function batched<T, R>(
  write: (items: readonly T[]) => Promise<readonly R[]>,
): (item: T) => Promise<R> {
  let pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  const flush = (): void => {
    const batch = pending;
    pending = [];
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
      if (pending.length === 0) setImmediate(flush);
      pending.push({ item, resolve, reject });
    });
}
