import type { KeyStore } from '../../adapters/store/types.js';
import type { ChannelState } from '../listeners/channel.js';
import type { CheckState } from '../listeners/check.js';
import type { GuardState } from '../listeners/guard.js';
import { KEY } from './namespaces.js';
import { storeOnceKeys, storeRateLimit } from './store-state.js';

/** What listeners remember between requests, each part behind its listener's own interface. */
export interface ListenerState {
  readonly channel: ChannelState;
  readonly check: CheckState;
  readonly guard: GuardState;
}

/** The connection test gives up after 15 s; its "interrupted" note is due a little later. */
const CHECK_FALLBACK_MS = 20_000;

/** Every listener's state in the store's keys: shared by every instance, kept across restarts. */
export function listenerState(
  keys: KeyStore,
  options: { checkFallbackMs?: number } = {},
): ListenerState {
  const once = (k: { namespace: string; ttlMs: number }) =>
    storeOnceKeys(keys, k.namespace, k.ttlMs);
  return {
    channel: { seenEvents: once(KEY.event), answeredThreads: once(KEY.thread) },
    check: {
      perUser: storeRateLimit(keys, KEY.checkRate.namespace, KEY.checkRate),
      answered: once(KEY.checkDone),
      fallbackAfterMs: options.checkFallbackMs ?? CHECK_FALLBACK_MS,
    },
    guard: { warnedEvents: once(KEY.guard) },
  };
}
