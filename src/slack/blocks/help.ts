import type { Catalogue } from '../../core/catalogue/catalogue.js';
import { COMMAND } from '../ids.js';
import { context, section } from './limits.js';
import { message, type SlackMessage } from './message.js';

/** Usage with examples, for `/authhelp` and `/authhelp help`. */
export function helpMessage(catalogue: Catalogue): SlackMessage {
  const systems = catalogue.systemNames().join(', ');
  return message(`How to use ${COMMAND}`, [
    section(
      [
        `*${COMMAND} <error text>* — paste an error or response body; I answer privately with the documented cause and fix.`,
        `*${COMMAND} list [system]* — what the catalogue knows${systems === '' ? '' : ` (${systems})`}.`,
        `*${COMMAND} show <id>* — one entry, e.g. \`${COMMAND} show netsuite/TokenRejected\`.`,
        `*${COMMAND} check [workday|netsuite|oauth2]* — test a connection.`,
      ].join('\n'),
    ),
    section(
      [
        '*Examples*',
        `• \`${COMMAND} {"error":"invalid_client"}\``,
        `• \`${COMMAND} Login Audit Trail detail: TokenRejected\``,
        `• \`${COMMAND} 401 invalid_grant when refreshing the token\``,
      ].join('\n'),
    ),
    context(
      'In support channels I also reply in the thread on my own, but only when a paste matches a documented error. Right-click any message → *Diagnose auth error* to ask about it.',
    ),
  ]);
}

/** A one-line private notice (usage mistakes, unknown ids, confirmations). */
export function noticeMessage(text: string, hint?: string): SlackMessage {
  return message(text, hint === undefined ? [section(text)] : [section(text), context(hint)]);
}

/** What a person sees when a Slack call failed on their behalf. */
export function apologyMessage(): SlackMessage {
  return noticeMessage(
    ':warning: Sorry, something went wrong on my side and I could not finish that. Please try again in a moment.',
    'If it keeps happening, ask the app owner to check the authhelp logs.',
  );
}
