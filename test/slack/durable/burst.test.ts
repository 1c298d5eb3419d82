import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backendNames, createBackend, until, type Backend } from '../../adapters/store/backends.js';
import { startHarness } from '../support/harness.js';
import { commandBody } from '../support/payloads.js';

// A burst through the real receiver on every back end (30 commands at once): the writes an ack
// waits for are batched per event-loop turn on PostgreSQL (keys, jobs), completions per turn on
// both, claims spaced out.
// Whatever shares a batch, each request learns its own outcome and each reply goes out once.

const names = await backendNames();
const FORM = 'application/x-www-form-urlencoded';
const PASTES = [
  'Login Audit Trail detail: TokenRejected',
  'HTTP 400 {"error":"invalid_grant","error_description":"refresh token expired"}',
  'the printer on floor 3 is jammed again',
];

describe.each(names)('a burst of slash commands (%s)', (name) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await createBackend(name);
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  it('acks each of 30 commands sent at once, answers each once, and leaves nothing owed', async () => {
    const h = await startHarness({ backend, concurrency: { job: 8, channel: 2 } });
    try {
      h.standIn.latencyMs = 50;
      const urls = Array.from({ length: 30 }, () => h.standIn.responseUrl());
      const acks = await Promise.all(
        urls.map((responseUrl, i) =>
          h.post(
            commandBody(PASTES[i % PASTES.length]!, { responseUrl, channel: `C${i % 7}` }),
            FORM,
          ),
        ),
      );
      expect(acks.map((a) => a.status)).toEqual(Array(30).fill(200));
      // A loose bound only: this suite shares the machine with others (one ack within Slack's 3 s
      // is ack.test's); what matters here is that every request learned its own write's outcome.
      expect(Math.max(...acks.map((a) => a.ms))).toBeLessThan(10_000);
      const paths = urls.map((u) => new URL(u).pathname);
      await h.standIn.waitFor(() => paths.every((p) => h.standIn.answeredUrls().has(p)), 20_000);
      await until(async () => {
        const s = await h.store.jobs.stats();
        return s.queued + s.active === 0;
      }, 'every job completed');
      await h.standIn.settle(300);
      for (const p of paths)
        expect(h.standIn.responses().filter((c) => c.method === p)).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });

  it('refuses the same signed request replayed within one burst, answering it once', async () => {
    const h = await startHarness({ backend });
    try {
      const responseUrl = h.standIn.responseUrl();
      const body = commandBody(PASTES[0]!, { responseUrl });
      // One signature and timestamp, sent five times at once: the replay claims share a batch.
      const timestamp = Math.floor(Date.now() / 1000);
      const acks = await Promise.all(
        Array.from({ length: 5 }, () => h.post(body, FORM, { timestamp })),
      );
      expect(acks.filter((a) => a.status === 200)).toHaveLength(1);
      const path = new URL(responseUrl).pathname;
      await h.standIn.waitFor(() => h.standIn.answeredUrls().has(path));
      await h.standIn.settle(300);
      expect(h.standIn.responses().filter((c) => c.method === path)).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});
