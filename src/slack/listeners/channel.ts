import type { App } from '@slack/bolt';
import { answerOf } from '../answers.js';
import { channelReplyMessage } from '../blocks/answer.js';
import { showsFailure } from '../../core/matching/register.js';
import { ANSWER_CHANNEL_TYPES } from '../ids.js';
import type { DiagnosisEvent, Recorder } from '../learning/recorder.js';
import { pasteFields } from '../log-fields.js';
import { originOf } from '../replies/origin.js';
import { owed, type Owed } from '../replies/owed.js';
import type { Replies } from '../replies/replies.js';
import type { Services } from '../services.js';
import { KEY } from '../state/namespaces.js';
import { onceOnly, type OnceKeys } from '../state/once-keys.js';

/** What the channel replies remember between events. */
export interface ChannelState {
  /** Event ids already handled (Slack redelivers with the same `event_id`). */
  readonly seenEvents: OnceKeys;
  /** `channel:thread:entry` keys already answered in a thread. */
  readonly answeredThreads: OnceKeys;
}

/** The fields of a `message` event the app reads; everything else about the event is ignored. */
interface PlainMessage {
  readonly channel: string;
  readonly user: string;
  readonly text: string;
  readonly ts: string;
  readonly threadTs: string | undefined;
}

/**
 * A person's new message in a channel the app may answer in: not a bot (nor the app itself), not an
 * edit, join or any other subtype. `channels` empty: every channel the app is in.
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
    user,
    text,
    ts,
    threadTs: typeof thread_ts === 'string' ? thread_ts : undefined,
  };
}

/** Support channels: reply in the thread, on its own, only when the match is confident. */
export function registerChannelReplies(
  app: App,
  services: Services,
  replies: Replies,
  options: {
    readonly channels: readonly string[];
    readonly state: ChannelState;
    readonly recorder: Recorder;
  },
): void {
  const { state } = options;
  // Bolt answers the event's HTTP request once this listener is done (processBeforeResponse), so
  // the reply is in the store before Slack has its 200.
  app.event('message', async ({ event, body, context }) => {
    const msg = plainMessage(
      event as unknown as Record<string, unknown>,
      context.botUserId,
      options.channels,
    );
    if (msg === undefined) return;
    const origin = originOf(body);
    const record = (event: Pick<DiagnosisEvent, 'diagnosis' | 'answered'>): string =>
      options.recorder.diagnosis({ ...event, surface: 'channel', origin, text: msg.text });
    const first = await onceOnly(state.seenEvents, body.event_id, () =>
      replies.owe(origin, () => threadReply(services, state, msg, record)),
    );
    if (!first)
      services.logger.info(
        { surface: 'channel', eventId: body.event_id, retry: context.retryNum ?? 0 },
        'redelivery ignored',
      );
  });
}

/**
 * The thread reply to a confident paste, once per thread and entry; none otherwise. Every
 * diagnosis is recorded except chatter: a message that matches nothing and shows no failure.
 */
async function threadReply(
  services: Services,
  state: ChannelState,
  msg: PlainMessage,
  record: (event: Pick<DiagnosisEvent, 'diagnosis' | 'answered'>) => string,
): Promise<Owed[]> {
  const diagnosis = services.diagnose(msg.text);
  const answer = answerOf(diagnosis, 'channel');
  if (answer === undefined) {
    if (diagnosis.matches.length > 0 || showsFailure(msg.text))
      record({ diagnosis, answered: false });
    return [];
  }
  const diagnosisId = record({ diagnosis, answered: true });
  const threadTs = msg.threadTs ?? msg.ts;
  const message = channelReplyMessage(
    answer.entry,
    { ...answer.state, diagnosis: diagnosisId },
    answer.version,
  );
  const key = `${msg.channel}:${threadTs}:${answer.entry.id}`;
  if (!(await state.answeredThreads.claim(key))) return [];
  services.logger.info(
    {
      surface: 'channel',
      ...pasteFields(msg.text),
      entryId: answer.entry.id,
      confidence: answer.state.confidence,
    },
    'answering in thread',
  );
  // Not delivered after all (not_in_channel…): a later paste in this thread may try again.
  const forgetOnFailure = { namespace: KEY.thread.namespace, key };
  return [owed({ kind: 'post', channel: msg.channel, threadTs, message }, { forgetOnFailure })];
}
