import type { InstallationStore } from './installations.js';
import type { JobQueue } from './jobs/types.js';
import type { LearningStore } from './learning.js';

/**
 * The app's durable state, one interface over two back ends: an embedded SQLite file (one
 * machine) or PostgreSQL shared by every instance. Listeners see only the small parts they need.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Where the data lives, for logs and `authhelp migrate`; never a password. */
  readonly location: string;
  readonly keys: KeyStore;
  readonly jobs: JobQueue;
  readonly installations: InstallationStore;
  /** Diagnoses and feedback for the maintainers' review (`authhelp review`). */
  readonly learning: LearningStore;
  /** Schema migrations this open applied (empty when the schema was current). */
  readonly migrated: readonly string[];
  /** For /readyz: a round trip to the database. */
  ping(): Promise<PingResult>;
  /**
   * Drops expired keys, counters, old failed jobs, and learning records and paste text past their
   * retention; also run by a timer while open.
   */
  sweep(): Promise<void>;
  close(): Promise<void>;
}

export type PingResult =
  { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly reason: string };

/**
 * Expiring keys shared by every instance: exactly-once decisions (an event id, a thread already
 * answered, a signed request already seen, a guard notice already sent) and per-person limits.
 * `namespace` keeps uses apart (`event`, `thread`, `replay`, `guard`, `check-rate` …).
 */
export interface KeyStore {
  /**
   * Sets the key if it is absent or expired, for `ttlMs`: true for exactly one caller across
   * instances and restarts until it expires, false for everyone else.
   */
  claimOnce(namespace: string, key: string, ttlMs: number): Promise<boolean>;
  /** Removes the key, e.g. when the work it guarded failed and a redelivery may try again. */
  forget(namespace: string, key: string): Promise<void>;
  /**
   * Counts one hit against `limit` hits per window; the window starts at the first hit and lasts
   * `windowMs`. Hits over the limit are refused and do not extend the window.
   */
  hit(namespace: string, key: string, limit: number, windowMs: number): Promise<HitResult>;
}

export interface HitResult {
  readonly allowed: boolean;
  /** Hits in the current window, this one included (capped at limit + 1). */
  readonly count: number;
  /** When the window ends; 0 when allowed. */
  readonly retryAfterMs: number;
}

export type Clock = () => number;
