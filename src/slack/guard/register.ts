import type { App } from '@slack/bolt';
import { detectSecrets } from '../../core/secrets/detect.js';
import { TtlSet } from '../dedupe.js';
import type { SlackDeps } from '../deps.js';
import { plainMessage } from '../listeners/message.js';
import type { RegisterListeners } from '../listeners/index.js';
import { describeCredentials, guardNotice } from './notice.js';

export interface CredentialGuardOptions {
  readonly now?: () => Date;
}

/** Slack redelivers within minutes; an hour covers every retry. */
const DEDUPE_TTL_MS = 60 * 60 * 1000;

/**
 * Watches messages in every channel the app is in: when one carries a credential, the poster alone
 * gets a note (chat.postEphemeral) to delete it and rotate the credential. Runs beside the
 * diagnosing listener, which sees the text masked (see maskingDiagnoser).
 */
export function credentialGuardListeners(options: CredentialGuardOptions = {}): RegisterListeners {
  const now = options.now ?? (() => new Date());
  const seen = new TtlSet({ ttlMs: DEDUPE_TTL_MS });
  return (app: App, deps: SlackDeps) => {
    app.event('message', async ({ event, body, context, client }) => {
      const msg = plainMessage(event as unknown as Record<string, unknown>, context.botUserId, []);
      if (msg === undefined) return;
      const findings = detectSecrets(msg.text);
      if (findings.length === 0 || !seen.add(body.event_id)) return;
      deps.logger.info(
        { surface: 'guard', channel: msg.channel, kinds: findings.map((f) => f.kind) },
        'credential in a channel message',
      );
      const notice = guardNotice(describeCredentials(msg.text, findings, now()));
      await client.chat.postEphemeral({
        channel: msg.channel,
        user: msg.user,
        ...(msg.threadTs === undefined ? {} : { thread_ts: msg.threadTs }),
        ...notice,
      });
    });
  };
}
