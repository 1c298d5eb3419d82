import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCheckRunner } from '../../../src/adapters/http/runner.js';
import { startHarness, type Harness } from '../support/harness.js';
import {
  commandBody,
  interactionBody,
  interactionSender,
  TEAM,
  viewSubmissionPayload,
} from '../support/payloads.js';
import { sendSigned } from '../support/signed.js';
import type { SlackStandIn } from '../support/stand-in.js';
import { captureLogger } from '../../support/check-runner.js';
import { createDemoSetup } from '../../../src/emulator/demo.js';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/server.js';

const SECRET = 'CANARY-slack-secret-9e8d7c';
const REFRESH = 'CANARY-slack-refresh-1a2b3c';
const FORM = 'application/x-www-form-urlencoded';

let h: Harness;
let standIn: SlackStandIn;
let emulator: RunningEmulator;
let events: string;
const logs: string[] = [];
let privateKeyPem: string;

beforeAll(async () => {
  const demo = await createDemoSetup();
  privateKeyPem = demo.privateKeyPem;
  emulator = await startEmulator({
    config: {
      ...demo.config,
      workday: {
        acme: {
          clients: [
            { clientId: 'c', clientSecret: SECRET, refreshTokens: [REFRESH] },
            {
              clientId: 'rotating',
              clientSecret: SECRET,
              refreshTokens: [REFRESH],
              rotatesRefreshTokens: true,
            },
          ],
        },
      },
    },
  });
  const policy = { allowLocalTargets: true };
  h = await startHarness({
    runCheck: createCheckRunner({
      policy,
      logger: captureLogger(logs),
      // No DNS beyond loopback in tests.
      resolve: () =>
        Promise.reject(Object.assign(new Error('no DNS in tests'), { code: 'ENOTFOUND' })),
    }),
  });
  standIn = h.standIn;
  events = `${h.url}/slack/events`;
});
afterAll(async () => {
  await h.stop();
  await emulator.close();
});

type Json = Record<string, unknown>;
const viewOf = (call: { body: Json }): Json => {
  const v = call.body['view'];
  return (typeof v === 'string' ? JSON.parse(v) : v) as Json;
};
const blockIds = (view: Json) =>
  (view['blocks'] as Json[]).map((b) => b['block_id']).filter(Boolean);

function submission(
  system: string,
  values: Record<string, string>,
  viewId = 'V1',
  user = 'U123',
): string {
  const state: Record<string, Record<string, object>> = {};
  for (const [block, value] of Object.entries(values))
    state[block] =
      block === 'check_confirm_refresh'
        ? { value: { type: 'checkboxes', selected_options: value === '' ? [] : [{ value }] } }
        : { value: { type: 'plain_text_input', value } };
  const payload = viewSubmissionPayload(
    {
      id: viewId,
      team_id: TEAM,
      type: 'modal',
      callback_id: 'authhelp_check_submit',
      private_metadata: JSON.stringify({ system }),
      hash: 'h1',
      state: { values: state },
      title: { type: 'plain_text', text: 'x' },
      blocks: [],
    },
    '1337.44.ijkl',
  );
  return interactionBody({ ...payload, user: { id: user, username: 'pat', team_id: TEAM } });
}

const workdayValues = (over: Record<string, string> = {}) => ({
  check_token_url: `${emulator.url}/ccx/oauth2/acme/token`,
  check_client_id: 'c',
  check_client_secret: SECRET,
  check_refresh_token: REFRESH,
  check_confirm_refresh: 'spend_refresh_token',
  ...over,
});

