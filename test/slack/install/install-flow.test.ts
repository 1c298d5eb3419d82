import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Store } from '../../../src/adapters/store/types.js';
import { backendNames, createBackend, until, type Backend } from '../../adapters/store/backends.js';
import { Browser } from '../support/browser.js';
import { startHarness, type Harness } from '../support/harness.js';
import { channelMessage } from '../support/payloads.js';
import { OAUTH_APP, type FakeInstall } from '../support/slack-oauth.js';

const names = await backendNames();

const CONFIDENT = 'Login Audit Trail detail: TokenRejected';
/** pino's numeric levels. */
const WARN = 40;
const ERROR = 50;

const ACME: FakeInstall = {
  team: { id: 'TACME', name: 'Acme <Support>' },
  botToken: 'xoxb-acme-canaryAcmeBotToken',
  botUserId: 'UACMEBOT',
  botId: 'BACME',
};
const BETA: FakeInstall = {
  team: { id: 'TBETA', name: 'Beta' },
  botToken: 'xoxb-beta-canaryBetaBotToken',
  botUserId: 'UBETABOT',
  botId: 'BBETA',
};
const GRID: FakeInstall = {
  enterprise: { id: 'EGRID', name: 'Grid Co' },
  orgWide: true,
  botToken: 'xoxb-grid-canaryGridBotToken',
  botUserId: 'UGRIDBOT',
  botId: 'BGRID',
};

