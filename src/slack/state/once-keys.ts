/**
 * Keys claimed once within a lifetime: a redelivered event (same `event_id`), a second paste of the
 * same error in one thread. Listeners hold it behind this interface; store-state.ts provides it
 * from the store, shared by every instance.
 */
export interface OnceKeys {
  /** True the first time `key` is claimed within its lifetime, false for a repeat. */
  claim(key: string): Promise<boolean>;
  /** Forgets `key`: what it guarded did not happen after all, so a later try may claim it. */
  release(key: string): Promise<void>;
}

/**
 * Runs `work` for the first claim of `key` only; if `work` throws, the key is forgotten so a
 * retry (Slack redelivers an event it got no 200 for) may claim it. False for a repeat.
 */
export async function onceOnly(
  keys: OnceKeys,
  key: string,
  work: () => Promise<void>,
): Promise<boolean> {
  if (!(await keys.claim(key))) return false;
  try {
    await work();
  } catch (error) {
    await keys.release(key).catch(() => undefined);
    throw error;
  }
  return true;
}
