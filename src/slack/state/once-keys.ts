/**
 * Keys claimed once within a lifetime: a redelivered event (same `event_id`), a second paste of the
 * same error in one thread. Listeners hold it behind this interface so a shared store can stand in
 * for the in-memory one when several instances run.
 */
export interface OnceKeys {
  /** True the first time `key` is claimed within its lifetime, false for a repeat. */
  claim(key: string): Promise<boolean>;
  /** Forgets `key`: what it guarded did not happen after all, so a later try may claim it. */
  release(key: string): Promise<void>;
}

/**
 * One process's memory of claimed keys, oldest dropped first beyond `maxSize`. Restarts forget;
 * Slack's redeliveries come within minutes.
 */
export function memoryOnceKeys(options: {
  ttlMs: number;
  maxSize?: number;
  now?: () => number;
}): OnceKeys {
  const seen = new Map<string, number>();
  const maxSize = options.maxSize ?? 10_000;
  const now = options.now ?? Date.now;
  return {
    // Decided synchronously, so two racing copies of one event cannot both claim it.
    claim(key) {
      const t = now();
      const expires = seen.get(key);
      if (expires !== undefined && expires > t) return Promise.resolve(false);
      seen.delete(key);
      seen.set(key, t + options.ttlMs);
      for (const [old, until] of seen) {
        if (until > t && seen.size <= maxSize) break;
        seen.delete(old);
      }
      return Promise.resolve(true);
    },
    release(key) {
      seen.delete(key);
      return Promise.resolve();
    },
  };
}
