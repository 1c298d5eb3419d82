import type { Delivery } from './delivery.js';
import type { Origin } from './origin.js';
import type { Owed } from './owed.js';

/** Renders what a request is owed; a throw becomes an apology to whoever waits. */
export type Render = () => readonly Owed[] | Promise<readonly Owed[]>;

/** The one path for every reply a listener owes (see durable.ts; queue.ts keeps them in memory). */
export interface Replies {
  /**
   * Renders the replies and keeps them until Slack confirms them. Listeners await it before they
   * ack: once Slack has its ack, the answer is already safe in the store.
   */
  owe(origin: Origin, render: Render): Promise<void>;
  /**
   * Replies that are not ready before the ack (the connection test's result): rendered in the
   * background, then kept like `owe`. Shutdown waits for them within its grace period.
   */
  later(origin: Origin, render: Render): void;
  /** Sends at once, not kept: a trigger_id lives 3 s, too short for anyone else to use it. */
  now(origin: Origin, delivery: Delivery): void;
  /** Waits up to `ms` for `later` work still rendering; resolves with how many are left. */
  settle(ms: number): Promise<number>;
}
