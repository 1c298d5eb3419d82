import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuthHelpError } from '../../../src/core/errors.js';
import type { Store } from '../../../src/adapters/store/types.js';
import { backendNames, createBackend, type Backend } from './backends.js';

const names = await backendNames();

describe.each(names)('expiring keys and counters on %s', (name) => {
  let backend: Backend;
  let t = 1_000_000;
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    backend = await createBackend(name);
    a = await backend.open({ now: () => t });
    b = await backend.open({ now: () => t });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await backend.cleanup();
  });

  it('claims a key once until it expires, on any instance', async () => {
    expect(await a.keys.claimOnce('event', 'Ev1', 1_000)).toBe(true);
    expect(await a.keys.claimOnce('event', 'Ev1', 1_000)).toBe(false);
    expect(await b.keys.claimOnce('event', 'Ev1', 1_000)).toBe(false);
    expect(await b.keys.claimOnce('thread', 'Ev1', 1_000)).toBe(true);
    t += 999;
    expect(await b.keys.claimOnce('event', 'Ev1', 1_000)).toBe(false);
    t += 1;
    expect(await b.keys.claimOnce('event', 'Ev1', 1_000)).toBe(true);
    expect(await a.keys.claimOnce('event', 'Ev1', 1_000)).toBe(false);
  });

  it('lets a forgotten key be claimed again', async () => {
    expect(await a.keys.claimOnce('guard', 'C1:1.2', 60_000)).toBe(true);
    await b.keys.forget('guard', 'C1:1.2');
    expect(await a.keys.claimOnce('guard', 'C1:1.2', 60_000)).toBe(true);
  });

  it('gives each of many racing claims on one key to exactly one caller', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `race-${i}`);
    const results = await Promise.all(
      keys.flatMap((k) => [a, b, a, b].map((s) => s.keys.claimOnce('replay', k, 300_000))),
    );
    for (let i = 0; i < keys.length; i += 1)
      expect(results.slice(i * 4, i * 4 + 4).filter(Boolean)).toHaveLength(1);
  });

  it('counts hits in a window that starts at the first hit, and refuses past the limit', async () => {
    const hit = (s: Store) => s.keys.hit('check-rate', 'U1', 3, 60_000);
    expect(await hit(a)).toEqual({ allowed: true, count: 1, retryAfterMs: 0 });
    t += 10_000;
    expect(await hit(b)).toMatchObject({ allowed: true, count: 2 });
    expect(await hit(a)).toMatchObject({ allowed: true, count: 3 });
    t += 5_000;
    expect(await hit(b)).toEqual({ allowed: false, count: 4, retryAfterMs: 45_000 });
    expect(await hit(a)).toEqual({ allowed: false, count: 4, retryAfterMs: 45_000 });
    t += 45_000;
    expect(await hit(a)).toEqual({ allowed: true, count: 1, retryAfterMs: 0 });
    expect(await a.keys.hit('check-rate', 'U2', 3, 60_000)).toMatchObject({ count: 1 });
  });

  it('allows exactly the limit when hits race from two instances', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? a : b).keys.hit('check-rate', 'U3', 5, 60_000),
      ),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it('sweeps expired keys and counters away', async () => {
    await a.keys.claimOnce('event', 'sweep-me', 10);
    await a.keys.hit('check-rate', 'sweep-me', 1, 10);
    t += 11;
    await a.sweep();
    const keys = await backend.raw("SELECT * FROM store_keys WHERE key = 'sweep-me'");
    const counters = await backend.raw("SELECT * FROM store_counters WHERE key = 'sweep-me'");
    expect([...keys, ...counters]).toEqual([]);
  });

  it('refuses a malformed namespace, an empty or oversized key, or a non-positive ttl', async () => {
    for (const call of [
      () => a.keys.claimOnce('Bad NS', 'k', 1),
      () => a.keys.claimOnce('event', '', 1),
      () => a.keys.claimOnce('event', 'x'.repeat(513), 1),
      () => a.keys.claimOnce('event', 'k', 0),
      () => a.keys.hit('check-rate', 'k', 1, -5),
    ])
      await expect(call()).rejects.toBeInstanceOf(AuthHelpError);
  });

  it('answers ping with a round trip', async () => {
    const result = await a.ping();
    expect(result.ok).toBe(true);
  });
});
