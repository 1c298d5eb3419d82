import type { Logger } from '../../adapters/logger.js';
import type { JobHandler, RunnerEvent } from '../../adapters/store/jobs/runner.js';
import type { Job } from '../../adapters/store/jobs/types.js';
import type { KeyStore } from '../../adapters/store/types.js';
import { errorFields } from '../log-fields.js';
import { deliver, type SlackCalls } from './delivery.js';
import type { DurableReplies } from './durable.js';
import type { SlackJob, slackJobCodec } from './job-codec.js';
import { logFieldsOf } from './origin.js';
import { methodOf, readFailure, TOKEN_ERRORS } from './outcome.js';

export interface SendJobDeps {
  readonly slack: SlackCalls;
  readonly keys: KeyStore;
  readonly codec: ReturnType<typeof slackJobCodec>;
  readonly replies: DurableReplies;
  readonly logger: Logger;
  /** Told when Slack refuses the bot token, so readiness and the token check learn at once. */
  readonly onTokenRefused?: (slackError: string) => void;
}

/**
 * Sends one stored reply through `deliver` and turns Slack's answer into the runner's outcome:
 * `ok` → sent (then its follow-ups are kept), 429/5xx/timeouts → retry (Retry-After honoured),
 * permanent errors → failed. A reply guarded by a key is sent only by whoever claims the key.
 */
export function slackJobHandler(deps: SendJobDeps): JobHandler {
  return async (job, signal) => {
    let reply: SlackJob;
    try {
      reply = deps.codec.decode(job.payload);
    } catch (error) {
      return {
        status: 'failed',
        reason: `unreadable reply: ${errorFields(error)['message'] ?? ''}`,
      };
    }
    // Only the first try claims: a retry means this job already won the key.
    if (reply.claim !== undefined && job.attempt === 0) {
      const { namespace, key, ttlMs } = reply.claim;
      if (!(await deps.keys.claimOnce(namespace, key, ttlMs))) return { status: 'sent' };
    }
    try {
      await deliver(deps.slack, reply.delivery, reply.origin.workspace, signal);
    } catch (error) {
      const failure = readFailure(error, methodOf(reply.delivery));
      if (TOKEN_ERRORS.has(failure.slackError)) deps.onTokenRefused?.(failure.slackError);
      return failure.outcome;
    }
    if (reply.then.length > 0) await deps.replies.keep(reply.origin, reply.then, reply.fallbacks);
    return { status: 'sent' };
  };
}

/**
 * Logs what the runner did with each reply, and acts on the ones that failed for good: forgets
 * the key they held and sends the next apology, if someone waits. Routine conditions (rate
 * limits, `not_in_channel`, an expired response_url) are `warn`; store errors are `error`.
 */
export function onRunnerEvent(deps: SendJobDeps): (event: RunnerEvent) => void {
  const { logger } = deps;
  return (event) => {
    switch (event.type) {
      case 'sent':
        logger.debug(jobFields(event.job), 'reply delivered');
        return;
      case 'handed-back':
        logger.debug(jobFields(event.job), 'reply handed back to the store');
        return;
      case 'retry':
        logger.warn(
          { ...jobFields(event.job), ...reasonFields(event.reason), retryAt: event.at },
          'reply not delivered yet; will retry',
        );
        return;
      case 'error':
        logger.error(
          { ...(event.job === undefined ? {} : jobFields(event.job)), ...errorFields(event.error) },
          'job store error; the reply stays in the store',
        );
        return;
      case 'failed':
        void afterFailure(deps, event.job, event.reason);
        return;
    }
  };
}

async function afterFailure(deps: SendJobDeps, job: Job, reason: string): Promise<void> {
  const fields = { ...jobFields(job), ...reasonFields(reason) };
  deps.logger.warn(fields, 'reply not delivered; not retrying');
  try {
    const reply = deps.codec.decode(job.payload);
    if (reply.forgetOnFailure !== undefined)
      await deps.keys.forget(reply.forgetOnFailure.namespace, reply.forgetOnFailure.key);
    await deps.replies.apologise(reply.origin, reply.fallbacks);
  } catch (error) {
    deps.logger.error({ ...fields, ...errorFields(error) }, 'could not keep the apology');
  }
}

/** The ids a line about a job carries: the job, its try, and who and where it answers. */
function jobFields(job: Job): Record<string, unknown> {
  const origin = (job.payload as { origin?: Parameters<typeof logFieldsOf>[0] }).origin;
  return {
    jobId: job.id,
    attempt: job.attempt,
    kind: job.kind,
    ...(origin === undefined ? {} : logFieldsOf(origin)),
  };
}

/** `chat.postMessage: not_in_channel` → the method and Slack's error as their own fields. */
function reasonFields(reason: string): Record<string, string> {
  const at = reason.indexOf(': ');
  if (at < 0 || !/^[\w.]+$/.test(reason.slice(0, at))) return { reason };
  return { method: reason.slice(0, at), slackError: reason.slice(at + 2) };
}
