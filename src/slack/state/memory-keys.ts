import type { HitResult, KeyStore } from '../../adapters/store/types.js';

/**
 * The store's expiring keys and counters in one process's memory, for replies kept in memory
 * (`bench:slack` measures that path beside the store). Restarts forget; expired entries are
 * dropped as they are met.
 */
export function memoryKeyStore(now: () => number = Date.now): KeyStore {
  const keys = new Map<string, number>();
  const counters = new Map<string, { count: number; ends: number }>();
  const id = (namespace: string, key: string) => `${namespace}\u0000${key}`;
  return {
    // Decided synchronously, so two racing copies of one event cannot both claim it.
    claimOnce(namespace, key, ttlMs) {
      const k = id(namespace, key);
      const t = now();
      const expires = keys.get(k);
      if (expires !== undefined && expires > t) return Promise.resolve(false);
      keys.set(k, t + ttlMs);
      return Promise.resolve(true);
    },
    forget(namespace, key) {
      keys.delete(id(namespace, key));
      return Promise.resolve();
    },
    hit(namespace, key, limit, windowMs) {
      const k = id(namespace, key);
      const t = now();
      const current = counters.get(k);
      const window =
        current === undefined || current.ends <= t ? { count: 0, ends: t + windowMs } : current;
      window.count = Math.min(window.count + 1, limit + 1);
      counters.set(k, window);
      const result: HitResult =
        window.count <= limit
          ? { allowed: true, count: window.count, retryAfterMs: 0 }
          : { allowed: false, count: window.count, retryAfterMs: Math.max(1, window.ends - t) };
      return Promise.resolve(result);
    },
  };
}
