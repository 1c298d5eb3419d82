import { describe, expect, it } from '@jest/globals';
import { decodeState, encodeState, swapTo } from '../../src/slack/answer-state.js';
import { parseCommandText } from '../../src/slack/command-text.js';
import type { Delivery } from '../../src/slack/replies/delivery.js';
import { ReplyQueue } from '../../src/slack/replies/queue.js';
import { memoryOnceKeys } from '../../src/slack/state/once-keys.js';
import { memoryRateLimit } from '../../src/slack/state/rate-limit.js';

/** Any three base64url parts with a JSON header: the parser only looks at the shape. */
const JWT = `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.c2ln`;

describe('parseCommandText: every /authhelp sub-command in one union', () => {
  it.each([
    ['', { kind: 'help' }],
    ['  help ', { kind: 'help' }],
    ['list', { kind: 'list' }],
    ['list Workday', { kind: 'list', system: 'workday' }],
    ['show netsuite/TokenRejected', { kind: 'show', id: 'netsuite/TokenRejected' }],
    ['check', { kind: 'check' }],
    ['check NetSuite', { kind: 'check', system: 'netsuite' }],
    [
      'show me why invalid_grant happens',
      { kind: 'diagnose', text: 'show me why invalid_grant happens' },
    ],
    ['check the token url please', { kind: 'diagnose', text: 'check the token url please' }],
    ['help with invalid_client', { kind: 'diagnose', text: 'help with invalid_client' }],
    ['{"error":"invalid_client"}', { kind: 'diagnose', text: '{"error":"invalid_client"}' }],
    ['inspect', { kind: 'inspect-form' }],
    ['  INSPECT  ', { kind: 'inspect-form' }],
    ['inspect not-a-token', { kind: 'inspect', token: 'not-a-token' }],
    [`inspect Bearer ${JWT}`, { kind: 'inspect', token: JWT }],
    [`Bearer ${JWT}`, { kind: 'inspect', token: JWT }],
    [`401 invalid_token for ${JWT}`, { kind: 'diagnose', text: `401 invalid_token for ${JWT}` }],
  ])('%p', (text, expected) => {
    expect(parseCommandText(text)).toEqual(expected);
  });
});

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

describe('answer state in button values', () => {
  const state = {
    id: 'oauth2/invalid_client',
    confidence: 0.8123,
    alternatives: [
      { id: 'workday/invalid-credentials', confidence: 0.6 },
      { id: 'netsuite/InvalidLogin', confidence: 0.2 },
    ],
    thread: { channel: 'C1', ts: '1700000000.000100' },
  };

  it('round-trips', () => {
    expect(decodeState(encodeState(state))).toEqual({ ...state, confidence: 0.812 });
  });

  it('rejects anything else', () => {
    expect(decodeState('nope')).toBeUndefined();
    expect(decodeState('{"i":1}')).toBeUndefined();
    expect(decodeState(undefined)).toBeUndefined();
  });

  it('swaps an alternative in and the answer out', () => {
    expect(swapTo(state, 'netsuite/InvalidLogin')).toEqual({
      ...state,
      id: 'netsuite/InvalidLogin',
      confidence: 0.2,
      alternatives: [
        { id: 'oauth2/invalid_client', confidence: 0.8123 },
        { id: 'workday/invalid-credentials', confidence: 0.6 },
      ],
    });
    expect(swapTo(state, 'unknown/x')).toBeUndefined();
  });
});

describe('ReplyQueue', () => {
  const origin = { surface: 'command', responseUrl: 'https://hooks.example/r/1' };
  const note = (n: number): Delivery => ({
    kind: 'post',
    channel: 'C1',
    message: { text: String(n), blocks: [] },
  });

  it('runs queued work in order after the current turn, sends what it owes, and hands failures to the handler', async () => {
    const sent: string[] = [];
    const failures: string[] = [];
    const queue = new ReplyQueue({
      send: (d) => {
        sent.push(d.kind === 'post' ? d.message.text : d.kind);
        return Promise.resolve();
      },
      onFailure: (error, o) => {
        failures.push(`${error.message}:${o.surface}`);
        return Promise.resolve();
      },
    });
    for (const n of [1, 2, 3]) queue.defer(origin, (send) => send(note(n)));
    queue.defer(origin, () => Promise.reject(new Error('boom')));
    queue.defer(origin, () => {
      throw new Error('sync boom');
    });
    expect(sent).toEqual([]); // nothing runs before the ack path has finished
    // The queue waits for a quiet moment; give it up to 2 s, not a fixed sleep.
    for (let i = 0; i < 200 && (sent.length < 3 || failures.length < 2); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(sent).toEqual(['1', '2', '3']);
    expect(failures.sort()).toEqual(['boom:command', 'sync boom:command']);
    expect(queue.pending).toBe(0);
  });

  it('starts urgent work (a modal to open) at once, on the same path', async () => {
    const sent: string[] = [];
    const queue = new ReplyQueue({
      send: (d) => {
        sent.push(d.kind);
        return Promise.resolve();
      },
      onFailure: () => Promise.resolve(),
    });
    queue.now(origin, (send) =>
      send({
        kind: 'open-view',
        triggerId: 't',
        view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] },
      }),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(sent).toEqual(['open-view']);
  });
});
