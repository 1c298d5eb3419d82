import { describe, expect, it } from '@jest/globals';
import type { Delivery } from '../../../src/slack/replies/delivery.js';
import { ReplyQueue } from '../../../src/slack/replies/queue.js';
import { memoryKeyStore } from '../../../src/slack/state/memory-keys.js';

describe('ReplyQueue (replies kept in memory)', () => {
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
      keys: memoryKeyStore(),
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
      keys: memoryKeyStore(),
    });
    queue.now(origin, {
      kind: 'open-view',
      triggerId: 't',
      view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] },
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(sent).toEqual(['open-view']);
  });
});
