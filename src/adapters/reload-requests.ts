import type { KeyStore } from './store/types.js';

/**
 * `authhelp reload` for every instance sharing a store (one SQLite file, or one PostgreSQL
 * database across hosts), with nothing but the store's expiring keys, which have no broadcast:
 *
 * - each running instance takes a slot number from a shared counter and holds one key, `slot:N`;
 * - a reload request removes every slot key;
 * - each instance tries to take its key again every few seconds: it succeeds only once the key
 *   is gone, i.e. after a request, and reloads.
 *
 * A slot key lives a day: when it expires unclaimed the instance reloads too, and finds the
 * catalogue unchanged (a no-op). Slots of stopped instances are removed with the rest.
 */
const NAMESPACE = 'reload';
const SLOTS = 'slots';
/** The counter's window: it must outlive every deployment (slot numbers are never reused in it). */
const SLOT_WINDOW_MS = 10 * 365 * 24 * 60 * 60 * 1000;
const SLOT_LIMIT = 1_000_000_000;
const ARMED_MS = 24 * 60 * 60 * 1000;
/** Slots a request clears, newest first: instances started long ago hold low numbers but restart. */
const MAX_SLOTS = 1000;
const DEFAULT_POLL_MS = 3000;

const slotKey = (slot: number): string => `slot:${String(slot)}`;

/** Asks every instance on this store to reload; returns how many slots were cleared. */
export async function requestReload(keys: KeyStore): Promise<number> {
  const { count } = await keys.hit(NAMESPACE, SLOTS, SLOT_LIMIT, SLOT_WINDOW_MS);
  const first = Math.max(1, count - MAX_SLOTS);
  const slots = Array.from({ length: count - first }, (_, i) => first + i);
  // A few at a time: one small DELETE each.
  for (let i = 0; i < slots.length; i += 50) {
    await Promise.all(slots.slice(i, i + 50).map((s) => keys.forget(NAMESPACE, slotKey(s))));
  }
  return slots.length;
}

export interface ReloadRequestOptions {
  /** How often the instance looks for a request. */
  readonly pollMs?: number;
  /** The store could not be asked this time; the next poll tries again. */
  readonly onError?: (err: unknown) => void;
}

/** Takes a slot and calls `onRequest` after each reload request; stop() ends the polling. */
export async function watchReloadRequests(
  keys: KeyStore,
  onRequest: () => void,
  options: ReloadRequestOptions = {},
): Promise<{ stop(): void }> {
  const { count: slot } = await keys.hit(NAMESPACE, SLOTS, SLOT_LIMIT, SLOT_WINDOW_MS);
  const key = slotKey(slot);
  await keys.claimOnce(NAMESPACE, key, ARMED_MS);
  let polling = false;
  const timer = setInterval(() => {
    if (polling) return;
    polling = true;
    keys
      .claimOnce(NAMESPACE, key, ARMED_MS)
      .then((requested) => {
        if (requested) onRequest();
      })
      .catch((err: unknown) => options.onError?.(err))
      .finally(() => {
        polling = false;
      });
  }, options.pollMs ?? DEFAULT_POLL_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
    },
  };
}