describe.each(names)('installs into many workspaces, on %s', (name) => {
  const t = installedApp(name);

  const host = () => new URL(t.h.url).hostname;
  const install = async (who: FakeInstall, browser = new Browser()) => {
    t.h.oauth!.approveNext(who);
    return browser.visit(`${t.h.url}/slack/install`);
  };
  /** Web API calls of `method` made with `token`. */
  const callsWith = (method: string, token: string) =>
    t.h.standIn.api(method).filter((c) => c.token === token);

  it('takes a person through Slack and back: authorize page, code exchange, stored sealed, next steps', async () => {
    const browser = new Browser();
    const hops = await install(ACME, browser);
    // /slack/install → Slack's authorize page, with our client id, the bot scopes and a state …
    expect(hops.map((x) => x.status)).toEqual([302, 302, 200]);
    const authorize = new URL(hops[0]!.location!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(
      `${t.h.standIn.origin}/oauth/v2/authorize`,
    );
    expect(authorize.searchParams.get('client_id')).toBe(OAUTH_APP.clientId);
    expect(authorize.searchParams.get('scope')).toBe(
      'commands,chat:write,channels:history,groups:history',
    );
    const state = authorize.searchParams.get('state');
    expect(state).toBeTruthy();
    // … bound to this browser by an HttpOnly cookie, cleared once used.
    expect(hops[0]!.headers.get('set-cookie')).toMatch(/slack-app-oauth-state=.+HttpOnly/);
    expect(browser.cookie(host(), 'slack-app-oauth-state')).toBeUndefined();
    // Slack sends the browser back to the redirect URL with a code and the same state.
    const back = new URL(hops[1]!.location!);
    expect(back.pathname).toBe('/slack/oauth_redirect');
    expect(back.searchParams.get('state')).toBe(state);
    // The code is exchanged once, with the app's credentials.
    const exchanges = t.h.standIn.api('oauth.v2.access');
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.body).toMatchObject({
      client_id: OAUTH_APP.clientId,
      code: back.searchParams.get('code'),
    });
    // The page says where it is installed (escaped) and what to do next.
    const page = hops[2]!;
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('authhelp is installed in <strong>Acme &lt;Support&gt;</strong>');
    expect(page.text).toContain('/invite @authhelp');
    expect(page.text).toContain('/authhelp help');
    // Stored: the installation opens with the key, and no token is readable in the table.
    const stored = await t.store.installations.fetchInstallation({
      teamId: 'TACME',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(stored.bot).toMatchObject({
      token: ACME.botToken,
      userId: 'UACMEBOT',
      id: 'BACME',
    });
    const dump = JSON.stringify(await t.backend.raw('SELECT * FROM installations'));
    expect(dump).toContain('TACME');
    expect(dump).not.toContain('canaryAcmeBotToken');
    // Nothing secret reached the logs.
    const logs = t.h.logs.join('\n');
    for (const secret of ['canaryAcmeBotToken', OAUTH_APP.clientSecret, OAUTH_APP.stateSecret])
      expect(logs).not.toContain(secret);
    expect(logs).toContain('"installed"');
  });

  it("answers that workspace's slash command and channel paste with that workspace's token", async () => {
    const { res } = await t.h.command('check', {}, { team: 'TACME' });
    expect(res.status).toBe(200);
    await t.h.standIn.waitFor(() => callsWith('views.open', ACME.botToken).length === 1);
    const msg = channelMessage(CONFIDENT);
    await t.h.event(msg, { via: { team: 'TACME', botUser: 'UACMEBOT' } });
    await t.h.standIn.waitFor(() => callsWith('chat.postMessage', ACME.botToken).length === 1);
    expect(callsWith('chat.postMessage', ACME.botToken)[0]!.body['thread_ts']).toBe(msg['ts']);
    // No call went out with any other token (there is no app-wide token in this mode).
    const tokens = new Set(t.h.standIn.calls.filter((c) => c.kind === 'api').map((c) => c.token));
    expect([...tokens].sort()).toEqual([undefined, ACME.botToken].sort());
  });

  it('answers two workspaces with two tokens', async () => {
    const hops = await install(BETA);
    expect(hops.at(-1)!.status).toBe(200);
    const before = t.h.standIn.api('views.open').length;
    await t.h.command('check', {}, { team: 'TBETA' });
    await t.h.command('check', {}, { team: 'TACME' });
    await t.h.standIn.waitFor(() => t.h.standIn.api('views.open').length === before + 2);
    expect(callsWith('views.open', BETA.botToken)).toHaveLength(1);
    expect(callsWith('views.open', ACME.botToken)).toHaveLength(2);
  });

  it("skips each workspace's own bot user, and only there", async () => {
    const acmePosts = callsWith('chat.postMessage', ACME.botToken).length;
    // Beta's bot user writing in Beta is the app itself: no answer.
    await t.h.event(channelMessage(CONFIDENT, { user: 'UBETABOT' }), {
      via: { team: 'TBETA', botUser: 'UBETABOT' },
    });
    // The same user id in Acme is not Acme's bot: answered, with Acme's token.
    await t.h.event(channelMessage(CONFIDENT, { user: 'UBETABOT' }), {
      via: { team: 'TACME', botUser: 'UACMEBOT' },
    });
    await t.h.standIn.waitFor(
      () => callsWith('chat.postMessage', ACME.botToken).length === acmePosts + 1,
    );
    await t.h.standIn.settle();
    expect(callsWith('chat.postMessage', BETA.botToken)).toHaveLength(0);
  });

  it('answers every workspace of an org-wide (Enterprise Grid) install with the org token', async () => {
    const hops = await install(GRID);
    const page = hops.at(-1)!;
    expect(page.status).toBe(200);
    expect(page.text).toContain('authhelp is installed in <strong>Grid Co</strong>');
    // An org-wide install is used nowhere until an admin picks workspaces: the page links there.
    expect(page.text).toContain(
      'https://acme-grid.enterprise.slack.com/manage/organization/apps/profile/A0AUTHHELP/workspaces/add',
    );
    const rows = await t.backend.raw(
      "SELECT scope, scope_id FROM installations WHERE scope = 'enterprise'",
    );
    expect(rows).toEqual([{ scope: 'enterprise', scope_id: 'EGRID' }]);
    // Two workspaces of the org: one token, each call addressed to its workspace.
    await t.h.command('check', {}, { team: 'TGRID1', enterprise: 'EGRID', orgWide: true });
    await t.h.event(channelMessage(CONFIDENT), {
      via: { team: 'TGRID2', enterprise: 'EGRID', orgWide: true, botUser: 'UGRIDBOT' },
    });
    await t.h.standIn.waitFor(
      () =>
        callsWith('views.open', GRID.botToken).length === 1 &&
        callsWith('chat.postMessage', GRID.botToken).length === 1,
    );
    expect(callsWith('views.open', GRID.botToken)[0]!.body['team_id']).toBe('TGRID1');
    expect(callsWith('chat.postMessage', GRID.botToken)[0]!.body['team_id']).toBe('TGRID2');
  });

  it('deletes the installation on app_uninstalled, and stops using its token', async () => {
    const res = await t.h.event(
      { type: 'app_uninstalled', event_ts: '1700000300.000100' },
      { via: { team: 'TBETA', botUser: 'UBETABOT' } },
    );
    expect(res.status).toBe(200);
    await waitGone(t.store, 'TBETA');
    expect(t.h.logs.join('\n')).toMatch(/"reason":"app_uninstalled".*"teamId":"TBETA"/);
    // Redelivered: nothing more to delete, no failure.
    const again = await t.h.event(
      { type: 'app_uninstalled', event_ts: '1700000300.000100' },
      { via: { team: 'TBETA' } },
    );
    expect(again.status).toBe(200);
    const betaCalls = callsWith('views.open', BETA.botToken).length;
    const { responseUrl } = await t.h.command('check', {}, { team: 'TBETA' });
    await t.h.standIn.settle(300);
    expect(callsWith('views.open', BETA.botToken)).toHaveLength(betaCalls);
    // The person is told it is not installed there (through the response_url; no token needed).
    const told = t.h.standIn.responses().filter((c) => responseUrl.endsWith(c.method));
    expect(JSON.stringify(told)).toContain('/slack/install');
    // Acme is untouched.
    await t.h.command('check', {}, { team: 'TACME' });
    await t.h.standIn.waitFor(() => callsWith('views.open', ACME.botToken).length === 3);
  });

  it('deletes the installation when its bot token is revoked, not when only user tokens are', async () => {
    await t.h.event(
      { type: 'tokens_revoked', tokens: { oauth: ['U0INSTALLER'] }, event_ts: '1700000400.1' },
      { via: { team: 'TACME' } },
    );
    await t.h.standIn.settle();
    expect(await installed(t.store, 'TACME')).toBe(true);
    await t.h.event(
      { type: 'tokens_revoked', tokens: { bot: ['UACMEBOT'] }, event_ts: '1700000400.2' },
      { via: { team: 'TACME' } },
    );
    await waitGone(t.store, 'TACME');
    // The org-wide install is keyed by its enterprise and goes with an org-wide uninstall.
    await t.h.event(
      { type: 'app_uninstalled', event_ts: '1700000400.3' },
      { via: { team: 'TGRID1', enterprise: 'EGRID', orgWide: true } },
    );
    await until(
      async () => (await t.backend.raw('SELECT scope_id FROM installations')).length === 0,
      'the org-wide installation deleted',
      5000,
    );
  });
});

describe.each(names)('refuses a broken install flow, on %s', (name) => {
  const t = installedApp(name);

  /** Starts an install in `browser` and returns the state Slack would send back. */
  const startInstall = async (browser: Browser): Promise<string> => {
    const first = await browser.get(`${t.h.url}/slack/install`);
    return new URL(first.location!).searchParams.get('state')!;
  };
  const redirect = (params: Record<string, string>) =>
    `${t.h.url}/slack/oauth_redirect?${new URLSearchParams(params).toString()}`;
  const stored = async () => (await t.backend.raw('SELECT scope_id FROM installations')).length;

  it('refuses a forged state, with a page that says to start again', async () => {
    const browser = new Browser();
    await startInstall(browser);
    const code = t.h.oauth!.issueCode(ACME);
    const page = await browser.get(redirect({ code, state: 'forged.state.value' }));
    expect(page.status).toBe(400);
    expect(page.text).toContain('expired or belongs to another browser');
    expect(page.text).toContain('href="/slack/install"');
  });

  it('refuses a real state arriving in another browser (no cookie): a login CSRF', async () => {
    const state = await startInstall(new Browser());
    const code = t.h.oauth!.issueCode(ACME);
    const page = await new Browser().get(redirect({ code, state }));
    expect(page.status).toBe(400);
    expect(page.text).toContain('another browser');
  });

  it('refuses a redirect without a state', async () => {
    const page = await new Browser().get(redirect({ code: t.h.oauth!.issueCode(ACME) }));
    expect(page.status).toBe(400);
    expect(page.text).toContain('not started here');
    expect(page.text).toContain('SLACK_STATE_VERIFICATION');
  });

  it('says nothing was installed when the person cancels on Slack', async () => {
    t.h.oauth!.denyNext();
    const hops = await new Browser().visit(`${t.h.url}/slack/install`);
    expect(hops.at(-1)!.text).toContain('Installation cancelled');
  });

  it('reports a code Slack refuses as a failure of the install, not of the visitor', async () => {
    const browser = new Browser();
    const state = await startInstall(browser);
    const page = await browser.get(redirect({ code: 'code-never-issued', state }));
    expect(page.status).toBe(500);
    expect(page.text).toContain('did not finish');
    const failed = t.h.logs.filter((l) => l.includes('"install failed"'));
    expect(failed.map((l) => JSON.parse(l) as object)).toEqual([
      expect.objectContaining({ level: ERROR, slackError: 'invalid_code' }),
    ]);
  });

  it('stored nothing, exchanged no refused code, and logged the visitor mistakes at warn', async () => {
    expect(await stored()).toBe(0);
    // Only the last test's made-up code reached oauth.v2.access.
    expect(t.h.standIn.api('oauth.v2.access').map((c) => c.body['code'])).toEqual([
      'code-never-issued',
    ]);
    const refused = t.h.logs.filter((l) => l.includes('install refused'));
    expect(refused.length).toBeGreaterThanOrEqual(3);
    for (const line of refused) expect(JSON.parse(line)).toMatchObject({ level: WARN });
    const errors = t.h.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= ERROR);
    expect(errors.filter((l) => /State|cancelled/.test(l))).toEqual([]);
  });

  it('accepts a redirect without state when state verification is off (org admin installs)', async () => {
    const open = await startHarness({ backend: t.backend, install: { stateVerification: false } });
    try {
      const page = await new Browser().get(
        `${open.url}/slack/oauth_redirect?code=${open.oauth!.issueCode(GRID)}`,
      );
      expect(page.status).toBe(200);
      expect(await stored()).toBe(1);
    } finally {
      await open.stop();
    }
  });
});

describe.each(names)('installs across instances sharing one store, on %s', (name) => {
  it('finishes on another instance an install started on one, and both answer with its token', async () => {
    const backend = await createBackend(name);
    const a = await startHarness({ backend, install: {} });
    const b = await startHarness({ backend, install: {}, standIn: a.standIn });
    try {
      const browser = new Browser();
      a.oauth!.approveNext(ACME);
      const start = await browser.get(`${a.url}/slack/install`);
      const slack = await browser.get(start.location!);
      // The load balancer sends Slack's redirect to the other instance (same host, same cookie).
      const back = new URL(slack.location!);
      const page = await browser.get(`${b.url}${back.pathname}${back.search}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('authhelp is installed');
      await a.command('check', {}, { team: 'TACME' });
      await b.command('check', {}, { team: 'TACME' });
      await a.standIn.waitFor(
        () => a.standIn.api('views.open').filter((c) => c.token === ACME.botToken).length === 2,
      );
    } finally {
      await b.stop();
      await a.stop();
      await backend.cleanup();
    }
  });
});

/** The app installing into many workspaces, on a fresh store of back end `name`, for one describe. */
function installedApp(name: 'sqlite' | 'postgres'): { backend: Backend; store: Store; h: Harness } {
  const t = {} as { backend: Backend; store: Store; h: Harness };
  beforeAll(async () => {
    t.backend = await createBackend(name);
    t.h = await startHarness({ backend: t.backend, install: {} });
    t.store = t.h.store;
  });
  afterAll(async () => {
    await t.h.stop();
    await t.backend.cleanup();
  });
  return t;
}

async function installed(store: Store, teamId: string): Promise<boolean> {
  try {
    await store.installations.fetchInstallation({
      teamId,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    return true;
  } catch {
    return false;
  }
}

async function waitGone(store: Store, teamId: string): Promise<void> {
  await until(async () => !(await installed(store, teamId)), `${teamId} deleted`, 5000);
}
