import { describe, expect, it } from '@jest/globals';
import { failedCheck } from '../support/check-outcome.js';
import { startHarness } from '../support/harness.js';
import { oauth2CheckSubmission } from '../support/payloads.js';

const FAILED = failedCheck('held by the test');

describe('ack deadline', () => {
  it('acks a connection test before the slow check finishes, and still replies afterwards', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const h = await startHarness({
      // A connection test that takes far longer than Slack's 3 seconds.
      runCheck: async () => {
        await held;
        return FAILED;
      },
    });
    try {
      const res = await h.interaction(oauth2CheckSubmission('VSLOW'));
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(3000);
      expect(JSON.stringify(JSON.parse(res.text))).toContain('Checking…');
      await h.standIn.settle();
      expect(h.standIn.api('views.update')).toEqual([]);
      release();
      await h.standIn.waitFor(() => h.standIn.api('views.update').length === 1);
      expect(JSON.stringify(h.standIn.api('views.update')[0]!.body)).toContain('held by the test');
    } finally {
      release();
      await h.stop();
    }
  });

  it('replaces "Checking…" with an apology when the check fails on our side', async () => {
    const h = await startHarness({
      runCheck: () => Promise.reject(new Error('runner exploded')),
    });
    try {
      const res = await h.interaction(oauth2CheckSubmission('VFAIL'));
      expect(res.status).toBe(200);
      await h.standIn.waitFor(() => h.standIn.api('views.update').length === 1);
      const update = h.standIn.api('views.update')[0]!.body;
      expect(update['view_id']).toBe('VFAIL');
      expect(JSON.stringify(update)).toContain('Sorry, something went wrong');
      expect(h.logs.join('\n')).toContain('runner exploded');
    } finally {
      await h.stop();
    }
  });

  it('acks within 3 s even when diagnosing throws, and apologises', async () => {
    const h = await startHarness({
      services: {
        diagnose: () => {
          throw new Error('matcher exploded');
        },
      },
    });
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
