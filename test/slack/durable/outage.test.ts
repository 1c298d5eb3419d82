import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backendNames, createBackend, until, type Backend } from '../../adapters/store/backends.js';
import { startHarness, waitForLog } from '../support/harness.js';
import { SlackStandIn } from '../support/stand-in.js';

// What the app owes survives Slack being away: acked requests are kept in the store and sent when
// Slack answers again, at the pace Slack asks for. Against every store back end.

const names = await backendNames();

describe.each(names)('replies while Slack is away (%s)', (name) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await createBackend(name);
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  it('acks while Slack is unreachable and delivers every reply once it is back', async () => {
    const h = await startHarness({ backend });
    try {
      h.standIn.outage = true;
      const sent = await Promise.all(
        Array.from({ length: 10 }, () => h.command('Login Audit Trail detail: TokenRejected')),
      );
      expect(sent.map((s) => s.res.status)).toEqual(Array(10).fill(200));
      await h.standIn.settle(500);
      expect(h.standIn.responses()).toEqual([]);
      h.standIn.outage = false;
      const urls = sent.map((s) => new URL(s.responseUrl).pathname);
      // Retries back off from about a second; a few tries at most.
      await h.standIn.waitFor(() => urls.every((u) => h.standIn.answeredUrls().has(u)), 15_000);
      await h.standIn.settle(300);
      for (const u of urls)
        expect(
          h.standIn.responses().filter((c) => c.method === u && c.status === 200),
        ).toHaveLength(1);
      expect(JSON.stringify(h.standIn.responses()[0]!.body)).toContain('TokenRejected');
    } finally {
      await h.stop();
    }
  });

  it('waits for Retry-After when Slack answers 429, then delivers once', async () => {
    const h = await startHarness({ backend });
    try {
      h.standIn.failNext('response_url', { status: 429, retryAfter: 2 });
      const { responseUrl } = await h.command('list');
      const path = new URL(responseUrl).pathname;
      await h.standIn.waitFor(() => h.standIn.answeredUrls().has(path), 10_000);
      const tries = h.standIn.responses().filter((c) => c.method === path);
      expect(tries.map((c) => c.status)).toEqual([429, 200]);
      expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(2_000);
      // Rate limits are routine: a warn line with the method, never an apology.
      expect(h.logs.join('\n')).toMatch(
        /"level":40[^\n]*"method":"response_url","slackError":"rate limited"/,
      );
      expect(JSON.stringify(tries[1]!.body)).not.toContain('Sorry');
    } finally {
      await h.stop();
    }
  });

  it('starts while Slack is down: /readyz 503, then ready and answering without a restart', async () => {
    const standIn = await SlackStandIn.start();
    standIn.outage = true;
    const h = await startHarness({ backend, standIn, unready: true });
    try {
      const down = await fetch(`${h.url}/readyz`);
      expect(down.status).toBe(503);
      await until(async () => {
        const res = await fetch(`${h.url}/readyz`);
        return res.status === 503 && (await res.text()).includes('Slack did not answer auth.test');
      }, 'a 503 saying Slack is unreachable');
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
      // Acked and kept while Slack is away.
      const { res, responseUrl } = await h.command('help');
      expect(res.status).toBe(200);
      standIn.outage = false;
      await until(async () => (await fetch(`${h.url}/readyz`)).status === 200, '/readyz 200');
      await standIn.waitFor(
        () => standIn.answeredUrls().has(new URL(responseUrl).pathname),
        10_000,
      );
      const later = await h.command('list');
      await standIn.waitFor(() => standIn.answeredUrls().has(new URL(later.responseUrl).pathname));
      await waitForLog(h, /Slack accepted the bot token/);
    } finally {
      await h.stop();
      await standIn.close();
    }
  });

  it('reports a revoked token at error with what to do, and /readyz 503', async () => {
    const standIn = await SlackStandIn.start();
    standIn.tokenRefusal = 'token_revoked';
    const h = await startHarness({ backend, standIn, unready: true });
    try {
      await waitForLog(h, /"level":50[^\n]*token_revoked/);
      const line = h.logs.find((l) => l.includes('"level":50') && l.includes('token_revoked'))!;
      expect(line).toMatch(/Reinstall the app/);
      expect(line).not.toContain('xoxb-test-token');
      const res = await fetch(`${h.url}/readyz`);
      expect(res.status).toBe(503);
      expect(JSON.stringify(await res.json())).toContain(
        'Slack refused the bot token: token_revoked',
      );
    } finally {
      await h.stop();
      await standIn.close();
    }
  });
});
