import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { clickAndReply, button, shownId } from '../support/answer.js';
import { limitViolations } from '../support/blocks-check.js';
import { startHarness, waitForLog, type Harness } from '../support/harness.js';
import { showsFailure } from '../../../src/core/matching/register.js';
import { CHANNEL, channelMessage, nextEventId } from '../support/payloads.js';

const CONFIDENT = 'Login Audit Trail detail: TokenRejected';
const CHATTER = 'anyone up for lunch at noon?';

describe('support-channel replies', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  const posts = () => h.standIn.api('chat.postMessage');

  it('replies in the thread of a confident paste with the entry id and a steps button', async () => {
    const msg = channelMessage(CONFIDENT);
    const res = await h.event(msg);
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    await h.standIn.waitFor(() => posts().length === 1);
    const post = posts()[0]!.body;
    expect(post['channel']).toBe(CHANNEL);
    expect(post['thread_ts']).toBe(msg['ts']);
    expect(shownId(post)).toBe('netsuite/TokenRejected');
    expect(limitViolations(post, 50)).toEqual([]);
    // The steps button answers the clicker privately with the full answer.
    const steps = button(post, 'authhelp_full_steps');
    const { replies } = await clickAndReply(h, 'authhelp_full_steps', steps.value);
    expect(replies[0]!['response_type']).toBe('ephemeral');
    expect(JSON.stringify(replies[0])).toContain('*Fix*');
  });

  it('replies inside an existing thread, not as a new one', async () => {
    await h.event(channelMessage(CONFIDENT, { thread_ts: '1700000000.000001' }));
    await h.standIn.waitFor(() => posts().length === 1);
    expect(posts()[0]!.body['thread_ts']).toBe('1700000000.000001');
  });

  it('stays quiet when it is not confident', async () => {
    await h.event(channelMessage(CHATTER));
    await h.event(channelMessage('deploy finished, thanks all'));
    await h.standIn.settle();
    expect(posts()).toEqual([]);
  });

  it.each([
    ['a bot', { bot_id: 'B999', subtype: 'bot_message' }],
    ['a bot without subtype', { bot_id: 'B999' }],
    ['itself', { user: 'UBOT' }],
    ['an edit', { subtype: 'message_changed' }],
    ['a join', { subtype: 'channel_join' }],
    ['a thread broadcast', { subtype: 'thread_broadcast' }],
    ['a direct message', { channel_type: 'im', channel: 'D123' }],
  ])('never replies to %s', async (_label, extra) => {
    await h.event(channelMessage(CONFIDENT, extra));
    await h.standIn.settle();
    expect(posts()).toEqual([]);
  });

  it('answers the same error only once per thread', async () => {
    const first = channelMessage(CONFIDENT);
    await h.event(first);
    await h.standIn.waitFor(() => posts().length === 1);
    await h.event(channelMessage(`again: ${CONFIDENT}`, { thread_ts: first['ts'] }));
    await h.standIn.settle();
    expect(posts()).toHaveLength(1);
  });

  it('never answers a redelivered event twice', async () => {
    const eventId = nextEventId();
    const msg = channelMessage(CONFIDENT);
    await Promise.all([h.event(msg, { eventId }), h.event(msg, { eventId, retryNum: 1 })]);
    await h.event(msg, { eventId, retryNum: 2 });
    await h.standIn.waitFor(() => posts().length >= 1);
    await h.standIn.settle();
    expect(posts()).toHaveLength(1);
  });

  it('tries again later in a thread whose reply could not be posted', async () => {
    h.standIn.failNext('chat.postMessage', { status: 200, error: 'not_in_channel' });
    const first = channelMessage(CONFIDENT);
    await h.event(first);
    await h.standIn.waitFor(() => posts().length === 1);
    // A permanent error: logged once at warn with the method and Slack's error, not retried.
    await waitForLog(h, /"slackError":"not_in_channel"/);
    const failure = h.logs.filter((l) => l.includes('"slackError":"not_in_channel"'));
    expect(failure).toHaveLength(1);
    expect(JSON.parse(failure[0]!)).toMatchObject({
      level: 40,
      method: 'chat.postMessage',
      channel: CHANNEL,
      team: 'T1',
      msg: 'reply not delivered; not retrying',
    });
    await h.event(channelMessage(CONFIDENT, { thread_ts: first['ts'] }));
    await h.standIn.waitFor(() => posts().length === 2);
  });

  it('retries a thread reply Slack rate-limited and posts it once', async () => {
    h.standIn.failNext('chat.postMessage', { status: 200, error: 'ratelimited' });
    const first = channelMessage(CONFIDENT);
    await h.event(first);
    await h.standIn.waitFor(() => posts().length === 2, 10_000);
    await h.standIn.settle();
    expect(posts()).toHaveLength(2);
    // The reply went out, so the thread counts as answered.
    await h.event(channelMessage(CONFIDENT, { thread_ts: first['ts'] }));
    await h.standIn.settle(300);
    expect(posts()).toHaveLength(2);
  });
});

describe('AUTHHELP_CHANNELS', () => {
  it('answers on its own only in the listed channels', async () => {
    const h = await startHarness({ channels: ['C222'] });
    try {
      await h.event(channelMessage(CONFIDENT));
      await h.event(channelMessage(CONFIDENT, { channel: 'C222' }));
      await h.standIn.waitFor(() => h.standIn.api('chat.postMessage').length === 1);
      await h.standIn.settle();
      const posts = h.standIn.api('chat.postMessage');
      expect(posts.map((p) => p.body['channel'])).toEqual(['C222']);
    } finally {
      await h.stop();
    }
  });
});

describe('showsFailure', () => {
  it('reads error output and a first-person report, not chatter', () => {
    expect(showsFailure('HTTP/1.1 401 Unauthorized\n{"error":"invalid_client"}')).toBe(true);
    expect(showsFailure(CHATTER)).toBe(false);
  });

  // Read raw, 40,000 newlines (the longest message Slack delivers) took 35 s.
  it('reads a message padded with blank lines within a second', () => {
    const started = performance.now();
    const shows = showsFailure(`I get invalid_grant${'\n'.repeat(40_000)}`);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(shows).toBe(true);
  });
});
