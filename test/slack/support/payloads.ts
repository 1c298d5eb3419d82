/** Request bodies shaped like Slack's, for the surfaces the app listens to. */

export const TEAM = 'T1';
const USER = 'U123';
export const CHANNEL = 'C111';

/** Which installation a payload comes through (default: workspace T1, not org-wide). */
export interface Via {
  readonly team?: string;
  readonly enterprise?: string;
  readonly orgWide?: boolean;
}

export interface CommandOptions extends Via {
  readonly responseUrl: string;
  readonly user?: string;
  readonly channel?: string;
}

export function commandBody(text: string, o: CommandOptions): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: o.team ?? TEAM,
    ...(o.enterprise === undefined ? {} : { enterprise_id: o.enterprise }),
    team_domain: 'acme',
    channel_id: o.channel ?? CHANNEL,
    channel_name: 'support',
    user_id: o.user ?? USER,
    user_name: 'pat',
    command: '/authhelp',
    text,
    api_app_id: 'A1',
    is_enterprise_install: String(o.orgWide === true),
    response_url: o.responseUrl,
    trigger_id: '1337.42.abcd',
  }).toString();
}

export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Who acted and from which app: the fields every block action and view submission carries. */
export function interactionSender(triggerId: string): object {
  return {
    team: { id: TEAM, domain: 'acme' },
    user: { id: USER, username: 'pat', team_id: TEAM },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: triggerId,
  };
}

/** A modal submitted; `view` carries the callback id and the `state` of its inputs. */
export function viewSubmissionPayload(view: object, triggerId: string): object {
  return { type: 'view_submission', ...interactionSender(triggerId), view };
}

/** The OAuth 2.0 connection-test form submitted with plausible values. */
export function oauth2CheckSubmission(viewId: string, user = USER): object {
  const payload = viewSubmissionPayload(
    {
      id: viewId,
      type: 'modal',
      callback_id: 'authhelp_check_submit',
      private_metadata: JSON.stringify({ system: 'oauth2' }),
      state: {
        values: {
          check_token_url: { value: { value: 'https://auth.example.com/oauth2/token' } },
          check_client_id: { value: { value: 'c' } },
          check_client_secret: { value: { value: 's' } },
        },
      },
    },
    `1337.${viewId}`,
  ) as { user: object };
  return { ...payload, user: { ...payload.user, id: user } };
}

export interface ButtonClick {
  readonly actionId: string;
  readonly value?: string;
  readonly responseUrl?: string;
  /** Where the button is: a message (default) or the App Home view. */
  readonly container?: 'message' | 'home';
}

export function blockActionPayload(click: ButtonClick): object {
  const home = click.container === 'home';
  return {
    type: 'block_actions',
    ...interactionSender('1337.43.efgh'),
    container: home
      ? { type: 'view', view_id: 'VHOME' }
      : {
          type: 'message',
          message_ts: '1700000000.000100',
          channel_id: CHANNEL,
          is_ephemeral: true,
        },
    ...(home
      ? { view: { id: 'VHOME', type: 'home', blocks: [] } }
      : { channel: { id: CHANNEL, name: 'support' } }),
    ...(click.responseUrl === undefined ? {} : { response_url: click.responseUrl }),
    actions: [
      {
        type: 'button',
        action_id: click.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        ...(click.value === undefined ? {} : { value: click.value }),
        action_ts: '1700000001.000200',
      },
    ],
  };
}

export interface MessageShortcutOptions {
  readonly text: string;
  readonly responseUrl: string;
  readonly ts?: string;
  readonly threadTs?: string;
}

export function messageShortcutPayload(o: MessageShortcutOptions): object {
  return {
    type: 'message_action',
    callback_id: 'diagnose_message',
    trigger_id: '1337.44.ijkl',
    team: { id: TEAM, domain: 'acme' },
    user: { id: USER, name: 'pat', team_id: TEAM },
    channel: { id: CHANNEL, name: 'support' },
    message_ts: o.ts ?? '1700000000.000500',
    response_url: o.responseUrl,
    token: 'legacy-verification-token',
    action_ts: '1700000002.000300',
    message: {
      type: 'message',
      user: 'U999',
      ts: o.ts ?? '1700000000.000500',
      text: o.text,
      ...(o.threadTs === undefined ? {} : { thread_ts: o.threadTs }),
    },
  };
}

let eventSeq = 0;

export function nextEventId(): string {
  eventSeq += 1;
  return `Ev${String(eventSeq).padStart(8, '0')}`;
}

export function eventBody(
  event: object,
  eventId: string = nextEventId(),
  via: Via & { readonly botUser?: string } = {},
): string {
  const team = via.team ?? TEAM;
  const orgWide = via.orgWide === true;
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: team,
    ...(via.enterprise === undefined ? {} : { enterprise_id: via.enterprise }),
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [
      {
        // An org-wide installation is authorised for the org, not a workspace.
        team_id: orgWide ? null : team,
        enterprise_id: via.enterprise ?? null,
        user_id: via.botUser ?? 'UBOT',
        is_bot: true,
        is_enterprise_install: orgWide,
      },
    ],
    event,
  });
}

let tsSeq = 0;

/** A person's message in a channel, as Slack sends it for `message.channels`. */
export function channelMessage(
  text: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  tsSeq += 1;
  return {
    type: 'message',
    channel: CHANNEL,
    channel_type: 'channel',
    user: 'U555',
    text,
    ts: `1700000100.${String(tsSeq).padStart(6, '0')}`,
    event_ts: `1700000100.${String(tsSeq).padStart(6, '0')}`,
    ...extra,
  };
}
