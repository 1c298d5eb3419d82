import type { App } from '@slack/bolt';
import { answerMatch } from '../../core/matching/answer-bar.js';
import type { WebClient } from '@slack/web-api';
import { answerFor } from '../answers.js';
import { stateFromDiagnosis } from '../answer-state.js';
import { channelReplyMessage } from '../blocks/answer.js';
import type { SlackDeps } from '../deps.js';
import { ANSWER_CHANNEL_TYPES } from '../ids.js';
import { pasteFields } from '../log-fields.js';

/** The fields of a `message` event the app reads; everything else about the event is ignored. */
interface PlainMessage {
  readonly channel: string;
  readonly channelType: string;
  readonly user: string;
  readonly text: string;
  readonly ts: string;
  readonly threadTs: string | undefined;
}

/**
 * A person's new message in a channel the app may answer in: not a bot (nor the app itself), not an
 * edit, join or any other subtype.
 */
export function plainMessage(
  event: Record<string, unknown>,
  botUserId: string | undefined,
  channels: readonly string[],
): PlainMessage | undefined {
  const { channel, channel_type, user, text, ts, thread_ts, subtype, bot_id } = event;
  if (subtype !== undefined || bot_id !== undefined) return undefined;
  if (typeof channel !== 'string' || typeof user !== 'string' || typeof ts !== 'string')
    return undefined;
  if (typeof text !== 'string' || text.trim() === '' || user === botUserId) return undefined;
  if (!(ANSWER_CHANNEL_TYPES as readonly unknown[]).includes(channel_type)) return undefined;
  if (channels.length > 0 && !channels.includes(channel)) return undefined;
  return {
    channel,
    channelType: channel_type as string,
    user,
    text,
    ts,
    threadTs: typeof thread_ts === 'string' ? thread_ts : undefined,
  };
}

/** Support channels: reply in the thread, on its own, only when the match is confident. */
export function registerMessages(app: App, deps: SlackDeps): void {
  // Events are acked by Bolt before this runs; the listener only filters and queues.
  app.event('message', ({ event, body, context, client }) => {
    const msg = plainMessage(
      event as unknown as Record<string, unknown>,
      context.botUserId,
      deps.channels,
    );
    if (msg === undefined) return Promise.resolve();
    // Redeliveries carry the same event_id; remember it before any await so a racing copy is dropped.
    if (!deps.seenEvents.add(body.event_id)) {
      deps.logger.info(
        { surface: 'channel', eventId: body.event_id, retry: context.retryNum ?? 0 },
        'redelivery ignored',
      );
      return Promise.resolve();
    }
    deps.afterAck.run(() => answerInThread(deps, msg, client), body);
    return Promise.resolve();
  });
}

async function answerInThread(
  deps: SlackDeps,
  msg: PlainMessage,
  client: WebClient,
): Promise<void> {
  const diagnosis = deps.diagnoser.diagnose(msg.text);
  const state = stateFromDiagnosis(diagnosis);
  const answer =
    state === undefined || answerMatch(diagnosis, 'channel') === undefined
      ? undefined
      : answerFor(deps.catalogue, state);
  if (answer === undefined) return;
  const threadTs = msg.threadTs ?? msg.ts;
  const key = `${msg.channel}:${threadTs}:${answer.entry.id}`;
  if (!deps.answeredThreads.add(key)) return;
  deps.logger.info(
    {
      surface: 'channel',
      ...pasteFields(msg.text),
      entryId: answer.entry.id,
      confidence: state?.confidence ?? null,
    },
    'answering in thread',
  );
  try {
    await client.chat.postMessage({
      channel: msg.channel,
      thread_ts: threadTs,
      ...channelReplyMessage(answer.entry, answer.state),
    });
  } catch (error) {
    // Not answered after all: a later paste in this thread may try again.
    deps.answeredThreads.delete(key);
    throw error;
  }
}
