export interface RateDecision {
  readonly allowed: boolean;
  /** When the next check will be allowed, if this one is not. */
  readonly retryAfterSeconds: number;
}

export interface RateLimiter {
  take(user: string): RateDecision;
}

/** Sliding window per user: at most `limit` checks in `windowMs` (default 5 a minute). */
export function createRateLimiter(
  options: { limit?: number; windowMs?: number; now?: () => number } = {},
): RateLimiter {
  const limit = options.limit ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const history = new Map<string, number[]>();
  return {
    take(user) {
      const t = now();
      const recent = (history.get(user) ?? []).filter((s) => t - s < windowMs);
      if (recent.length >= limit) {
        history.set(user, recent);
        const oldest = recent[0] ?? t;
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - t) / 1000)),
        };
      }
      recent.push(t);
      history.set(user, recent);
      return { allowed: true, retryAfterSeconds: 0 };
    },
  };
}
