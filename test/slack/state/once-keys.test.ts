import { describe, expect, it } from '@jest/globals';
import { memoryOnceKeys } from '../../../src/slack/state/once-keys.js';

describe('memoryOnceKeys', () => {
  it('claims a key once until it expires, and again after a release', async () => {
    let now = 0;
    const keys = memoryOnceKeys({ ttlMs: 1000, now: () => now });
    expect(await keys.claim('a')).toBe(true);
    expect(await keys.claim('a')).toBe(false);
    await keys.release('a');
    expect(await keys.claim('a')).toBe(true);
    now = 1001;
    expect(await keys.claim('a')).toBe(true);
  });

  it('forgets the oldest keys beyond its size', async () => {
    const keys = memoryOnceKeys({ ttlMs: 60_000, maxSize: 3 });
    for (const k of ['a', 'b', 'c', 'd']) await keys.claim(k);
    expect(await keys.claim('a')).toBe(true);
    expect(await keys.claim('d')).toBe(false);
  });
});
