import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { AuthHelpError } from '../../core/errors.js';
import { decodeState, swapTo, type AnswerState } from '../answer-state.js';
import { answerFromState, type Answer } from '../answers.js';
import { answerMessage } from '../blocks/answer.js';
import { ACTION, ALTERNATIVE_ACTION } from '../ids.js';
import { privately, replaceOriginal } from '../replies/delivery.js';
import { originOf } from '../replies/origin.js';
import { owed, type Owed } from '../replies/owed.js';
import type { Replies } from '../replies/replies.js';
import type { Knowledge } from '../knowledge.js';
import type { Recorder } from '../learning/recorder.js';
import type { Services } from '../services.js';

type ButtonClick = BlockAction<ButtonAction>;

/**
 * The buttons under an answer (alternatives, share, full steps, reply in thread, feedback). Each
 * renders its reply and keeps it in the store, then acks. "Test a connection" is in check.ts.
 */
export function registerAnswerButtons(
  app: App,
  services: Services,
  replies: Replies,
  recorder: Recorder,
): void {
  // The catalogue answering at the time of the click: a reload may have replaced it since.
  const resolve = (state: AnswerState): Answer => resolveIn(services.knowledge(), state);
  /** Registers one button whose click turns into replies built from its answer state. */
  const onClick = (
    actionId: string | RegExp,
    reply: (state: AnswerState, click: ButtonClick, responseUrl: string) => Owed[],
  ): void => {
    app.action<ButtonClick>(actionId, async ({ ack, action, body }) => {
      await replies.owe(originOf(body), () =>
        reply(readState(action.value), body, body.response_url),
      );
      await ack();
    });
  };

  // Swap the answer in place for the chosen alternative.
  onClick(ALTERNATIVE_ACTION, (state, click, url) => {
    const action = click.actions[0];
    const index = Number(action?.action_id.slice(ACTION.alternativePrefix.length));
    const chosen = state.alternatives[index];
    const next = chosen === undefined ? undefined : swapTo(state, chosen.id);
    if (next === undefined) throw invalid('alternative');
    if (state.diagnosis !== undefined)
      recorder.feedback(
        { diagnosisId: state.diagnosis, kind: 'instead', insteadEntryId: next.id },
        originOf(click),
      );
    return [owed(replaceOriginal(url, answerMessage(resolve(next), 'private')))];
  });

  // Post the answer where everyone sees it; the pasted text is not part of an answer.
  onClick(ACTION.share, (state, click, url) => [
    owed({
      kind: 'respond',
      responseUrl: url,
      mode: 'in-channel',
      message: answerMessage(
        resolve(state),
        'shared',
        `Shared by <@${click.user.id}> with /authhelp`,
      ),
    }),
  ]);

  onClick(ACTION.fullSteps, (state, _click, url) => [
    owed(privately(url, answerMessage(resolve(state), 'private'))),
  ]);

  onClick(ACTION.replyInThread, (state, click, url) => {
    if (state.thread === undefined) throw invalid('thread');
    const answer = resolve(state);
    // The confirmation replaces the private answer only once the post is in the thread.
    const posted = replaceOriginal(url, answerMessage(answer, 'shared', '✓ Posted in the thread'));
    return [
      owed(
        {
          kind: 'post',
          channel: state.thread.channel,
          threadTs: state.thread.ts,
          message: answerMessage(
            answer,
            'shared',
            `Posted by <@${click.user.id}> with Diagnose auth error`,
          ),
        },
        { then: [owed(posted)] },
      ),
    ];
  });

  for (const [actionId, vote] of [
    [ACTION.feedbackUp, 'up'],
    [ACTION.feedbackDown, 'down'],
  ] as const) {
    onClick(actionId, (state, click, url) => {
      services.logger.info({ entryId: state.id, vote, surface: 'answer' }, 'feedback');
      if (state.diagnosis !== undefined)
        recorder.feedback({ diagnosisId: state.diagnosis, kind: vote }, originOf(click));
      const mode = state.thread === undefined ? 'private' : 'thread';
      const thanks =
        vote === 'up' ? 'Thanks, glad it helped.' : 'Thanks, noted: this answer needs work.';
      return [owed(replaceOriginal(url, answerMessage(resolve(state), mode, thanks, false)))];
    });
  }
}

function readState(value: string | undefined): AnswerState {
  const state = decodeState(value);
  if (state === undefined) throw invalid('state');
  return state;
}

function resolveIn(knowledge: Knowledge, state: AnswerState): Answer {
  const answer = answerFromState(knowledge.catalogue, state, knowledge.version());
  if (answer === undefined) throw invalid('entry');
  return answer;
}

function invalid(what: string): AuthHelpError {
  return new AuthHelpError('INPUT_INVALID', `button carried an unusable ${what}`, {
    context: { what },
  });
}
