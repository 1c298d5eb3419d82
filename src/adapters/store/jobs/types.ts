/** JSON an owed reply is made of: the rendered message and where it goes, never the paste. */
export type JobPayload = Readonly<Record<string, unknown>>;

/** What the app owes a person after an ack, written before the ack. */
export interface JobSpec {
  /** Which handler sends it, e.g. `slack.respond`, `slack.post`, `slack.views-update`. */
  readonly kind: string;
  readonly payload: JobPayload;
  /** The conversation it writes to; at most a few of one conversation's jobs run at once. */
  readonly channel?: string;
  /** Epoch ms after which sending is useless: a response_url lasts 30 min, a trigger_id 3 s. */
  readonly deadline: number;
  /** Epoch ms before which it must not start (default: at once). */
  readonly notBefore?: number;
}

/** A job claimed by one runner until its lease ends. */
export interface Job extends JobSpec {
  /** Stable across retries; for logs and tests. */
  readonly id: string;
  /** Tries already made (0 on the first). */
  readonly attempt: number;
  /** The back end's handle on this claim; complete/retry/release/fail need it. */
  readonly lease: string;
}

/**
 * The durable queue under the job runner. A claimed job is invisible to every other claimer until
 * it is completed, retried, released or failed, or until its lease ends (a crashed runner): then
 * any instance claims it again. So a job is sent at least once, and once whenever nothing crashes
 * between Slack's `ok: true` and `complete`.
 */
export interface JobQueue {
  /** Durable when it resolves; returns the job's id. */
  enqueue(spec: JobSpec): Promise<string>;
  /** Up to `max` due jobs, oldest first, each leased to the caller for the queue's lease time. */
  claim(max: number): Promise<Job[]>;
  /** Done: Slack said ok. */
  complete(job: Job): Promise<void>;
  /** Try again at `at` (epoch ms), counting an attempt. */
  retry(job: Job, at: number, reason: string): Promise<void>;
  /** Hand back untouched, due at `at`: on shutdown, or when its conversation is busy here. */
  release(job: Job, at: number): Promise<void>;
  /** Never to be sent: a permanent error or the deadline passed. */
  fail(job: Job, reason: string): Promise<void>;
  /** Jobs waiting (due or not) and jobs claimed. */
  stats(): Promise<{ readonly queued: number; readonly active: number }>;
  /** Calls `listener` after each enqueue in this process, so a runner need not wait for a poll. */
  onEnqueue(listener: () => void): () => void;
}
