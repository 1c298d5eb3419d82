import type { KeyStore } from '../../adapters/store/types.js';
import type { OnceKeys } from './once-keys.js';
import type { RateLimit } from './rate-limit.js';

/** `OnceKeys` shared by every instance: one namespace of the store's expiring keys. */
export function storeOnceKeys(keys: KeyStore, namespace: string, ttlMs: number): OnceKeys {
  return {
    claim: (key) => keys.claimOnce(namespace, key, ttlMs),
    release: (key) => keys.forget(namespace, key),
  };
}

/** `RateLimit` shared by every instance: at most `limit` in a window of `windowMs` per key. */
export function storeRateLimit(
  keys: KeyStore,
  namespace: string,
  options: { limit: number; windowMs: number },
): RateLimit {
  return {
    async take(key) {
      const hit = await keys.hit(namespace, key, options.limit, options.windowMs);
      return {
        allowed: hit.allowed,
        retryAfterSeconds: hit.allowed ? 0 : Math.max(1, Math.ceil(hit.retryAfterMs / 1000)),
      };
    },
  };
}
