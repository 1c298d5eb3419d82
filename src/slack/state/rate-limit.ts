interface RateDecision {
  readonly allowed: boolean;
  /** When the next one will be allowed, if this one is not. */
  readonly retryAfterSeconds: number;
}

/** A per-key budget (the connection test: checks per person). A shared store can implement it. */
export interface RateLimit {
  take(key: string): Promise<RateDecision>;
}

/** Sliding window in one process: at most `limit` in `windowMs` per key (default 5 a minute). */
export function memoryRateLimit(
  options: { limit?: number; windowMs?: number; now?: () => number } = {},
): RateLimit {
  const limit = options.limit ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const history = new Map<string, number[]>();
  return {
    take(key) {
      const t = now();
      const recent = (history.get(key) ?? []).filter((s) => t - s < windowMs);
      if (recent.length >= limit) {
        history.set(key, recent);
        const oldest = recent[0] ?? t;
        const retryAfterSeconds = Math.max(1, Math.ceil((oldest + windowMs - t) / 1000));
        return Promise.resolve({ allowed: false, retryAfterSeconds });
      }
      recent.push(t);
      history.set(key, recent);
      return Promise.resolve({ allowed: true, retryAfterSeconds: 0 });
    },
  };
}
