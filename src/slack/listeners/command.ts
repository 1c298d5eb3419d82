import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { answerFor, outcomeOf } from '../answers.js';
import { answerMessage } from '../blocks/answer.js';
import { helpMessage, noticeMessage } from '../blocks/help.js';
import { listMessage } from '../blocks/list.js';
import type { SlackMessage } from '../blocks/message.js';
import { noMatchMessage } from '../blocks/no-match.js';
import { CHECK_SYSTEMS, isCheckSystem, parseCommandText } from '../command-text.js';
import type { SlackDeps } from '../deps.js';
import { COMMAND } from '../ids.js';
import { pasteFields } from '../log-fields.js';
import { respondPrivately } from '../reply.js';

/** `/authhelp …`: ack at once, then answer privately through the command's response_url. */
export function registerCommand(app: App, deps: SlackDeps): void {
  app.command(COMMAND, async ({ ack, command, body, respond, client }) => {
    await ack();
    const request = parseCommandText(command.text);
    // The trigger_id expires in ~3 s: the connection test opens at once, never behind the queue.
    if (request.kind === 'check') {
      await openCheck(deps, request.system, {
        client,
        triggerId: command.trigger_id,
        userId: command.user_id,
        channelId: command.channel_id,
        respond,
      });
      return;
    }
    deps.afterAck.run(async () => {
      const reply =
        request.kind === 'diagnose'
          ? diagnoseReply(deps, request.text)
          : request.kind === 'help'
            ? helpMessage(deps.catalogue)
            : request.kind === 'list'
              ? listReply(deps, request.system)
              : showReply(deps, request.id);
      await respondPrivately(respond, reply);
    }, body);
  });
}

function diagnoseReply(deps: SlackDeps, text: string): SlackMessage {
  const diagnosis = deps.diagnoser.diagnose(text);
  const outcome = outcomeOf(diagnosis, deps.catalogue);
  deps.logger.info(
    {
      surface: 'command',
      ...pasteFields(text),
      entryId: outcome.kind === 'answer' ? outcome.answer.entry.id : null,
      confidence: diagnosis.matches[0]?.confidence ?? null,
    },
    'diagnosed',
  );
  return outcome.kind === 'answer'
    ? answerMessage(outcome.answer, 'private')
    : noMatchMessage(deps.catalogue, outcome.closest);
}

function listReply(deps: SlackDeps, system: string | undefined): SlackMessage {
  const known = deps.catalogue.systemNames();
  if (system !== undefined && !known.includes(system)) {
    return noticeMessage(
      `I don't know the system \`${system.slice(0, 40)}\`.`,
      `Known systems: ${known.join(', ')}.`,
    );
  }
  return listMessage(deps.catalogue, system);
}

function showReply(deps: SlackDeps, id: string): SlackMessage {
  const answer = answerFor(deps.catalogue, { id, confidence: null, alternatives: [] });
  if (answer !== undefined) return answerMessage(answer, 'private');
  const needle = id.toLowerCase().slice(0, 80);
  const near = deps.catalogue.entries
    .filter((e) => e.id.toLowerCase().includes(needle) || needle.includes(e.slug.toLowerCase()))
    .slice(0, 5)
    .map((e) => `\`${e.id}\``);
  return noticeMessage(
    `There is no entry \`${id.slice(0, 80)}\`.`,
    near.length > 0 ? `Did you mean ${near.join(', ')}?` : `See \`${COMMAND} list\` for every id.`,
  );
}

async function openCheck(
  deps: SlackDeps,
  system: string | undefined,
  request: {
    client: WebClient;
    triggerId: string;
    userId: string;
    channelId: string;
    respond: RespondFn;
  },
): Promise<void> {
  if (system !== undefined && !isCheckSystem(system)) {
    await respondPrivately(
      request.respond,
      noticeMessage(
        `I can't test \`${system.slice(0, 40)}\` connections.`,
        `Try \`${COMMAND} check ${CHECK_SYSTEMS.join('|')}\`.`,
      ),
    );
    return;
  }
  await deps.openCheckModal({ ...request, system });
}
