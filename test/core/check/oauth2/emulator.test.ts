import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OAuth2CheckInput } from '../../../../src/core/check/types.js';
import { ids, startHarness, type Harness } from '../../../support/check-runner.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.emulator.close();
});

function input(over: Partial<OAuth2CheckInput> = {}): OAuth2CheckInput {
  return {
    system: 'oauth2',
    tokenUrl: `${h.emulator.url}/oauth2/token`,
    clientId: 'app-client',
    clientSecret: 'app-secret',
    ...over,
  };
}

describe('generic OAuth 2.0 client credentials against the emulator', () => {
  it('passes with Basic, a scope and an API call', async () => {
    const o = await h.run(
      input({ scope: 'api.read', apiUrl: `${h.emulator.url}/api/resource` }),
      'alice',
    );
    expect(o.ok).toBe(true);
    expect(o.requests.at(-1)?.form).toEqual({
      grant_type: 'client_credentials',
      scope: 'api.read',
    });
  });

  it('sends the secret in the body with --auth post', async () => {
    const before = h.emulator.events.length;
    const o = await h.run(input({ auth: 'post' }), 'alice');
    expect(o.ok).toBe(true);
    expect(o.authMethod).toBe('client_secret_post');
    expect(o.requests.at(-1)?.form['client_secret']).toBe('••••');
    expect(h.emulator.events.slice(before).map((e) => e.clientAuth)).toEqual(['post']);
  });

  it.each([
    [{ clientSecret: 'wrong' }, 'oauth2/invalid_client'],
    [{ scope: 'admin' }, 'oauth2/invalid_scope'],
  ])('maps the RFC 6749 error to its entry (%j)', async (over, id) => {
    const o = await h.run(input(over), 'alice');
    expect(o.ok).toBe(false);
    expect(o.findings[0]?.id).toBe(id);
    expect(o.findings[0]?.evidence).toMatch(/HTTP (400|401)/);
  });

  it('reads WWW-Authenticate insufficient_scope on the API call', async () => {
    const o = await h.run(
      input({ clientId: 'app-client-noscope', apiUrl: `${h.emulator.url}/api/resource` }),
      'alice',
    );
    expect(ids(o)[0]).toBe('oauth2/insufficient_scope');
    expect(o.findings[0]?.evidence).toMatch(/error="insufficient_scope"/);
  });

  // Many servers answer an unknown route, or a GET-only one, with an OAuth error body: the status
  // says the URL is wrong, the body would say something else.
  it.each([404, 405])(
    'reads %i before the OAuth error in its body: the token URL is wrong',
    async (status) => {
      const server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          res.writeHead(status, {
            'content-type': 'application/json',
            ...(status === 405 ? { allow: 'GET' } : {}),
          });
          res.end(
            '{"error":"invalid_request","error_description":"client authentication must only be provided using one mechanism"}',
          );
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const o = await h.run(
          input({ tokenUrl: `http://127.0.0.1:${port}/oauth2/token` }),
          'alice',
        );
        expect(o.ok).toBe(false);
        expect(o.findings[0]).toMatchObject({ code: `token.${status}`, fields: ['tokenUrl'] });
        expect(o.findings.map((f) => f.code)).not.toContain('token.invalid_request.two-methods');
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  );

  it('names a 404 token path in plain words', async () => {
    const o = await h.run(input({ tokenUrl: `${h.emulator.url}/oauth/token` }), 'alice');
    expect(o.findings[0]).toMatchObject({ id: null, code: 'token.404' });
  });
});
