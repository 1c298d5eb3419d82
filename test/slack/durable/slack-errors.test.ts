import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backendNames, createBackend, type Backend } from '../../adapters/store/backends.js';
import { startHarness, waitForLog } from '../support/harness.js';
import { channelMessage, commandBody } from '../support/payloads.js';

// How the replies kept in the store meet Slack's errors and a slow conversation, through the real
// receiver, against every store back end.

const names = await backendNames();
const CONFIDENT = 'Login Audit Trail detail: TokenRejected';
const FORM = 'application/x-www-form-urlencoded';

describe.each(names)('Slack errors and slow conversations (%s)', (name) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await createBackend(name);
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  it.each(['channel_not_found', 'not_in_channel', 'invalid_auth'])(
    'does not retry %s, and logs it once at warn with the method',
    async (error) => {
      const h = await startHarness({ backend });
      try {
        const posts = () => h.standIn.api('chat.postMessage');
        h.standIn.failNext('chat.postMessage', { status: 200, error });
        await h.event(channelMessage(CONFIDENT));
        await waitForLog(h, new RegExp(`"slackError":"${error}"`));
        // A retry would come after the first backoff (0.5–1 s); give it twice that.
        await h.standIn.settle(2_000);
        expect(posts()).toHaveLength(1);
        // (invalid_auth also marks the token refused: that line is the token check's, at error.)
        const lines = h.logs.filter(
          (l) => l.includes(`"slackError":"${error}"`) && l.includes('"method":"chat.postMessage"'),
        );
        expect(lines).toHaveLength(1);
        expect(JSON.parse(lines[0]!)).toMatchObject({
          level: 40,
          method: 'chat.postMessage',
          msg: 'reply not delivered; not retrying',
        });
      } finally {
        await h.stop();
      }
    },
  );

  it('keeps one slow conversation to its share, so another channel is answered meanwhile', async () => {
    const h = await startHarness({ backend, concurrency: { job: 6, channel: 2 } });
    try {
      const slow = new Set<string>();
      // Slack takes 4 s for every reply to the slow channel's commands, at once for the others.
      h.standIn.latencyFor = (call) => (slow.has(call.method) ? 4_000 : 0);
      const command = (responseUrl: string, channel: string) =>
        h.post(commandBody(CONFIDENT, { responseUrl, channel }), FORM);
      const slowUrls = Array.from({ length: 10 }, () => h.standIn.responseUrl());
      for (const u of slowUrls) slow.add(new URL(u).pathname);
      const sent = await Promise.all(slowUrls.map((u) => command(u, 'CSLOW')));
      expect(sent.map((r) => r.status)).toEqual(Array(10).fill(200));
      const slowCalls = () => h.standIn.responses().filter((c) => slow.has(c.method));
      await h.standIn.waitFor(() => slowCalls().length >= 2, 5_000);
      const fastUrl = h.standIn.responseUrl();
      expect((await command(fastUrl, 'CFAST')).status).toBe(200);
      const fast = new URL(fastUrl).pathname;
      await h.standIn.waitFor(() => h.standIn.answeredUrls().has(fast), 3_000);
      // Without the per-channel limit all 6 slots would hold slow replies, and the fast one wait
      // 4 s for the first to finish; with it, only 2 slow replies were under way.
      const before = h.standIn.calls.findIndex((c) => c.method === fast);
      expect(h.standIn.calls.slice(0, before).filter((c) => slow.has(c.method))).toHaveLength(2);
    } finally {
      await h.stop();
    }
  });
});
