/** Namespaces of the store's expiring keys the Slack app uses, and how long each key lives. */
export const KEY = {
  /** Event ids already handled: Slack redelivers within minutes, an hour covers every retry. */
  event: { namespace: 'event', ttlMs: 60 * 60 * 1000 },
  /** `channel:thread:entry` already answered in a thread. */
  thread: { namespace: 'thread', ttlMs: 24 * 60 * 60 * 1000 },
  /** Events the leaked-credential guard already warned about. */
  guard: { namespace: 'guard', ttlMs: 60 * 60 * 1000 },
  /** Signed requests already accepted: a timestamp is accepted 5 min either side of now. */
  replay: { namespace: 'replay', ttlMs: 11 * 60 * 1000 },
  /** A connection test's modal already answered, by its result or by the fallback. */
  checkDone: { namespace: 'check-done', ttlMs: 60 * 60 * 1000 },
  /** Connection tests per person: 5 a minute. */
  checkRate: { namespace: 'check-rate', limit: 5, windowMs: 60_000 },
} as const;
