import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { AuthHelpError } from '../../core/errors.js';
import { answerFor } from '../answers.js';
import { decodeState, swapTo, type AnswerState } from '../answer-state.js';
import { answerMessage, type Answer } from '../blocks/answer.js';
import { isCheckSystem } from '../command-text.js';
import type { SlackDeps, Vote } from '../deps.js';
import { ACTION, ALTERNATIVE_ACTION } from '../ids.js';
import { replaceOriginal, respondPrivately } from '../reply.js';

type ButtonClick = BlockAction<ButtonAction>;

/** Buttons under answers and on App Home. Each acks first, then redraws or replies. */
export function registerActions(app: App, deps: SlackDeps): void {
  // Swap the answer in place for the chosen alternative.
  app.action<ButtonClick>(ALTERNATIVE_ACTION, async ({ ack, action, respond }) => {
    await ack();
    const state = readState(action.value);
    const index = Number(action.action_id.slice(ACTION.alternativePrefix.length));
    const chosen = state.alternatives[index];
    const next = chosen === undefined ? undefined : swapTo(state, chosen.id);
    if (next === undefined) throw invalid('alternative');
    await replaceOriginal(respond, answerMessage(resolve(deps, next), 'private'));
  });

  // Post the answer where everyone sees it; the pasted text is not part of an answer.
  app.action<ButtonClick>(ACTION.share, async ({ ack, action, body, respond }) => {
    await ack();
    const answer = resolve(deps, readState(action.value));
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      ...answerMessage(answer, 'shared', `Shared by <@${body.user.id}> with /authhelp`),
    });
  });

  app.action<ButtonClick>(ACTION.fullSteps, async ({ ack, action, respond }) => {
    await ack();
    await respondPrivately(
      respond,
      answerMessage(resolve(deps, readState(action.value)), 'private'),
    );
  });

  app.action<ButtonClick>(ACTION.replyInThread, async ({ ack, action, body, client, respond }) => {
    await ack();
    const state = readState(action.value);
    if (state.thread === undefined) throw invalid('thread');
    const answer = resolve(deps, state);
    await client.chat.postMessage({
      channel: state.thread.channel,
      thread_ts: state.thread.ts,
      ...answerMessage(answer, 'shared', `Posted by <@${body.user.id}> with Diagnose auth error`),
    });
    await replaceOriginal(respond, answerMessage(answer, 'shared', '✓ Posted in the thread'));
  });

  app.action<ButtonClick>(ACTION.feedbackUp, async (args) => {
    await args.ack();
    await onFeedback(deps, 'up', args.action.value, args.respond);
  });
  app.action<ButtonClick>(ACTION.feedbackDown, async (args) => {
    await args.ack();
    await onFeedback(deps, 'down', args.action.value, args.respond);
  });

  app.action<ButtonClick>(ACTION.testConnection, async ({ ack, action, body, client, respond }) => {
    await ack();
    const system =
      action.value !== undefined && isCheckSystem(action.value) ? action.value : undefined;
    await deps.openCheckModal({
      client,
      triggerId: body.trigger_id,
      userId: body.user.id,
      system,
      ...(body.channel === undefined ? {} : { channelId: body.channel.id }),
      // Buttons on App Home and in modals come without a response_url (its type says otherwise).
      ...(hasResponseUrl(body) ? { respond } : {}),
    });
  });
}

async function onFeedback(
  deps: SlackDeps,
  vote: Vote,
  value: string | undefined,
  respond: Parameters<Parameters<App['action']>[1]>[0]['respond'],
): Promise<void> {
  const state = readState(value);
  deps.recordFeedback({ entryId: state.id, vote, surface: 'answer' });
  const mode = state.thread === undefined ? 'private' : 'thread';
  const thanks =
    vote === 'up' ? 'Thanks, glad it helped.' : 'Thanks, noted: this answer needs work.';
  await replaceOriginal(respond, answerMessage(resolve(deps, state), mode, thanks, false));
}

function hasResponseUrl(body: object): boolean {
  return typeof (body as Record<string, unknown>)['response_url'] === 'string';
}

function readState(value: string | undefined): AnswerState {
  const state = decodeState(value);
  if (state === undefined) throw invalid('state');
  return state;
}

function resolve(deps: SlackDeps, state: AnswerState): Answer {
  const answer = answerFor(deps.catalogue, state);
  if (answer === undefined) throw invalid('entry');
  return answer;
}

function invalid(what: string): AuthHelpError {
  return new AuthHelpError('INPUT_INVALID', `button carried an unusable ${what}`, {
    context: { what },
  });
}
