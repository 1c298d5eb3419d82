const BASE_MS = 1_000;
const MAX_MS = 60_000;

/**
 * Delay before try `attempt + 1`: exponential from 1 s to 60 s with jitter (half fixed, half
 * random, so many replies failing together do not come back together), and never sooner than
 * Slack's Retry-After.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.min(attempt, 16));
  const backoff = ceiling / 2 + (ceiling / 2) * random();
  return Math.max(Math.round(backoff), retryAfterMs ?? 0);
}
