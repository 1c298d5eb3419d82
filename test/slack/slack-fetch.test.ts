import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSlackFetch } from '../../src/slack/slack-fetch.js';

describe('createSlackFetch', () => {
  let server: Server;
  let origin: string;
  const seen: { method: string; body: string; type: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', body, type: req.headers['content-type'] ?? '' });
        if (req.url === '/redirect') res.writeHead(302, { location: '/ok' }).end();
        else if (req.url === '/empty') res.writeHead(204).end();
        else if (req.url === '/slow') {
          // Far beyond the client's 200 ms: undici's timers may fire late on a busy machine.
          const late = setTimeout(() => res.writeHead(200).end('late'), 4000);
          res.on('close', () => {
            clearTimeout(late);
          });
        } else
          res
            .writeHead(200, { 'content-type': 'application/json', 'retry-after': '3' })
            .end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('posts the body and returns a Response with status, headers and JSON', async () => {
    const res = await createSlackFetch(2000)(`${origin}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'channel=C1&text=hi',
    });
    expect(res.ok).toBe(true);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.json()).toEqual({ ok: true });
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      body: 'channel=C1&text=hi',
      type: 'application/x-www-form-urlencoded',
    });
  });

  it('never follows redirects and copes with bodiless statuses', async () => {
    const f = createSlackFetch(2000);
    expect((await f(`${origin}/redirect`)).status).toBe(302);
    expect((await f(`${origin}/empty`)).status).toBe(204);
  });

  it('gives up after the timeout', async () => {
    await expect(createSlackFetch(200)(`${origin}/slow`)).rejects.toThrow();
  });
});
