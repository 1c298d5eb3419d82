import type { RespondFn } from '@slack/bolt';
import type { SlackMessage } from './blocks/message.js';

/** A new reply only the person who asked sees. */
export async function respondPrivately(respond: RespondFn, msg: SlackMessage): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, ...msg });
}

/** Redraws the message the clicked button is in. */
export async function replaceOriginal(respond: RespondFn, msg: SlackMessage): Promise<void> {
  await respond({ replace_original: true, ...msg });
}
