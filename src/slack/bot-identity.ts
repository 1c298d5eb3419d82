import type { Logger } from '../adapters/logger.js';
import { errorFields } from './log-fields.js';

/** The bot's ids, which Bolt otherwise learns from one `auth.test` at start-up. */
export interface BotIdentity {
  readonly botId: string;
  readonly botUserId: string;
}

interface AuthTestClient {
  auth: { test(): Promise<{ bot_id?: string; user_id?: string }> };
}

/**
 * Asks Slack who the bot is, retrying for a few seconds. Bolt caches the result of its own single
 * `auth.test` for the life of the process, so one failure at start-up (Slack, or the Web API base
 * URL, not reachable yet) would make every later request fail; with the ids known, Bolt asks nothing.
 */
export async function resolveBotIdentity(
  client: AuthTestClient,
  logger: Logger,
  options: { attempts?: number; delayMs?: number } = {},
): Promise<BotIdentity | undefined> {
  const attempts = options.attempts ?? 5;
  const delayMs = options.delayMs ?? 1000;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const result = await client.auth.test();
      if (result.bot_id !== undefined && result.user_id !== undefined) {
        return { botId: result.bot_id, botUserId: result.user_id };
      }
      return undefined;
    } catch (err) {
      logger.warn({ attempt, ...errorFields(err) }, 'auth.test failed; retrying');
      if (attempt < attempts) await new Promise((r) => setTimeout(r, delayMs * attempt));
    }
  }
  return undefined;
}
