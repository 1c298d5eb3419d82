import { describe, expect, it } from '@jest/globals';
import type { Diagnoser } from '../../src/core/matching/types.js';
import { startHarness } from './support/harness.js';

describe('ack deadline', () => {
  it('acks a command before slow work finishes, and still replies afterwards', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const h = await startHarness({
      extra: {
        // A connection test that takes far longer than Slack's 3 seconds.
        openCheckModal: async (request) => {
          await held;
          await request.client.views.open({
            trigger_id: request.triggerId,
            view: { type: 'modal', title: { type: 'plain_text', text: 'Test' }, blocks: [] },
          });
        },
      },
    });
    try {
      const { res } = await h.command('check workday');
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(3000);
      expect(h.standIn.api('views.open')).toEqual([]);
      release();
      await h.standIn.waitFor(() => h.standIn.api('views.open').length === 1);
    } finally {
      release();
      await h.stop();
    }
  });

  it('acks within 3 s even when diagnosing throws, and apologises', async () => {
    const failing: Diagnoser = {
      diagnose: () => {
        throw new Error('matcher exploded');
      },
    };
    const h = await startHarness({ diagnoser: failing });
    try {
      const { res, responseUrl } = await h.command('invalid_grant');
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(3000);
      await h.standIn.waitFor(() =>
        h.standIn.responses().some((c) => c.method === new URL(responseUrl).pathname),
      );
      expect(JSON.stringify(h.standIn.responses().at(-1)?.body)).toContain('Sorry');
    } finally {
      await h.stop();
    }
  });
});
