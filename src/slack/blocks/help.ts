import type { Catalogue } from '../../core/catalogue/catalogue.js';
import { CALLBACK, COMMAND } from '../ids.js';
import { context, section } from './limits.js';
import { message, type SlackMessage } from './message.js';
import { modal, type ModalView } from './view.js';

/** Usage with examples, for `/authhelp` and `/authhelp help`. */
export function helpMessage(catalogue: Catalogue): SlackMessage {
  const systems = catalogue.systemNames().join(', ');
  return message(`How to use ${COMMAND}`, [
    section(
      [
        `*${COMMAND} &lt;error text&gt;* — paste an error or response body; I answer privately with the documented cause and fix.`,
        `*${COMMAND} list [system]* — what the catalogue knows${systems === '' ? '' : ` (${systems})`}.`,
        `*${COMMAND} show &lt;id&gt;* — one entry, e.g. \`${COMMAND} show netsuite/TokenRejected\`.`,
        `*${COMMAND} check [workday|netsuite|oauth2]* — test a connection.`,
        `*${COMMAND} inspect [token]* — decode a JWT privately (a token alone works too).`,
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

const SORRY =
  ':warning: Sorry, something went wrong on my side and I could not finish that. Please try again in a moment.';
const ASK_OWNER = 'If it keeps happening, ask the app owner to check the authhelp logs.';

/** What a person sees when a Slack call failed on their behalf. */
export function apologyMessage(): SlackMessage {
  return noticeMessage(SORRY, ASK_OWNER);
}

/** The same apology in place of the modal the person is looking at. */
export function apologyView(): ModalView {
  return modal({
    callbackId: CALLBACK.apology,
    title: 'authhelp',
    blocks: [section(SORRY), context(ASK_OWNER)],
  });
}
