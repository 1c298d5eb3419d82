import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { startHarness, type Harness } from '../support/harness.js';
import { commandBody, eventBody, channelMessage } from '../support/payloads.js';
import { SIGNING_SECRET } from '../support/signed.js';

// The guard in front of Bolt: signature headers and timestamp first, a body of at most 1 MB that
// arrives within 10 s, the HMAC over the raw bytes, a signed request accepted once; only then is
// anything parsed.

const FORM = 'application/x-www-form-urlencoded';
const MB = 1024 * 1024;

function signedHeaders(body: Buffer | string, ts = Math.floor(Date.now() / 1000)) {
  const sig = createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:`).update(body).digest('hex');
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': `v0=${sig}` };
}

interface RawAnswer {
  readonly status: number;
  readonly ms: number;
  /** Bytes of the body the client had written when the answer came. */
  readonly written: number;
}

/**
 * Sends a request by hand: headers, then `body` in 64 KB chunks at `chunkEveryMs`, stopping as
 * soon as the app answers; `declare` sends a Content-Length, otherwise it is chunked.
 */
function rawPost(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
  o: { declare: boolean; chunkEveryMs?: number; stopAfter?: number },
): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = request(`${url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': FORM,
        ...headers,
        ...(o.declare ? { 'content-length': String(body.length) } : {}),
      },
    });
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, written });
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    req.flushHeaders();
    const next = (): void => {
      const end = Math.min(body.length, o.stopAfter ?? Infinity);
      if (answered || written >= end) return;
      const chunk = body.subarray(written, Math.min(end, written + 64 * 1024));
      written += chunk.length;
      req.write(chunk);
      setTimeout(next, o.chunkEveryMs ?? 0);
    };
    next();
  });
}

describe('the guarded receiver', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('refuses a body declared over 1 MB with 413 before reading it', async () => {
    const body = Buffer.alloc(4 * MB, 'a');
    const res = await rawPost(h.url, signedHeaders(body), body, {
      declare: true,
      chunkEveryMs: 50,
    });
    expect(res.status).toBe(413);
    // Answered at the headers: at most the first chunk or two had gone out.
    expect(res.written).toBeLessThan(MB);
  });

  it('stops reading an undeclared (chunked) body at 1 MB: 413', async () => {
    const body = Buffer.alloc(3 * MB, 'a');
    const res = await rawPost(h.url, signedHeaders(body), body, {
      declare: false,
      chunkEveryMs: 2,
    });
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThan(2 * MB);
  });

  it('drops a body that has not arrived within 10 s', async () => {
    const body = Buffer.from(commandBody('help', { responseUrl: h.standIn.responseUrl() }));
    const res = await rawPost(h.url, signedHeaders(body), body, { declare: true, stopAfter: 10 });
    expect(res.status).toBe(408);
    expect(res.ms).toBeGreaterThanOrEqual(9_900);
    expect(res.ms).toBeLessThan(15_000);
  }, 20_000);

  it('refuses an unsigned request with 401 without reading its body', async () => {
    const body = Buffer.alloc(512 * 1024, 'a');
    const res = await rawPost(h.url, {}, body, { declare: true, chunkEveryMs: 50 });
    expect(res.status).toBe(401);
    expect(res.written).toBeLessThan(body.length);
  });

  it('refuses timestamps more than 5 minutes ahead, and accepts 4 minutes either way', async () => {
    const now = Math.floor(Date.now() / 1000);
    const send = (ts: number) =>
      h.post(commandBody('help', { responseUrl: h.standIn.responseUrl() }), FORM, {
        timestamp: ts,
      });
    expect((await send(now + 6 * 60)).status).toBe(401);
    expect((await send(now + 4 * 60)).status).toBe(200);
    expect((await send(now - 4 * 60)).status).toBe(200);
    expect((await send(now - 6 * 60)).status).toBe(401);
  });

  it('checks the signature before parsing anything', async () => {
    const malformed = '{"type":"event_callback", not json';
    const bad = await h.post(malformed, 'application/json', { secret: 'not-the-secret' });
    expect(bad.status).toBe(401);
    // Signed, it reaches Bolt's parser, which refuses it as malformed.
    const signed = await h.post(malformed, 'application/json');
    expect(signed.status).toBe(400);
  });

  it('accepts a signed request once: the same signature and timestamp again is refused', async () => {
    const body = eventBody(channelMessage('anyone up for lunch?'));
    const ts = Math.floor(Date.now() / 1000);
    expect((await h.post(body, 'application/json', { timestamp: ts })).status).toBe(200);
    expect((await h.post(body, 'application/json', { timestamp: ts })).status).toBe(401);
    // Slack's own retry is signed again (a new timestamp) and gets through to the dedupe.
    expect((await h.post(body, 'application/json', { timestamp: ts + 1 })).status).toBe(200);
  });

  it('logs junk at warn with what was wrong, never the body', async () => {
    const secretish = 'xoxb-should-never-be-logged-123456';
    await h.post(`token=${secretish}`, FORM, { unsigned: true });
    const res = await fetch(`${h.url}/nothing-here`, { method: 'POST', body: secretish });
    expect(res.status).toBe(404);
    const refused = h.logs.filter((l) => l.includes('request refused'));
    expect(refused.map((l) => (JSON.parse(l) as { level: number }).level)).toEqual(
      expect.arrayContaining([40, 40]),
    );
    expect(h.logs.join('\n')).not.toContain(secretish);
  });
});
