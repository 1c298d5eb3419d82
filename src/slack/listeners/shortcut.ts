import type { App, MessageShortcut, RespondFn } from '@slack/bolt';
import { outcomeOf } from '../answers.js';
import { answerMessage } from '../blocks/answer.js';
import { noticeMessage } from '../blocks/help.js';
import { noMatchMessage } from '../blocks/no-match.js';
import type { SlackDeps } from '../deps.js';
import { CALLBACK } from '../ids.js';
import { pasteFields } from '../log-fields.js';
import { respondPrivately } from '../reply.js';

/** Message shortcut "Diagnose auth error": a private answer with "Reply in thread". */
export function registerShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut(
    { callback_id: CALLBACK.diagnoseMessage, type: 'message_action' },
    async ({ ack, shortcut, body, respond }) => {
      await ack();
      deps.afterAck.run(() => answerShortcut(deps, shortcut, respond), body);
    },
  );
}

async function answerShortcut(
  deps: SlackDeps,
  shortcut: MessageShortcut,
  respond: RespondFn,
): Promise<void> {
  const text = shortcut.message.text ?? '';
  if (text.trim() === '') {
    await respondPrivately(
      respond,
      noticeMessage(
        'That message has no text I can read.',
        'Paste the error as text and try again.',
      ),
    );
    return;
  }
  const diagnosis = deps.diagnoser.diagnose(text);
  const outcome = outcomeOf(diagnosis, deps.catalogue);
  deps.logger.info(
    {
      surface: 'shortcut',
      ...pasteFields(text),
      entryId: outcome.kind === 'answer' ? outcome.answer.entry.id : null,
    },
    'diagnosed',
  );
  if (outcome.kind === 'no-match') {
    await respondPrivately(respond, noMatchMessage(deps.catalogue, outcome.closest));
    return;
  }
  const threadTs: unknown = shortcut.message['thread_ts'];
  const thread = {
    channel: shortcut.channel.id,
    ts: typeof threadTs === 'string' ? threadTs : shortcut.message.ts,
  };
  const answer = { ...outcome.answer, state: { ...outcome.answer.state, thread } };
  await respondPrivately(respond, answerMessage(answer, 'thread'));
}
