import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeState } from '../../../src/slack/answer-state.js';
import { limitViolations } from '../support/blocks-check.js';
import { askCommand, button, buttons, clickAndReply, shownId } from '../support/answer.js';
import { startHarness, type Harness } from '../support/harness.js';

const PASTE = 'Login Audit Trail detail: TokenRejected for integration acme-secret-marker-42';

describe('buttons under an answer', () => {
  let h: Harness;
  let answer: Record<string, unknown>;
  beforeAll(async () => {
    h = await startHarness();
    answer = await askCommand(h, PASTE);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('swaps the answer in place for an alternative', async () => {
    const alt = button(answer, 'authhelp_alt_0');
    const before = decodeState(alt.value)!;
    const chosen = before.alternatives[0]!.id;
    const { status, replies } = await clickAndReply(h, 'authhelp_alt_0', alt.value);
    expect(status).toBe(200);
    const [swapped] = replies;
    expect(swapped!['replace_original']).toBe(true);
    expect(shownId(swapped!)).toBe(chosen);
    // The previous answer is now offered as an alternative.
    const after = decodeState(button(swapped!, 'authhelp_share').value)!;
    expect(after.alternatives.map((a) => a.id)).toContain(before.id);
    expect(limitViolations(swapped!, 50)).toEqual([]);
  });

  it('shares the answer in the channel, without the pasted text', async () => {
    const share = button(answer, 'authhelp_share');
    const { replies } = await clickAndReply(h, 'authhelp_share', share.value);
    const [shared] = replies;
    expect(shared!['response_type']).toBe('in_channel');
    expect(shared!['replace_original']).toBe(false);
    expect(shownId(shared!)).toBe('netsuite/TokenRejected');
    const text = JSON.stringify(shared);
    expect(text).toContain('Shared by <@U123>');
    expect(text).not.toContain('acme-secret-marker-42');
    expect(text).not.toContain('matched:');
    expect(buttons(shared!)).toEqual([]);
  });

  it.each([
    ['authhelp_feedback_up', 'glad it helped', 'up'],
    ['authhelp_feedback_down', 'needs work', 'down'],
  ])('records %s and thanks in place', async (actionId, thanks, vote) => {
    const { replies } = await clickAndReply(h, actionId, button(answer, actionId).value);
    const [redrawn] = replies;
    expect(redrawn!['replace_original']).toBe(true);
    expect(JSON.stringify(redrawn)).toContain(thanks);
    expect(buttons(redrawn!).map((b) => b.action_id)).not.toContain(actionId);
    expect(h.logs.join('\n')).toContain(`"vote":"${vote}"`);
  });

  it("opens the connection test for the answer's system, in a modal", async () => {
    const test = button(answer, 'authhelp_test_connection');
    expect(test.value).toBe('netsuite');
    const res = await h.click({
      actionId: 'authhelp_test_connection',
      responseUrl: h.standIn.responseUrl(),
      ...(test.value === undefined ? {} : { value: test.value }),
    });
    expect(res.status).toBe(200);
    await h.standIn.waitFor(() => h.standIn.api('views.open').length === 1);
    const call = h.standIn.api('views.open')[0]!.body;
    expect(call['trigger_id']).toBe('1337.43.efgh');
    const view = call['view'] as Record<string, unknown>;
    expect(view['callback_id']).toBe('authhelp_check_submit');
    expect(JSON.parse(view['private_metadata'] as string)).toMatchObject({ system: 'netsuite' });
    expect(limitViolations(view, 100)).toEqual([]);
  });

  it('opens the form of the system named after /authhelp check, with its trigger id', async () => {
    const before = h.standIn.api('views.open').length;
    await h.command('check oauth2');
    await h.standIn.waitFor(() => h.standIn.api('views.open').length > before);
    const call = h.standIn.api('views.open').at(-1)!.body;
    expect(call['trigger_id']).toBe('1337.42.abcd');
    const view = call['view'] as Record<string, unknown>;
    expect(JSON.parse(view['private_metadata'] as string)).toEqual({
      system: 'oauth2',
      channelId: 'C111',
    });
  });

  it('apologises privately when a button carries something unreadable', async () => {
    const { replies } = await clickAndReply(h, 'authhelp_share', 'not json');
    expect(replies[0]!['response_type']).toBe('ephemeral');
    expect(JSON.stringify(replies[0])).toContain('Sorry, something went wrong');
  });
});
