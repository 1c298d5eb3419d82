import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { noticeMessage } from './blocks/help.js';
import type { CheckSystem } from './command-text.js';
import { CALLBACK } from './ids.js';

/** Everything the connection-test modal needs, from `/authhelp check`, an answer or App Home. */
export interface CheckModalRequest {
  readonly client: WebClient;
  /** Valid for about 3 s after Slack sent it; open the modal before any slow work. */
  readonly triggerId: string;
  readonly userId: string;
  readonly system: CheckSystem | undefined;
  readonly channelId?: string;
  /** Present where the request came from a message (commands, message buttons); absent on App Home. */
  readonly respond?: RespondFn;
}

export type OpenCheckModal = (request: CheckModalRequest) => Promise<void>;

const COMING_SOON =
  'Testing a connection from Slack is coming soon. Until then, `authhelp check` on the command line runs the same test.';

/**
 * Hook for the live-check issue, which replaces this module with the real modal (src/slack/check/).
 * Until then: a private "coming soon" note, or a small modal where there is no message to answer in.
 */
export const openCheckModal: OpenCheckModal = async (request) => {
  if (request.respond !== undefined) {
    await request.respond({
      response_type: 'ephemeral',
      replace_original: false,
      ...noticeMessage(COMING_SOON),
    });
    return;
  }
  await request.client.views.open({
    trigger_id: request.triggerId,
    view: {
      type: 'modal',
      callback_id: CALLBACK.checkComingSoon,
      title: { type: 'plain_text', text: 'Test a connection' },
      close: { type: 'plain_text', text: 'Close' },
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: COMING_SOON } }],
    },
  });
};
