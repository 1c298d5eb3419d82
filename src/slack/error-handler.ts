import type { FetchFunction, WebClient } from '@slack/web-api';
import type { Logger } from '../adapters/logger.js';
import { apologyMessage } from './blocks/help.js';
import { errorFields } from './log-fields.js';

/** Where a person may be waiting for an answer that will not come. */
interface Waiting {
  readonly responseUrl?: string;
  readonly channel?: string;
  readonly user?: string;
}

export interface ErrorHandlerArgs {
  readonly error: Error;
  readonly body?: unknown;
}

type FetchFn = FetchFunction;

/**
 * The one place listener failures end up: log the failure (never the payload) and tell the person
 * waiting, privately, that it did not work. Never throws, so the process and the receiver carry on.
 */
export function createErrorHandler(deps: {
  logger: Logger;
  client: WebClient;
  fetch: FetchFn;
}): (args: ErrorHandlerArgs) => Promise<void> {
  return async ({ error, body }) => {
    const waiting = waitingIn(body);
    deps.logger.error(
      { ...errorFields(error), surface: surfaceOf(body), apologised: waiting !== undefined },
      'slack listener failed',
    );
    if (waiting === undefined) return;
    try {
      await apologise(waiting, deps);
    } catch (apologyError) {
      deps.logger.warn(errorFields(apologyError), 'could not send the apology either');
    }
  };
}

async function apologise(
  waiting: Waiting,
  deps: { client: WebClient; fetch: FetchFn },
): Promise<void> {
  const msg = { response_type: 'ephemeral', replace_original: false, ...apologyMessage() };
  if (waiting.responseUrl !== undefined) {
    const res = await deps
      .fetch(waiting.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(msg),
        signal: AbortSignal.timeout(3000),
      })
      .catch(() => undefined);
    if (res?.ok === true) return;
  }
  if (waiting.channel !== undefined && waiting.user !== undefined) {
    await deps.client.chat.postEphemeral({
      channel: waiting.channel,
      user: waiting.user,
      ...apologyMessage(),
    });
  }
}

/** Commands, shortcuts and button clicks have someone waiting; events (channel messages, App Home) do not. */
function waitingIn(body: unknown): Waiting | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  if (b['type'] === 'event_callback') return undefined;
  const responseUrl = str(b['response_url']);
  const user = str(b['user_id']) ?? str(record(b['user'])?.['id']);
  const channel = str(b['channel_id']) ?? str(record(b['channel'])?.['id']);
  if (responseUrl === undefined && (user === undefined || channel === undefined)) return undefined;
  return {
    ...(responseUrl === undefined ? {} : { responseUrl }),
    ...(user === undefined ? {} : { user }),
    ...(channel === undefined ? {} : { channel }),
  };
}

function surfaceOf(body: unknown): string {
  const b = record(body);
  if (b === undefined) return 'unknown';
  if (typeof b['command'] === 'string') return 'command';
  const type = str(b['type']);
  if (type === 'event_callback') return `event:${str(record(b['event'])?.['type']) ?? '?'}`;
  return type ?? 'unknown';
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
