import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buttons } from '../support/answer.js';
import { limitViolations } from '../support/blocks-check.js';
import { startHarness, type Harness } from '../support/harness.js';

describe('App Home', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('publishes what the app does, the catalogue by system and "Test a connection"', async () => {
    const res = await h.event({
      type: 'app_home_opened',
      user: 'U123',
      channel: 'D1',
      tab: 'home',
    });
    expect(res.status).toBe(200);
    await h.standIn.waitFor(() => h.standIn.api('views.publish').length === 1);
    const call = h.standIn.api('views.publish')[0]!.body;
    expect(call['user_id']).toBe('U123');
    const view = call['view'] as Record<string, unknown>;
    expect(view['type']).toBe('home');
    const text = JSON.stringify(view);
    for (const system of h.catalogue.systems) expect(text).toContain(system.title);
    expect(text).toContain('netsuite/TokenRejected');
    expect(buttons(view).map((b) => b.action_id)).toEqual([
      'authhelp_test_connection',
      'authhelp_inspect_token',
    ]);
    expect(limitViolations(view, 100)).toEqual([]);
  });

  it('ignores the Messages tab', async () => {
    const before = h.standIn.api('views.publish').length;
    await h.event({ type: 'app_home_opened', user: 'U123', channel: 'D1', tab: 'messages' });
    await h.standIn.settle();
    expect(h.standIn.api('views.publish')).toHaveLength(before);
  });

  it('"Test a connection" on App Home opens the menu of systems (no message to answer in)', async () => {
    const res = await h.click({ actionId: 'authhelp_test_connection', container: 'home' });
    expect(res.status).toBe(200);
    await h.standIn.waitFor(() => h.standIn.api('views.open').length === 1);
    const call = h.standIn.api('views.open')[0]!.body;
    expect(call['trigger_id']).toBe('1337.43.efgh');
    const view = call['view'] as Record<string, unknown>;
    expect(view['callback_id']).toBe('authhelp_check_pick');
    expect(JSON.stringify(view)).toContain('Which system do you want to test?');
    expect(limitViolations(view, 100)).toEqual([]);
  });
});
