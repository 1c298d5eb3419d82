import type { App, MessageShortcut } from '@slack/bolt';
import { answerOf, askOf } from '../answers.js';
import { answerMessage } from '../blocks/answer.js';
import { noticeMessage } from '../blocks/help.js';
import type { SlackMessage } from '../blocks/message.js';
import { noMatchMessage } from '../blocks/no-match.js';
import { CALLBACK } from '../ids.js';
import type { DiagnosisEvent, Recorder } from '../learning/recorder.js';
import { pasteFields } from '../log-fields.js';
import { cutOf } from '../paste-cut.js';
import { privately } from '../replies/delivery.js';
import { originOf } from '../replies/origin.js';
import { owed } from '../replies/owed.js';
import type { Replies } from '../replies/replies.js';
import type { Services } from '../services.js';

/** Message shortcut "Diagnose auth error": a private answer with "Reply in thread". */
export function registerShortcut(
  app: App,
  services: Services,
  replies: Replies,
  recorder: Recorder,
): void {
  app.shortcut(
    { callback_id: CALLBACK.diagnoseMessage, type: 'message_action' },
    async ({ ack, shortcut, body }) => {
      const origin = originOf(body);
      await replies.owe(origin, () => [
        owed(
          privately(
            shortcut.response_url,
            shortcutReply(services, shortcut, (event) =>
              recorder.diagnosis({ ...event, surface: 'shortcut', origin }),
            ),
          ),
        ),
      ]);
      await ack();
    },
  );
}

function shortcutReply(
  services: Services,
  shortcut: MessageShortcut,
  record: (event: Pick<DiagnosisEvent, 'text' | 'diagnosis' | 'answered'>) => string,
): SlackMessage {
  const text = shortcut.message.text ?? '';
  if (text.trim() === '') {
    return noticeMessage(
      'That message has no text I can read.',
      'Paste the error as text and try again.',
    );
  }
  const diagnosis = services.diagnose(text);
  const answer = answerOf(diagnosis, 'command', text.length);
  const id = record({ text, diagnosis, answered: answer !== undefined });
  services.logger.info(
    { surface: 'shortcut', ...pasteFields(text), entryId: answer?.entry.id ?? null },
    'diagnosed',
  );
  if (answer === undefined)
    return noMatchMessage(
      services.knowledge().catalogue,
      diagnosis.matches,
      cutOf(diagnosis, text.length),
      diagnosis.catalogueVersion,
      askOf(diagnosis).ask,
    );
  const threadTs: unknown = shortcut.message['thread_ts'];
  const thread = {
    channel: shortcut.channel.id,
    ts: typeof threadTs === 'string' ? threadTs : shortcut.message.ts,
  };
  return answerMessage({ ...answer, state: { ...answer.state, thread, diagnosis: id } }, 'thread');
}
