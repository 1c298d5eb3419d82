/**
 * Remembers keys for a while, so a redelivered event (same `event_id`) or a second paste of the same
 * error in one thread is not answered twice. In memory: one process, restarts forget (acceptable,
 * Slack's retries come within minutes).
 */
export class TtlSet {
  readonly #seen = new Map<string, number>();
  readonly #ttlMs: number;
  readonly #maxSize: number;
  readonly #now: () => number;

  constructor(options: { ttlMs: number; maxSize?: number; now?: () => number }) {
    this.#ttlMs = options.ttlMs;
    this.#maxSize = options.maxSize ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** Adds the key; false if it was already there (and not expired). */
  add(key: string): boolean {
    const now = this.#now();
    const expires = this.#seen.get(key);
    if (expires !== undefined && expires > now) return false;
    this.#seen.delete(key);
    this.#seen.set(key, now + this.#ttlMs);
    this.#evict(now);
    return true;
  }

  delete(key: string): void {
    this.#seen.delete(key);
  }

  get size(): number {
    return this.#seen.size;
  }

  /** Drops expired keys from the oldest end, and the oldest ones beyond the size cap. */
  #evict(now: number): void {
    for (const [key, expires] of this.#seen) {
      if (expires > now && this.#seen.size <= this.#maxSize) break;
      this.#seen.delete(key);
    }
  }
}
