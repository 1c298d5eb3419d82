import type { webApi } from '@slack/bolt';
import type { HomeView, ModalView } from '../blocks/view.js';
import type { SlackMessage } from '../blocks/message.js';
import type { Workspace } from '../install/workspace.js';

/**
 * One thing the app owes a person after an ack, as plain data: every reply is one of these, sent
 * by `deliver`. Data, not a closure, so it can be logged by kind, retried or kept in a store.
 */
export type Delivery =
  | {
      readonly kind: 'respond';
      readonly responseUrl: string;
      readonly mode: 'private' | 'in-channel' | 'replace';
      readonly message: SlackMessage;
    }
  | {
      readonly kind: 'post';
      readonly channel: string;
      readonly threadTs?: string;
      readonly message: SlackMessage;
    }
  | {
      readonly kind: 'ephemeral';
      readonly channel: string;
      readonly user: string;
      readonly threadTs?: string;
      readonly message: SlackMessage;
    }
  | { readonly kind: 'open-view'; readonly triggerId: string; readonly view: ModalView }
  | {
      readonly kind: 'update-view';
      readonly viewId: string;
      readonly hash?: string;
      readonly view: ModalView;
    }
  | { readonly kind: 'publish-home'; readonly user: string; readonly view: HomeView };

/** A new reply through the response_url that only the person who asked sees. */
export function privately(responseUrl: string, message: SlackMessage): Delivery {
  return { kind: 'respond', responseUrl, mode: 'private', message };
}

/** Redraws the message the clicked button is in. */
export function replaceOriginal(responseUrl: string, message: SlackMessage): Delivery {
  return { kind: 'respond', responseUrl, mode: 'replace', message };
}

/** Where Slack is reached: a Web API client per workspace and the fetch used for response_urls. */
export interface SlackCalls {
  /**
   * The client holding the bot token of the workspace (or org) a reply goes to: the one token of
   * a single-workspace app, or the installation's token when installed into many.
   */
  readonly clientFor: (workspace: Workspace | undefined) => Promise<webApi.WebClient>;
  readonly fetch: webApi.FetchFunction;
}

/**
 * Sends one delivery on behalf of `workspace`; throws when Slack did not take it (see outcome.ts
 * for what that means). A response_url needs no token, so it is sent without looking one up, and
 * `signal` (a job try's time limit) aborts it; Web API calls are bounded by the client's fetch.
 */
export async function deliver(
  slack: SlackCalls,
  d: Delivery,
  workspace?: Workspace,
  signal?: AbortSignal,
): Promise<void> {
  if (d.kind === 'respond')
    return respond(slack.fetch, d.responseUrl, signal, {
      ...(d.mode === 'replace'
        ? { replace_original: true }
        : {
            response_type: d.mode === 'private' ? 'ephemeral' : 'in_channel',
            replace_original: false,
          }),
      ...d.message,
    });
  const client = await slack.clientFor(workspace);
  switch (d.kind) {
    case 'post':
      await client.chat.postMessage({
        channel: d.channel,
        ...(d.threadTs === undefined ? {} : { thread_ts: d.threadTs }),
        ...d.message,
      });
      return;
    case 'ephemeral':
      await client.chat.postEphemeral({
        channel: d.channel,
        user: d.user,
        ...(d.threadTs === undefined ? {} : { thread_ts: d.threadTs }),
        ...d.message,
      });
      return;
    case 'open-view':
      await client.views.open({ trigger_id: d.triggerId, view: d.view });
      return;
    case 'update-view':
      await client.views.update({
        view_id: d.viewId,
        ...(d.hash === undefined ? {} : { hash: d.hash }),
        view: d.view,
      });
      return;
    case 'publish-home':
      await client.views.publish({ user_id: d.user, view: d.view });
      return;
  }
}

/**
 * A response_url POST (the fetch bounds its time); a non-2xx status or `{"ok":false}` means the
 * reply did not arrive. The error carries the status, Slack's error string and Retry-After.
 */
async function respond(
  fetchFn: webApi.FetchFunction,
  url: string,
  signal: AbortSignal | undefined,
  body: object,
): Promise<void> {
  const res = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal === undefined ? {} : { signal }),
  });
  const text = await res.text();
  const refusal = refused(text);
  if (res.ok && refusal === undefined) return;
  // Some refusals come as a bare code (`expired_url`, `used_url`) rather than JSON.
  const error = refusal ?? (/^[a-z_]{1,40}$/.test(text.trim()) ? text.trim() : '');
  const retryAfter = Number(res.headers.get('retry-after'));
  throw Object.assign(new Error(`response_url answered ${String(res.status)}`), {
    statusCode: res.status,
    code: RESPOND_FAILED,
    ...(error === '' ? {} : { data: { error } }),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
  });
}

/** The `code` of an error from a response_url POST. */
export const RESPOND_FAILED = 'slack_respond_failed';

/** Slack's error string when the body is `{"ok":false,…}` ('' without one), else undefined. */
function refused(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || !('ok' in parsed) || parsed.ok !== false)
      return undefined;
    return 'error' in parsed && typeof parsed.error === 'string' ? parsed.error : '';
  } catch {
    return undefined;
  }
}
