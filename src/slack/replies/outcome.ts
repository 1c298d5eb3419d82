import type { JobOutcome } from '../../adapters/store/jobs/runner.js';
import { RESPOND_FAILED, type Delivery } from './delivery.js';

/** Slack errors worth another try; every other error string is permanent (bad channel, token…). */
const TRANSIENT_SLACK_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'rate_limited',
]);

/** Slack errors that mean the bot token itself is no longer accepted. */
export const TOKEN_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);

/** The Web API method (or `response_url`) a delivery is sent with, for logs. */
export function methodOf(d: Delivery): string {
  switch (d.kind) {
    case 'respond':
      return 'response_url';
    case 'post':
      return 'chat.postMessage';
    case 'ephemeral':
      return 'chat.postEphemeral';
    case 'open-view':
      return 'views.open';
    case 'update-view':
      return 'views.update';
    case 'publish-home':
      return 'views.publish';
  }
}

/** What a failed send says, in the terms a log line and the job runner need. */
export interface SendFailure {
  readonly outcome: Extract<JobOutcome, { status: 'retry' | 'failed' }>;
  /** Slack's error string (`not_in_channel`), or the HTTP status, or the network error's code. */
  readonly slackError: string;
  /** 429 or Slack's `ratelimited`: routine, logged at warn. */
  readonly rateLimited: boolean;
}

/**
 * Reads an error thrown by `deliver`: 429 (with Retry-After), 5xx, timeouts and dropped
 * connections are retried; Slack's permanent errors (`channel_not_found`, `not_in_channel`,
 * `invalid_auth` …) and other 4xx are not. A response_url answering 200 `{"ok":false}` is one of
 * those: not delivered, and not going to be.
 */
export function readFailure(error: unknown, method: string): SendFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    name?: unknown;
    statusCode?: unknown;
    retryAfter?: unknown;
    data?: { error?: unknown };
    original?: { code?: unknown; message?: unknown };
    message?: unknown;
  };
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const slackError = typeof e.data?.error === 'string' ? e.data.error : undefined;
  const retryAfterMs =
    typeof e.retryAfter === 'number' && e.retryAfter > 0 ? e.retryAfter * 1000 : undefined;
  const label = (what: string) => `${method}: ${what}`;
  if (e.code === 'slack_webapi_rate_limited_error' || status === 429) {
    return {
      outcome: {
        status: 'retry',
        reason: label('rate limited'),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      },
      slackError: 'ratelimited',
      rateLimited: true,
    };
  }
  if (slackError !== undefined && (e.code === 'slack_webapi_platform_error' || status === 200)) {
    const transient = TRANSIENT_SLACK_ERRORS.has(slackError);
    return {
      outcome: { status: transient ? 'retry' : 'failed', reason: label(slackError) },
      slackError,
      rateLimited: slackError === 'ratelimited' || slackError === 'rate_limited',
    };
  }
  if (status !== undefined && (e.code === 'slack_webapi_http_error' || e.code === RESPOND_FAILED)) {
    const transient = status >= 500 || status === 408;
    const what = slackError ?? `HTTP ${String(status)}`;
    return {
      outcome: { status: transient ? 'retry' : 'failed', reason: label(what) },
      slackError: what,
      rateLimited: false,
    };
  }
  // Timeouts, refused or dropped connections, aborts: Slack may well take it next time.
  const cause = e.original ?? e;
  const what =
    typeof cause.code === 'string'
      ? cause.code
      : typeof e.name === 'string'
        ? e.name
        : 'network error';
  return {
    outcome: { status: 'retry', reason: label(what) },
    slackError: what,
    rateLimited: false,
  };
}
