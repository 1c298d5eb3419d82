import { describe, expect, it } from '@jest/globals';
import { memoryKeyStore } from '../../../src/slack/state/memory-keys.js';

describe('memoryKeyStore', () => {
  it('claims a key once until it expires, and again after forget', async () => {
    let t = 0;
    const keys = memoryKeyStore(() => t);
    expect(await keys.claimOnce('event', 'Ev1', 1000)).toBe(true);
    expect(await keys.claimOnce('event', 'Ev1', 1000)).toBe(false);
    expect(await keys.claimOnce('thread', 'Ev1', 1000)).toBe(true);
    t = 1001;
    expect(await keys.claimOnce('event', 'Ev1', 1000)).toBe(true);
    await keys.forget('event', 'Ev1');
    expect(await keys.claimOnce('event', 'Ev1', 1000)).toBe(true);
  });

  it('allows `limit` hits per window and says when the window ends', async () => {
    let t = 0;
    const keys = memoryKeyStore(() => t);
    for (let i = 0; i < 5; i++)
      expect((await keys.hit('rate', 'U1', 5, 60_000)).allowed).toBe(true);
    t = 20_000;
    expect(await keys.hit('rate', 'U1', 5, 60_000)).toMatchObject({
      allowed: false,
      retryAfterMs: 40_000,
    });
    expect((await keys.hit('rate', 'U2', 5, 60_000)).allowed).toBe(true);
    t = 60_000;
    expect((await keys.hit('rate', 'U1', 5, 60_000)).allowed).toBe(true);
  });
});
