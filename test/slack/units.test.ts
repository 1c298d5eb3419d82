import { describe, expect, it } from '@jest/globals';
import { decodeState, encodeState, swapTo } from '../../src/slack/answer-state.js';
import { parseCommandText } from '../../src/slack/command-text.js';
import { TtlSet } from '../../src/slack/dedupe.js';
import { AfterAck } from '../../src/slack/after-ack.js';

describe('parseCommandText', () => {
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
  ])('%p', (text, expected) => {
    expect(parseCommandText(text)).toEqual(expected);
  });
});

describe('TtlSet', () => {
  it('remembers keys until they expire', () => {
    let now = 0;
    const set = new TtlSet({ ttlMs: 1000, now: () => now });
    expect(set.add('a')).toBe(true);
    expect(set.add('a')).toBe(false);
    now = 1001;
    expect(set.add('a')).toBe(true);
  });

  it('forgets the oldest keys beyond its size', () => {
    const set = new TtlSet({ ttlMs: 60_000, maxSize: 3 });
    for (const k of ['a', 'b', 'c', 'd']) set.add(k);
    expect(set.size).toBe(3);
    expect(set.add('a')).toBe(true);
    expect(set.add('d')).toBe(false);
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

describe('AfterAck', () => {
  it('runs queued work in order after the current turn, and hands failures to the handler', async () => {
    const failures: string[] = [];
    const queue = new AfterAck(async ({ error, body }) => {
      failures.push(`${error.message}:${String(body)}`);
      await Promise.resolve();
    });
    const order: number[] = [];
    for (const n of [1, 2, 3]) {
      queue.run(async () => {
        order.push(n);
        await Promise.resolve();
      }, n);
    }
    queue.run(() => Promise.reject(new Error('boom')), 'payload');
    expect(order).toEqual([]); // nothing runs before the ack path has finished
    // The queue waits for a quiet moment; give it up to 2 s, not a fixed sleep.
    for (let i = 0; i < 200 && (order.length < 3 || failures.length < 1); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(order).toEqual([1, 2, 3]);
    expect(failures).toEqual(['boom:payload']);
    expect(queue.pending).toBe(0);
  });
});
