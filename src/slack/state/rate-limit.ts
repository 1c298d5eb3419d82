interface RateDecision {
  readonly allowed: boolean;
  /** When the next one will be allowed, if this one is not. */
  readonly retryAfterSeconds: number;
}

/** A per-key budget (the connection test: checks per person). A shared store can implement it. */
export interface RateLimit {
  take(key: string): Promise<RateDecision>;
}
