import { describe, expect, it } from '@jest/globals';
import { memoryRateLimit } from '../../../src/slack/state/rate-limit.js';

describe('memoryRateLimit', () => {
  it('allows 5 a minute per key, then says when to retry', async () => {
    let t = 0;
    const limit = memoryRateLimit({ now: () => t });
    for (let i = 0; i < 5; i++) expect((await limit.take('carol')).allowed).toBe(true);
    expect(await limit.take('carol')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect((await limit.take('dave')).allowed).toBe(true);
    t = 60_001;
    expect((await limit.take('carol')).allowed).toBe(true);
  });
});
