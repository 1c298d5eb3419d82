import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeState } from '../../src/slack/answer-state.js';
import { limitViolations } from './support/blocks-check.js';
import { askCommand, button, buttons, clickAndReply, shownId } from './support/answer.js';
import { startHarness, type Harness } from './support/harness.js';

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

  it('opens the connection test from an answer (coming soon, privately)', async () => {
    const test = button(answer, 'authhelp_test_connection');
    expect(test.value).toBe('netsuite');
    const { replies } = await clickAndReply(h, 'authhelp_test_connection', test.value);
    expect(replies[0]!['response_type']).toBe('ephemeral');
    expect(JSON.stringify(replies[0])).toContain('coming soon');
  });

  it('hands the live-check hook the system, trigger id and user', async () => {
    const seen: unknown[] = [];
    const h2 = await startHarness({
      extra: {
        openCheckModal: async (request) => {
          seen.push({ system: request.system, triggerId: request.triggerId, user: request.userId });
          await request.client.views.open({
            trigger_id: request.triggerId,
            view: { type: 'modal', title: { type: 'plain_text', text: 'Test' }, blocks: [] },
          });
        },
      },
    });
    try {
      await h2.command('check oauth2');
      await h2.standIn.waitFor(() => h2.standIn.api('views.open').length > 0);
      expect(seen).toEqual([{ system: 'oauth2', triggerId: '1337.42.abcd', user: 'U123' }]);
    } finally {
      await h2.stop();
    }
  });

  it('apologises privately when a button carries something unreadable', async () => {
    const { replies } = await clickAndReply(h, 'authhelp_share', 'not json');
    expect(replies[0]!['response_type']).toBe('ephemeral');
    expect(JSON.stringify(replies[0])).toContain('Sorry, something went wrong');
  });
});
