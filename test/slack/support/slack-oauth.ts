import type { SlackStandIn } from './stand-in.js';

/** The app's credentials as the stand-in knows them (Basic Information → App Credentials). */
export const OAUTH_APP = {
  clientId: '1111111111.2222222222',
  clientSecret: 'canary-client-secret-5f1d',
  stateSecret: 'canary-state-secret-0123456789abcdef0123',
  appId: 'A0AUTHHELP',
} as const;

/** A workspace (or an Enterprise Grid org, `orgWide`) that installs the app. */
export interface FakeInstall {
  readonly team?: { id: string; name: string };
  readonly enterprise?: { id: string; name: string };
  readonly orgWide?: boolean;
  readonly botToken: string;
  readonly botUserId: string;
  readonly botId: string;
}

const onStandIn = new WeakMap<SlackStandIn, SlackOAuthStandIn>();

type Decision = { readonly approve: FakeInstall } | { readonly deny: true };

/**
 * Slack's side of the install flow on the recording stand-in: the authorize page
 * (`/oauth/v2/authorize`, where a person clicks Allow and is sent back with a one-time code),
 * `oauth.v2.access` (code → bot token, checked against the app's credentials) and an `auth.test`
 * that answers for whichever installed token asks.
 */
export class SlackOAuthStandIn {
  /** Query strings of every visit to the authorize page. */
  readonly visits: URLSearchParams[] = [];
  readonly #codes = new Map<string, FakeInstall>();
  readonly #byToken = new Map<string, FakeInstall>();
  #next: Decision | undefined;
  #codeSeq = 0;

  /** Where Slack sends the browser back (the app's Redirect URL) when none is in the link. */
  readonly #redirectUrl: () => string;

  /** The one for `standIn` (instances sharing a stand-in share Slack's side of the flow too). */
  static on(standIn: SlackStandIn, redirectUrl: () => string): SlackOAuthStandIn {
    let oauth = onStandIn.get(standIn);
    if (oauth === undefined) {
      oauth = new SlackOAuthStandIn(standIn, redirectUrl);
      onStandIn.set(standIn, oauth);
    }
    return oauth;
  }

  private constructor(standIn: SlackStandIn, redirectUrl: () => string) {
    this.#redirectUrl = redirectUrl;
    standIn.page('/oauth/v2/authorize', (url, res) => {
      this.visits.push(url.searchParams);
      const back = new URL(url.searchParams.get('redirect_uri') ?? this.#redirectUrl());
      const state = url.searchParams.get('state');
      if (state !== null) back.searchParams.set('state', state);
      const decision = this.#next;
      this.#next = undefined;
      if (decision === undefined || 'deny' in decision) {
        back.searchParams.set('error', 'access_denied');
      } else {
        this.#codeSeq += 1;
        const code = `code-${String(this.#codeSeq)}`;
        this.#codes.set(code, decision.approve);
        back.searchParams.set('code', code);
      }
      res.writeHead(302, { location: back.toString() });
      res.end();
    });
    standIn.answer('oauth.v2.access', (body) => this.#exchange(body));
    standIn.answer('auth.test', (_body, token) => this.#authTest(token));
  }

  /** The next person on the authorize page clicks Allow for `install`. */
  approveNext(install: FakeInstall): void {
    this.#next = { approve: install };
  }

  /** The next person on the authorize page clicks Cancel. */
  denyNext(): void {
    this.#next = { deny: true };
  }

  /** A code for `install` as if a person had allowed it (for a redirect sent by hand). */
  issueCode(install: FakeInstall): string {
    this.#codeSeq += 1;
    const code = `code-${String(this.#codeSeq)}`;
    this.#codes.set(code, install);
    return code;
  }

  #exchange(body: Record<string, unknown>): object {
    if (
      body['client_id'] !== OAUTH_APP.clientId ||
      body['client_secret'] !== OAUTH_APP.clientSecret
    )
      return { ok: false, error: 'invalid_client_id' };
    const install = this.#codes.get(String(body['code']));
    // A code works once, as at Slack.
    this.#codes.delete(String(body['code']));
    if (install === undefined) return { ok: false, error: 'invalid_code' };
    this.#byToken.set(install.botToken, install);
    return {
      ok: true,
      app_id: OAUTH_APP.appId,
      authed_user: { id: 'U0INSTALLER' },
      scope: 'commands,chat:write,channels:history,groups:history',
      token_type: 'bot',
      access_token: install.botToken,
      bot_user_id: install.botUserId,
      team: install.orgWide === true ? null : (install.team ?? null),
      enterprise: install.enterprise ?? null,
      is_enterprise_install: install.orgWide === true,
    };
  }

  #authTest(token: string | undefined): object {
    const install = token === undefined ? undefined : this.#byToken.get(token);
    if (install === undefined) return { ok: false, error: 'invalid_auth' };
    return {
      ok: true,
      user_id: install.botUserId,
      bot_id: install.botId,
      team_id: install.team?.id,
      enterprise_id: install.enterprise?.id,
      url:
        install.orgWide === true
          ? 'https://acme-grid.enterprise.slack.com/'
          : 'https://acme.slack.com/',
      is_enterprise_install: install.orgWide === true,
    };
  }
}
