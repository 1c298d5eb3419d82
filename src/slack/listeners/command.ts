import type { App } from '@slack/bolt';
import { answerFromState, answerOf, askOf } from '../answers.js';
import { answerMessage } from '../blocks/answer.js';
import { helpMessage, noticeMessage } from '../blocks/help.js';
import { inspectionMessage } from '../blocks/inspection.js';
import { listMessage } from '../blocks/list.js';
import type { SlackMessage } from '../blocks/message.js';
import { noMatchMessage } from '../blocks/no-match.js';
import { parseCommandText, type CommandRequest } from '../command-text.js';
import { quoted } from '../blocks/limits.js';
import { COMMAND } from '../ids.js';
import { pasteFields } from '../log-fields.js';
import { cutOf } from '../paste-cut.js';
import { privately } from '../replies/delivery.js';
import type { Recorder } from '../learning/recorder.js';
import { originOf, type Origin } from '../replies/origin.js';
import { owed } from '../replies/owed.js';
import type { Replies } from '../replies/replies.js';
import type { Services } from '../services.js';
import { openCheck } from './check.js';
import { openInspector } from './inspect.js';

/**
 * `/authhelp …`: dispatch on what the text asks for (see CommandRequest). The connection test and
 * the token inspector's modal open at once; every other answer is private, through the command's
 * response_url, rendered and kept in the store before the ack (diagnosing takes milliseconds).
 */
export function registerCommand(
  app: App,
  services: Services,
  replies: Replies,
  recorder: Recorder,
): void {
  app.command(COMMAND, async ({ ack, command, body }) => {
    const request = parseCommandText(command.text);
    const origin = originOf(body);
    const where = { triggerId: command.trigger_id, responseUrl: command.response_url };
    switch (request.kind) {
      case 'check':
        await openCheck(replies, origin, {
          ...where,
          system: request.system,
          channelId: command.channel_id,
        });
        break;
      case 'inspect-form':
        openInspector(replies, origin, command.trigger_id);
        break;
      default:
        await replies.owe(origin, () => [
          owed(privately(command.response_url, reply({ services, recorder, origin }, request))),
        ]);
    }
    await ack();
  });
}

type Answered = Exclude<CommandRequest, { kind: 'check' | 'inspect-form' }>;

interface Asked {
  readonly services: Services;
  readonly recorder: Recorder;
  readonly origin: Origin;
}

function reply(asked: Asked, request: Answered): SlackMessage {
  const { services } = asked;
  switch (request.kind) {
    case 'help':
      return helpMessage(services.knowledge().catalogue);
    case 'list':
      return listReply(services, request.system);
    case 'show':
      return showReply(services, request.id);
    case 'inspect':
      return inspectReply(services, request.token);
    case 'diagnose':
      return diagnoseReply(asked, request.text);
  }
}

function diagnoseReply({ services, recorder, origin }: Asked, text: string): SlackMessage {
  const diagnosis = services.diagnose(text);
  const answer = answerOf(diagnosis, 'command', text.length);
  const id = recorder.diagnosis({
    surface: 'command',
    origin,
    text,
    diagnosis,
    answered: answer !== undefined,
  });
  services.logger.info(
    {
      surface: 'command',
      ...pasteFields(text),
      entryId: answer?.entry.id ?? null,
      confidence: diagnosis.matches[0]?.confidence ?? null,
    },
    'diagnosed',
  );
  return answer === undefined
    ? noMatchMessage(
        services.knowledge().catalogue,
        diagnosis.matches,
        cutOf(diagnosis, text.length),
        diagnosis.catalogueVersion,
        askOf(diagnosis).ask,
      )
    : answerMessage({ ...answer, state: { ...answer.state, diagnosis: id } }, 'private');
}

function inspectReply(services: Services, token: string): SlackMessage {
  const inspection = services.inspectToken(token);
  services.logger.info(
    { surface: 'inspect-command', fingerprint: inspection.fingerprint, kind: inspection.kind },
    'token inspected',
  );
  return inspectionMessage(inspection);
}

function listReply(services: Services, system: string | undefined): SlackMessage {
  const { catalogue } = services.knowledge();
  const known = catalogue.systemNames();
  if (system !== undefined && !known.includes(system)) {
    return noticeMessage(
      `I don't know the system \`${quoted(system, 40)}\`.`,
      `Known systems: ${known.join(', ')}.`,
    );
  }
  return listMessage(catalogue, system);
}

function showReply(services: Services, id: string): SlackMessage {
  const knowledge = services.knowledge();
  const answer = answerFromState(
    knowledge.catalogue,
    { id, confidence: null, alternatives: [] },
    knowledge.version(),
  );
  if (answer !== undefined) return answerMessage(answer, 'private');
  const needle = id.toLowerCase().slice(0, 80);
  const near = knowledge.catalogue.entries
    .filter((e) => e.id.toLowerCase().includes(needle) || needle.includes(e.slug.toLowerCase()))
    .slice(0, 5)
    .map((e) => `\`${e.id}\``);
  return noticeMessage(
    `There is no entry \`${quoted(id, 80)}\`.`,
    near.length > 0 ? `Did you mean ${near.join(', ')}?` : `See \`${COMMAND} list\` for every id.`,
  );
}