describe('Slack connection-test modal', () => {
  it('/authhelp check workday opens the Workday form, saying where values go and that the CLI exists', async () => {
    const res = await sendSigned(
      events,
      commandBody('check workday', { responseUrl: `${standIn.origin}/response/1` }),
      FORM,
    );
    expect(res.status).toBe(200);
    const [open] = await standIn
      .waitFor((c) => c.some((x) => x.method === 'views.open'))
      .then(() => standIn.api('views.open'));
    const view = viewOf(open!);
    expect(view['callback_id']).toBe('authhelp_check_submit');
    expect(blockIds(view)).toEqual([
      'check_token_url',
      'check_client_id',
      'check_client_secret',
      'check_refresh_token',
      'check_api_url',
      'check_confirm_refresh',
    ]);
    expect(JSON.stringify(view)).toMatch(/never stored, logged or posted.*authhelp check/);
    // Before a refresh-token test: what it does to a rotating server, and a box to tick.
    expect(JSON.stringify(view)).toMatch(/invalidates the one you paste.*--save-refresh-token/);
    const confirm = (view['blocks'] as Json[]).find(
      (b) => b['block_id'] === 'check_confirm_refresh',
    );
    expect(confirm).toMatchObject({ type: 'input', element: { type: 'checkboxes' } });
    expect(confirm?.['optional']).toBeUndefined();
    expect(JSON.parse(view['private_metadata'] as string)).toEqual({
      system: 'workday',
      channelId: 'C111',
    });
  });

  it('answers bad values with inline errors and sends nothing', async () => {
    const before = emulator.requestCount();
    const res = await sendSigned(
      events,
      submission(
        'workday',
        workdayValues({
          check_token_url:
            'https://wd2-impl-services1.workday.com.evil.example/ccx/oauth2/acme/token',
        }),
      ),
      FORM,
    );
    const ack = JSON.parse(res.text) as Json;
    expect(ack['response_action']).toBe('errors');
    expect(Object.keys(ack['errors'] as Json)).toEqual(['check_token_url']);
    expect((ack['errors'] as Json)['check_token_url']).toMatch(/not a Workday host/);
    const key = await sendSigned(
      events,
      submission('netsuite', {
        check_account_id: '1234567_SB1',
        check_client_id: 'ns',
        check_certificate_id: 'k',
        check_private_key: 'not a key',
      }),
      FORM,
    );
    expect(JSON.parse(key.text)).toMatchObject({
      response_action: 'errors',
      errors: { check_private_key: expect.stringMatching(/not a PEM private key/) },
    });
    expect(emulator.requestCount()).toBe(before);
  });

  it('acks with "Checking…", runs the check, then shows steps, findings with entry ids and the masked request', async () => {
    const calls = standIn.api('views.update').length;
    const res = await sendSigned(
      events,
      submission('workday', workdayValues({ check_refresh_token: `${REFRESH}-old` }), 'V2'),
      FORM,
    );
    expect(res.ms).toBeLessThan(3000);
    const ack = JSON.parse(res.text) as Json;
    expect(ack['response_action']).toBe('update');
    expect(JSON.stringify(ack['view'])).toMatch(/Checking…/);
    await standIn.waitFor(() => standIn.api('views.update').length > calls, 10_000);
    const update = standIn.api('views.update').at(-1)!;
    expect(update.body['view_id']).toBe('V2');
    const text = JSON.stringify(viewOf(update));
    expect(text).toMatch(/do not work/);
    expect(text).toMatch(/`workday\/invalid-credentials`/);
    expect(text).toMatch(/refresh_token=••••(?! \()/);
    expect(text).toMatch(/Only you can see this result/);
  });

  it('reports success for NetSuite M2M picked from the system menu', async () => {
    const pick = await sendSigned(
      events,
      interactionBody({
        type: 'block_actions',
        ...interactionSender('1337.45.mnop'),
        container: { type: 'view', view_id: 'V3' },
        view: {
          id: 'V3',
          hash: 'h3',
          type: 'modal',
          callback_id: 'authhelp_check_pick',
          private_metadata: '{}',
          state: { values: {} },
          blocks: [],
        },
        actions: [
          {
            type: 'static_select',
            action_id: 'authhelp_check_pick_system',
            block_id: 'check_pick',
            selected_option: { value: 'netsuite', text: { type: 'plain_text', text: 'NetSuite' } },
            action_ts: '1',
          },
        ],
      }),
      FORM,
    );
    expect(pick.status).toBe(200);
    await standIn.waitFor(() =>
      standIn.api('views.update').some((c) => c.body['view_id'] === 'V3'),
    );
    const form = viewOf(standIn.api('views.update').find((c) => c.body['view_id'] === 'V3')!);
    expect(blockIds(form)).toEqual([
      'check_account_id',
      'check_token_url',
      'check_client_id',
      'check_certificate_id',
      'check_private_key',
      'check_scope',
    ]);

    const res = await sendSigned(
      events,
      submission(
        'netsuite',
        {
          check_account_id: '1234567_SB1',
          check_token_url: `${emulator.url}/1234567_SB1/services/rest/auth/oauth2/v1/token`,
          check_client_id: 'ns-client',
          check_certificate_id: 'cert-demo-1',
          check_private_key: privateKeyPem,
        },
        'V4',
      ),
      FORM,
    );
    expect((JSON.parse(res.text) as Json)['response_action']).toBe('update');
    await standIn.waitFor(
      () => standIn.api('views.update').some((c) => c.body['view_id'] === 'V4'),
      10_000,
    );
    const result = JSON.stringify(
      viewOf(standIn.api('views.update').find((c) => c.body['view_id'] === 'V4')!),
    );
    expect(result).toMatch(/The credentials work/);
    expect(result).toMatch(/private_key_jwt/);
    expect(result).toMatch(/assertion claims/);
  });

  it('rate limits per user with an inline message', async () => {
    const acks: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await sendSigned(
        events,
        submission('workday', workdayValues(), `VR${String(i)}`),
        FORM,
      );
      acks.push((JSON.parse(res.text) as Json)['response_action']);
    }
    // Two checks ran before (limit 5 a minute, kept in the store): three more are allowed, not a fourth.
    expect(acks).toEqual(['update', 'update', 'update', 'errors']);
    await standIn.waitFor(
      () => standIn.api('views.update').some((c) => c.body['view_id'] === 'VR1'),
      10_000,
    );
  });

  it('canary: no typed secret in any Slack payload, ack, log line or stored reply', async () => {
    const stored = JSON.stringify(await h.store.jobs.stats()) + JSON.stringify(await storedRows());
    const everything = [...standIn.calls.map((c) => c.raw), ...logs, ...h.logs, stored].join('\n');
    for (const marker of [SECRET, REFRESH, privateKeyPem.split('\n')[1] ?? ''])
      expect(everything.includes(marker)).toBe(false);
    // Audit lines: one per check that ran.
    const audits = logs.filter((l) => l.includes('"credential_check"'));
    expect(audits.length).toBe(5);
    expect(audits[0]).toMatch(/"who":"slack:U123"/);
  });

  it('refuses a Workday test until the refresh-token box is ticked, and sends nothing', async () => {
    const before = emulator.requestCount();
    const res = await sendSigned(
      events,
      submission('workday', workdayValues({ check_confirm_refresh: '' }), 'VC', 'U555'),
      FORM,
    );
    expect(JSON.parse(res.text)).toMatchObject({
      response_action: 'errors',
      errors: { check_confirm_refresh: expect.stringMatching(/spends the refresh token/) },
    });
    expect(emulator.requestCount()).toBe(before);
  });

  it('shows what a token server says escaped: no mention, link or formatting of its own', async () => {
    const markup = '<!channel> sign in at <https://evil.example/login|the admin page> & *now*';
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'invalid_client', error_description: markup }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const calls = standIn.api('views.update').length;
      const values = {
        check_token_url: `http://127.0.0.1:${port}/oauth2/token`,
        check_client_id: 'c',
        check_client_secret: SECRET,
      };
      await sendSigned(events, submission('oauth2', values, 'VMARK', 'U888'), FORM);
      await standIn.waitFor(
        () =>
          standIn
            .api('views.update')
            .slice(calls)
            .some((c) => c.body['view_id'] === 'VMARK'),
        10_000,
      );
      const update = standIn
        .api('views.update')
        .slice(calls)
        .find((c) => c.body['view_id'] === 'VMARK');
      const text = JSON.stringify(viewOf(update!));
      // Shown, as typed by the server, and inert.
      expect(text).toContain('&lt;!channel&gt;');
      expect(text).toContain('&amp;');
      expect(text).not.toMatch(/<!channel>|<https:\/\/evil/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a rotating server: the result leads with the warning and Slack never shows the new token', async () => {
    const calls = standIn.api('views.update').length;
    await sendSigned(
      events,
      submission('workday', workdayValues({ check_client_id: 'rotating' }), 'VROT', 'U777'),
      FORM,
    );
    await standIn.waitFor(
      () => standIn.api('views.update').some((c) => c.body['view_id'] === 'VROT'),
      10_000,
    );
    const update = standIn
      .api('views.update')
      .slice(calls)
      .find((c) => c.body['view_id'] === 'VROT');
    const text = JSON.stringify(viewOf(update!));
    expect(text).toMatch(/The credentials work/);
    expect(text).toMatch(
      /\*1\. The server issued a new refresh token: the stored one may now be invalid/,
    );
    // The emulator's rotated tokens start wd-rt-: none in any Slack call or log line.
    const everything = [...standIn.calls.map((c) => c.raw), ...logs].join('\n');
    expect(everything).not.toMatch(/wd-rt-/);
  });
});

/** Every row of the embedded store's tables, as the database holds them. */
async function storedRows(): Promise<unknown[]> {
  const { location } = h.store;
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(location, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    return tables.flatMap((t) => db.prepare(`SELECT * FROM "${t.name}"`).all());
  } finally {
    db.close();
  }
}
