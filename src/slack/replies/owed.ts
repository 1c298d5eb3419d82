import type { Delivery } from './delivery.js';

/** One of the store's expiring keys (see state/namespaces.ts). */
export interface StoreKey {
  readonly namespace: string;
  readonly key: string;
  readonly ttlMs: number;
}

/**
 * A reply the app owes, with the rules for sending it: kept in the store until Slack confirms
 * it, so any instance can send it after a crash or a deploy.
 */
export interface Owed {
  readonly delivery: Delivery;
  /** Not sent before this (epoch ms): the connection test's fallback waits for the real result. */
  readonly notBefore?: number;
  /**
   * Sent only if its sender is the first to claim this key (the connection test's result and its
   * fallback race for one key; whichever claims it answers, the other stays quiet).
   */
  readonly claim?: StoreKey;
  /** Forgotten if the reply cannot be delivered, so a later try may claim it (once per thread). */
  readonly forgetOnFailure?: Omit<StoreKey, 'ttlMs'>;
  /** Sent after this one is confirmed, in order ("posted in the thread" after the post). */
  readonly then?: readonly Owed[];
}

export function owed(delivery: Delivery, rules: Omit<Owed, 'delivery'> = {}): Owed {
  return { delivery, ...rules };
}
