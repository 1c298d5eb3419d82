import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CheckOutcome } from '../../../src/core/check/types.js';
import { failedCheck } from '../support/check-outcome.js';
import { backendNames, createBackend, type Backend } from '../../adapters/store/backends.js';
import { startHarness, type Harness } from '../support/harness.js';
import {
  channelMessage,
  commandBody,
  nextEventId,
  oauth2CheckSubmission,
} from '../support/payloads.js';
import { SlackStandIn } from '../support/stand-in.js';

// Two instances behind one load balancer, sharing one store: Slack's redeliveries, pastes in one
// thread, a person's connection tests and replayed requests land on either, and each is handled
// once. Against every store back end (on SQLite: two processes' worth of connections to one file).

const names = await backendNames();
const CONFIDENT = 'Login Audit Trail detail: TokenRejected';
const FORM = 'application/x-www-form-urlencoded';

const RESULT = failedCheck('answered by the test');

describe.each(names)('two instances sharing the store (%s)', (name) => {
  let backend: Backend;
  let standIn: SlackStandIn;
  let a: Harness;
  let b: Harness;
  const tuning = { checkFallbackMs: 1_500 };
  beforeAll(async () => {
    backend = await createBackend(name);
    standIn = await SlackStandIn.start();
    a = await startHarness({ backend, standIn, tuning, runCheck: () => Promise.resolve(RESULT) });
    b = await startHarness({ backend, standIn, tuning, runCheck: () => Promise.resolve(RESULT) });
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    await standIn.close();
    await backend.cleanup();
  });

  const posts = () => standIn.api('chat.postMessage');
  const now = () => Math.floor(Date.now() / 1000);

  it('answers each event once when its redeliveries are split between them', async () => {
    const before = posts().length;
    const events = Array.from({ length: 20 }, () => ({
      id: nextEventId(),
      msg: channelMessage(CONFIDENT),
    }));
    const ts = now();
    const acks = await Promise.all(
      events.flatMap(({ id, msg }, i) => {
        // Slack's retry is signed anew; which instance gets which copy alternates.
        const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
        return [
          first.event(msg, { eventId: id, timestamp: ts }),
          second.event(msg, { eventId: id, retryNum: 1, timestamp: ts + 1 }),
        ];
      }),
    );
    expect(acks.map((r) => r.status)).toEqual(Array(40).fill(200));
    await standIn.waitFor(() => posts().length >= before + 20, 10_000);
    await standIn.settle(500);
    const threads = posts()
      .slice(before)
      .map((p) => p.body['thread_ts']);
    expect(threads.sort()).toEqual(events.map((e) => e.msg['ts']).sort());
  });

  it('still answers each event once after a restart', async () => {
    const msg = channelMessage(CONFIDENT);
    const id = nextEventId();
    await a.event(msg, { eventId: id });
    await standIn.waitFor(() => posts().some((p) => p.body['thread_ts'] === msg['ts']));
    const restarted = await startHarness({ backend, standIn });
    try {
      expect(
        (await restarted.event(msg, { eventId: id, retryNum: 2, timestamp: now() + 1 })).status,
      ).toBe(200);
      await standIn.settle(500);
      expect(posts().filter((p) => p.body['thread_ts'] === msg['ts'])).toHaveLength(1);
    } finally {
      await restarted.stop();
    }
  });

  it('answers a thread once when two pastes in it land on different instances', async () => {
    const root = channelMessage(CONFIDENT);
    const reply = channelMessage(CONFIDENT, { thread_ts: root['ts'] });
    await Promise.all([a.event(root), b.event(reply)]);
    await standIn.waitFor(() => posts().some((p) => p.body['thread_ts'] === root['ts']));
    await standIn.settle(500);
    expect(posts().filter((p) => p.body['thread_ts'] === root['ts'])).toHaveLength(1);
  });

  it("counts a person's connection tests across instances (5 a minute)", async () => {
    const answers: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const h = i % 2 === 0 ? a : b;
      const res = await h.interaction(oauth2CheckSubmission(`VRATE${String(i)}`, 'URATE'));
      answers.push((JSON.parse(res.text) as { response_action: string }).response_action);
    }
    expect(answers).toEqual(['update', 'update', 'update', 'update', 'update', 'errors']);
  });

  it('refuses a signed request replayed to the other instance', async () => {
    const responseUrl = standIn.responseUrl();
    const body = commandBody('help', { responseUrl });
    const ts = now();
    expect((await a.post(body, FORM, { timestamp: ts })).status).toBe(200);
    expect((await b.post(body, FORM, { timestamp: ts })).status).toBe(401);
    expect((await a.post(body, FORM, { timestamp: ts })).status).toBe(401);
    await standIn.waitFor(() => standIn.answeredUrls().has(new URL(responseUrl).pathname));
    await standIn.settle(300);
    expect(
      standIn.responses().filter((c) => c.method === new URL(responseUrl).pathname),
    ).toHaveLength(1);
    expect(b.logs.join('\n')).toMatch(/"level":40[^\n]*"reason":"replayed request"/);
  });

  it('gives a connection test exactly one answer: the result, not also the fallback', async () => {
    await a.interaction(oauth2CheckSubmission('VDONE'));
    const updates = () => standIn.api('views.update').filter((c) => c.body['view_id'] === 'VDONE');
    await standIn.waitFor(() => updates().length === 1);
    // Past the fallback's due time: it finds the key taken and stays quiet.
    await standIn.settle(tuning.checkFallbackMs + 1_500);
    expect(updates()).toHaveLength(1);
    expect(JSON.stringify(updates()[0]!.body)).toContain('answered by the test');
  });

  it('sends the "interrupted" note from the other instance when one stops mid-check', async () => {
    const stuck = await startHarness({
      backend,
      standIn,
      tuning,
      runCheck: () => new Promise<CheckOutcome>(() => undefined),
    });
    const res = await stuck.interaction(oauth2CheckSubmission('VSTUCK'));
    expect(JSON.stringify(JSON.parse(res.text))).toContain('Checking…');
    await stuck.stop(200);
    const updates = () => standIn.api('views.update').filter((c) => c.body['view_id'] === 'VSTUCK');
    await standIn.waitFor(() => updates().length === 1, 10_000);
    expect(JSON.stringify(updates()[0]!.body)).toContain('The check was interrupted');
    await standIn.settle(500);
    expect(updates()).toHaveLength(1);
  });
});
