import type { App } from '@slack/bolt';
import { detectSecrets } from '../../core/secrets/detect.js';
import { describeCredentials, guardNotice } from '../blocks/guard-notice.js';
import { originOf } from '../replies/origin.js';
import { owed } from '../replies/owed.js';
import type { Replies } from '../replies/replies.js';
import type { Services } from '../services.js';
import { onceOnly, type OnceKeys } from '../state/once-keys.js';
import { plainMessage } from './channel.js';

/** What the guard remembers: the events it already warned about (Slack redelivers). */
export interface GuardState {
  readonly warnedEvents: OnceKeys;
}

/**
 * Watches messages in every channel the app is in: when one carries a credential, the poster alone
 * gets a note (chat.postEphemeral) to delete it and rotate the credential. Runs beside the
 * channel replies, which diagnose the text with credentials masked (see Services.diagnose).
 */
export function registerGuard(
  app: App,
  services: Services,
  replies: Replies,
  state: GuardState,
): void {
  app.event('message', async ({ event, body, context }) => {
    const msg = plainMessage(event as unknown as Record<string, unknown>, context.botUserId, []);
    if (msg === undefined) return;
    const findings = detectSecrets(msg.text);
    if (findings.length === 0) return;
    await onceOnly(state.warnedEvents, body.event_id, async () => {
      services.logger.info(
        { surface: 'guard', channel: msg.channel, kinds: findings.map((f) => f.kind) },
        'credential in a channel message',
      );
      await replies.owe(originOf(body), () => [
        owed({
          kind: 'ephemeral',
          channel: msg.channel,
          user: msg.user,
          ...(msg.threadTs === undefined ? {} : { threadTs: msg.threadTs }),
          message: guardNotice(describeCredentials(msg.text, findings, services.inspectToken)),
        }),
      ]);
    });
  });
}
