import type { Entry } from '../../core/catalogue/catalogue.js';
import { encodeState, type AnswerState } from '../answer-state.js';
import type { Answer } from '../answers.js';
import { describeCut } from '../paste-cut.js';
import { ACTION, BLOCK } from '../ids.js';
import { askBlock } from './ask.js';
import { entryBlocks, firstSentence, idLine, percent, versionText } from './entry.js';
import type { Block } from './limits.js';
import { button, context, escapeMrkdwn, section } from './limits.js';
import { message, type SlackMessage } from './message.js';

/**
 * Which buttons go under the answer: `private` for the asker (alternatives, share, test, feedback),
 * `thread` for the message shortcut (reply in thread), `shared` for what the channel sees (none).
 */
export type AnswerMode = 'private' | 'thread' | 'shared';

export function answerMessage(
  answer: Answer,
  mode: AnswerMode,
  footer?: string,
  feedback = true,
): SlackMessage {
  const { entry, state } = answer;
  // The id line and buttons are the tail: kept whole however long the entry's text is.
  const tail: Block[] = [
    idLine(entry, state.confidence, mode === 'shared' ? [] : (answer.why ?? []), answer.version),
  ];
  if (answer.cut !== undefined && mode !== 'shared') {
    tail.push(
      context(`Your paste was long: I read ${describeCut(answer.cut)} (errors sit at either end).`),
    );
  }
  if (answer.ask !== undefined && mode !== 'shared') tail.push(askBlock(answer.ask));
  if (footer !== undefined) tail.push(context(footer));
  if (mode === 'private') tail.push(privateActions(answer));
  if (mode === 'thread') tail.push(threadActions(answer));
  if (mode !== 'shared' && feedback) tail.push(feedbackActions(state));
  return message(`${entry.title} (${entry.id})`, entryBlocks(entry), tail);
}

function privateActions(answer: Answer): Block {
  const value = encodeState(answer.state);
  const alternatives = answer.alternatives.map((alt, i) =>
    button({
      actionId: `${ACTION.alternativePrefix}${i}`,
      text: `Instead: ${alt.title}`,
      value,
    }),
  );
  return {
    type: 'actions',
    block_id: BLOCK.answerActions,
    elements: [
      ...alternatives,
      button({ actionId: ACTION.share, text: 'Share in channel', value }),
      button({
        actionId: ACTION.testConnection,
        text: 'Test a connection',
        value: answer.entry.system,
      }),
    ],
  };
}

function threadActions(answer: Answer): Block {
  return {
    type: 'actions',
    block_id: BLOCK.answerActions,
    elements: [
      button({
        actionId: ACTION.replyInThread,
        text: 'Reply in thread',
        value: encodeState(answer.state),
        style: 'primary',
      }),
      button({
        actionId: ACTION.testConnection,
        text: 'Test a connection',
        value: answer.entry.system,
      }),
    ],
  };
}

function feedbackActions(state: AnswerState): Block {
  const value = encodeState(state);
  return {
    type: 'actions',
    block_id: BLOCK.feedback,
    elements: [
      button({ actionId: ACTION.feedbackUp, text: '👍 Helpful', value }),
      button({ actionId: ACTION.feedbackDown, text: '👎 Not helpful', value }),
    ],
  };
}

/** The short thread reply in a support channel: what it is, its id, and a button for the steps. */
export function channelReplyMessage(
  entry: Entry,
  state: AnswerState,
  version?: string,
): SlackMessage {
  const confidence = state.confidence === null ? '' : ` · confidence ${percent(state.confidence)}`;
  const catalogue = version === undefined ? '' : ` · ${versionText(version)}`;
  return message(
    `This looks like ${entry.title} (${entry.id})`,
    [
      section(
        `:mag: This looks like *${escapeMrkdwn(entry.title)}*\n${escapeMrkdwn(firstSentence(entry.reason))}`,
      ),
      context(
        `\`${entry.id}\`${confidence}${catalogue} · I reply on my own only when a paste matches a documented error`,
      ),
    ],
    [
      {
        type: 'actions',
        block_id: BLOCK.channelActions,
        elements: [
          button({
            actionId: ACTION.fullSteps,
            text: 'Show the fix steps',
            value: encodeState(state),
            style: 'primary',
          }),
        ],
      },
    ],
  );
}
