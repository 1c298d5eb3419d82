import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { askCommand, button } from '../support/answer.js';
import { repliesTo, startHarness, type Harness } from '../support/harness.js';

describe('when Slack calls fail', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('apologises through chat.postEphemeral when the response_url keeps failing', async () => {
    // Once for the reply, once for the apology sent the same way.
    h.standIn.failNext('response_url', { status: 404, error: 'expired_url' });
    h.standIn.failNext('response_url', { status: 404, error: 'expired_url' });
    const { res } = await h.command('TokenRejected seen by zebra-marker-42');
    expect(res.status).toBe(200);
    await h.standIn.waitFor(() => h.standIn.api('chat.postEphemeral').length === 1);
    const apology = h.standIn.api('chat.postEphemeral')[0]!.body;
    expect(apology['user']).toBe('U123');
    expect(apology['channel']).toBe('C111');
    expect(JSON.stringify(apology)).toContain('Sorry, something went wrong');
    // One warn line with who, where, the method and Slack's error; never the paste.
    const line = h.logs.find((l) => l.includes('"slackError":"expired_url"'));
    expect(JSON.parse(line!)).toMatchObject({
      level: 40,
      team: 'T1',
      user: 'U123',
      channel: 'C111',
      actionId: '/authhelp',
      method: 'response_url',
      slackError: 'expired_url',
    });
    expect(h.logs.join('\n')).not.toContain('zebra-marker-42');
  });

  it('counts a response_url that answers 200 {"ok":false} as not delivered, and apologises', async () => {
    h.standIn.failNext('response_url', { status: 200, error: 'expired_url' });
    const { responseUrl } = await h.command('list');
    await h.standIn.waitFor(() => repliesTo(h.standIn, responseUrl).length === 2);
    const [reply, apology] = repliesTo(h.standIn, responseUrl);
    expect(JSON.stringify(reply!.body)).toContain('documented errors');
    expect(JSON.stringify(apology!.body)).toContain('Sorry, something went wrong');
  });

  it('apologises privately when posting in the thread fails', async () => {
    const { responseUrl } = await h.shortcut({ text: 'Login Audit Trail detail: TokenRejected' });
    await h.standIn.waitFor(() => repliesTo(h.standIn, responseUrl).length > 0);
    const value = button(
      repliesTo(h.standIn, responseUrl)[0]!.body,
      'authhelp_reply_in_thread',
    ).value;
    h.standIn.failNext('chat.postMessage', { status: 200, error: 'not_in_channel' });
    const clickUrl = h.standIn.responseUrl();
    await h.click({
      actionId: 'authhelp_reply_in_thread',
      responseUrl: clickUrl,
      ...(value === undefined ? {} : { value }),
    });
    await h.standIn.waitFor(() => repliesTo(h.standIn, clickUrl).length > 0);
    const [apology] = repliesTo(h.standIn, clickUrl);
    expect(apology!.body['response_type']).toBe('ephemeral');
    expect(JSON.stringify(apology!.body)).toContain('Sorry, something went wrong');
  });

  it('keeps serving after a Web API failure on App Home', async () => {
    h.standIn.failNext('views.publish', { status: 500 });
    await h.event({ type: 'app_home_opened', user: 'U123', channel: 'D1', tab: 'home' });
    await h.standIn.waitFor(() => h.standIn.api('views.publish').length >= 1, 5000);
    await h.standIn.settle(300);
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(200);
    const answer = await askCommand(h, 'show netsuite/TokenRejected');
    expect(JSON.stringify(answer)).toContain('netsuite/TokenRejected');
  });
});
