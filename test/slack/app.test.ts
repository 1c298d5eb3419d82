import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from './support/harness.js';
import { commandBody } from './support/payloads.js';

const FORM = 'application/x-www-form-urlencoded';

describe('HTTP receiver', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('answers GET /healthz with 200', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('rejects an unsigned request with 401 and runs nothing', async () => {
    const body = commandBody('help', { responseUrl: h.standIn.responseUrl() });
    const res = await h.post(body, FORM, { unsigned: true });
    expect(res.status).toBe(401);
    await h.standIn.settle();
    expect(h.standIn.responses()).toEqual([]);
  });

  it('rejects a request signed more than five minutes ago with 401', async () => {
    const body = commandBody('help', { responseUrl: h.standIn.responseUrl() });
    const res = await h.post(body, FORM, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
  });

  it('rejects a request signed with another secret with 401', async () => {
    const body = commandBody('help', { responseUrl: h.standIn.responseUrl() });
    const res = await h.post(body, FORM, { secret: 'not-the-signing-secret' });
    expect(res.status).toBe(401);
  });

  it('answers the url_verification challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 't' });
    const res = await h.post(body, 'application/json');
    expect(res.status).toBe(200);
    expect(res.text).toContain('abc123');
  });
});
