import type { Authorize } from '@slack/bolt';
import type { Logger } from '../../adapters/logger.js';
import { errorFields } from '../log-fields.js';
import { TOKEN_ERRORS } from '../replies/outcome.js';

/** What Slack last said about the bot token. */
export type TokenStatus =
  | { readonly state: 'checking'; readonly reason: string }
  | { readonly state: 'ok'; readonly botId: string; readonly botUserId: string }
  | { readonly state: 'refused'; readonly reason: string };

interface AuthTestClient {
  auth: { test(): Promise<{ bot_id?: string; user_id?: string; team_id?: string }> };
}

export interface BotTokenCheckOptions {
  readonly client: AuthTestClient;
  readonly logger: Logger;
  /** First retry after this long while Slack is unreachable, doubling up to `maxDelayMs`. */
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
  /** How often a token Slack accepted is checked again (a revoked token shows up here). */
  readonly recheckMs?: number;
  /** How often a refused token is checked again (the refusal may have been Slack's mistake). */
  readonly refusedRecheckMs?: number;
}

/**
 * Keeps asking Slack (`auth.test`) whether it accepts SLACK_BOT_TOKEN: with backoff while Slack
 * is unreachable, so the app recovers on its own when it comes back, and every few minutes after,
 * so a revoked token shows in /readyz and in an `error` line saying what to do. Bolt's `authorize`
 * reads the last answer and never waits for Slack: a request arriving while Slack is down is
 * still acked and its reply kept in the store until Slack takes it.
 */
export class BotTokenCheck {
  readonly #o: Required<BotTokenCheckOptions>;
  #status: TokenStatus = { state: 'checking', reason: 'auth.test has not answered yet' };
  #attempt = 0;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #running = false;

  constructor(options: BotTokenCheckOptions) {
    this.#o = {
      minDelayMs: 1_000,
      maxDelayMs: 30_000,
      recheckMs: 5 * 60_000,
      refusedRecheckMs: 60_000,
      ...options,
    };
  }

  get status(): TokenStatus {
    return this.#status;
  }

  start(): void {
    this.#stopped = false;
    void this.#check();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  /** Slack refused the token on a reply: ask again now rather than at the next scheduled check. */
  refused(slackError: string): void {
    if (this.#status.state === 'refused') return;
    this.#o.logger.warn({ slackError }, 'Slack refused the bot token on a reply; checking it');
    this.#schedule(0);
  }

  /** Undefined when Slack accepts the token, else why not (for /readyz). */
  problem(): string | undefined {
    const s = this.#status;
    if (s.state === 'ok') return undefined;
    return s.state === 'refused' ? `Slack refused the bot token: ${s.reason}` : s.reason;
  }

  /** Bolt's authorize for the one token: the bot's ids once Slack has told them. */
  authorize(botToken: string): Authorize<boolean> {
    return () => {
      const s = this.#status;
      return Promise.resolve(
        s.state === 'ok' ? { botToken, botId: s.botId, botUserId: s.botUserId } : { botToken },
      );
    };
  }

  async #check(): Promise<void> {
    if (this.#stopped || this.#running) return;
    this.#running = true;
    try {
      const result = await this.#o.client.auth.test();
      this.#accepted(result);
    } catch (error) {
      this.#failed(error);
    } finally {
      this.#running = false;
    }
  }

  #accepted(result: { bot_id?: string; user_id?: string; team_id?: string }): void {
    const before = this.#status.state;
    this.#attempt = 0;
    this.#status = { state: 'ok', botId: result.bot_id ?? '', botUserId: result.user_id ?? '' };
    if (before !== 'ok')
      this.#o.logger.info(
        { team: result.team_id, botUserId: result.user_id },
        'Slack accepted the bot token',
      );
    this.#schedule(this.#o.recheckMs);
  }

  #failed(error: unknown): void {
    const fields = errorFields(error);
    const slackError = typeof fields['slackError'] === 'string' ? fields['slackError'] : undefined;
    if (slackError !== undefined && TOKEN_ERRORS.has(slackError)) {
      if (this.#status.state !== 'refused')
        this.#o.logger.error(
          { method: 'auth.test', slackError },
          `Slack refused SLACK_BOT_TOKEN (${slackError}): the token was revoked or the app uninstalled. Reinstall the app to the workspace, set SLACK_BOT_TOKEN to the new Bot User OAuth Token (xoxb-…) and restart. Replies wait in the store until their deadline.`,
        );
      this.#status = { state: 'refused', reason: slackError };
      this.#schedule(this.#o.refusedRecheckMs);
      return;
    }
    this.#attempt += 1;
    const reason = `Slack did not answer auth.test (${slackError ?? String(fields['code'] ?? fields['error'])})`;
    this.#status = { state: 'checking', reason };
    const delay = Math.min(this.#o.maxDelayMs, this.#o.minDelayMs * 2 ** (this.#attempt - 1));
    this.#o.logger.warn(
      { method: 'auth.test', attempt: this.#attempt, retryInMs: delay, ...fields },
      'Slack unreachable; retrying auth.test',
    );
    this.#schedule(delay);
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.#check(), ms);
    this.#timer.unref();
  }
}
