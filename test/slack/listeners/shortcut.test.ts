import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { button, buttons, clickAndReply, shownId } from '../support/answer.js';
import { limitViolations } from '../support/blocks-check.js';
import { repliesTo, startHarness, type Harness } from '../support/harness.js';
import { CHANNEL } from '../support/payloads.js';

describe('message shortcut "Diagnose auth error"', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  async function diagnose(text: string, threadTs?: string) {
    const { res, responseUrl } = await h.shortcut({
      text,
      ts: '1700000000.000777',
      ...(threadTs === undefined ? {} : { threadTs }),
    });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    await h.standIn.waitFor(() => repliesTo(h.standIn, responseUrl).length > 0);
    return repliesTo(h.standIn, responseUrl)[0]!.body;
  }

  it('answers only the invoker, with "Reply in thread"', async () => {
    const answer = await diagnose('Login Audit Trail detail: TokenRejected');
    expect(answer['response_type']).toBe('ephemeral');
    expect(shownId(answer)).toBe('netsuite/TokenRejected');
    expect(buttons(answer).map((b) => b.action_id)).toContain('authhelp_reply_in_thread');
    expect(limitViolations(answer, 50)).toEqual([]);
  });

  it('"Reply in thread" posts the answer in the message thread', async () => {
    const answer = await diagnose('Login Audit Trail detail: TokenRejected', '1700000000.000100');
    const reply = button(answer, 'authhelp_reply_in_thread');
    const { replies } = await clickAndReply(h, 'authhelp_reply_in_thread', reply.value);
    await h.standIn.waitFor(() => h.standIn.api('chat.postMessage').length === 1);
    const post = h.standIn.api('chat.postMessage')[0]!.body;
    expect(post['channel']).toBe(CHANNEL);
    expect(post['thread_ts']).toBe('1700000000.000100');
    expect(shownId(post)).toBe('netsuite/TokenRejected');
    expect(JSON.stringify(post)).toContain('Posted by <@U123>');
    expect(replies[0]!['replace_original']).toBe(true);
    expect(JSON.stringify(replies[0])).toContain('Posted in the thread');
  });

  it('says so when the message has no text', async () => {
    const answer = await diagnose('   ');
    expect(JSON.stringify(answer)).toContain('no text I can read');
  });

  it('gives the no-match help for a message it cannot place', async () => {
    const answer = await diagnose('see you at the offsite');
    expect(JSON.stringify(answer)).toContain('What to try');
  });
});
