import type {
  App,
  BlockAction,
  ButtonAction,
  StaticSelectAction,
  ViewSubmitAction,
} from '@slack/bolt';
import type { CheckSystem } from '../../core/check/types.js';
import {
  checkFormView,
  checkingView,
  checkInterruptedView,
  pickSystemView,
  type CheckMetadata,
} from '../blocks/check-form.js';
import { checkResultView } from '../blocks/check-result.js';
import { apologyView, noticeMessage } from '../blocks/help.js';
import { quoted } from '../blocks/limits.js';
import { readCheckForm } from '../check-form-input.js';
import { CHECK_SYSTEMS, isCheckSystem } from '../command-text.js';
import { ACTION, CALLBACK, CHECK_FIELD, COMMAND } from '../ids.js';
import { errorFields } from '../log-fields.js';
import { privately } from '../replies/delivery.js';
import { logFieldsOf, originOf, type Origin } from '../replies/origin.js';
import { owed } from '../replies/owed.js';
import type { Replies } from '../replies/replies.js';
import type { Services } from '../services.js';
import { KEY } from '../state/namespaces.js';
import type { OnceKeys } from '../state/once-keys.js';
import type { RateLimit } from '../state/rate-limit.js';

/** What the connection test remembers between requests. */
export interface CheckState {
  /** Checks per person (5 a minute by default). */
  readonly perUser: RateLimit;
  /** Modals already answered, by the check's result or by its fallback (namespace check-done). */
  readonly answered: OnceKeys;
  /** When the "interrupted" note is due: a little after the check's 15 s limit. */
  readonly fallbackAfterMs: number;
}

export interface OpenCheck {
  /** Valid for about 3 s after Slack sent it: the modal opens before any slow work. */
  readonly triggerId: string;
  /** As typed after `/authhelp check`, or from a button; undefined opens the system menu. */
  readonly system: string | undefined;
  readonly channelId?: string;
  /** Where to say that a system is unknown (commands and message buttons have one). */
  readonly responseUrl?: string;
}

/**
 * Opens the connection test: the form of the named system, or a menu of systems. Called by
 * `/authhelp check` and by the "Test a connection" buttons.
 */
export async function openCheck(
  replies: Replies,
  origin: Origin,
  request: OpenCheck,
): Promise<void> {
  const { system, responseUrl } = request;
  if (system !== undefined && !isCheckSystem(system)) {
    if (responseUrl === undefined) return;
    const notice = noticeMessage(
      `I can't test \`${quoted(system, 40)}\` connections.`,
      `Try \`${COMMAND} check ${CHECK_SYSTEMS.join('|')}\`.`,
    );
    await replies.owe(origin, () => [owed(privately(responseUrl, notice))]);
    return;
  }
  const view =
    system === undefined
      ? pickSystemView(request.channelId)
      : checkFormView(system, request.channelId);
  replies.now(origin, { kind: 'open-view', triggerId: request.triggerId, view });
}

/**
 * The connection test in Slack: a modal per system, inline errors for bad values, a "Checking…"
 * view on submit, then the result in the same modal (visible to that user only).
 */
export function registerCheck(
  app: App,
  services: Services,
  replies: Replies,
  state: CheckState,
): void {
  // Under answers (with the answer's system; the menu when it has no test) and on App Home.
  app.action<BlockAction<ButtonAction>>(ACTION.testConnection, async ({ ack, action, body }) => {
    await ack();
    const system = action.value;
    await openCheck(replies, originOf(body), {
      triggerId: body.trigger_id,
      system: system !== undefined && isCheckSystem(system) ? system : undefined,
      ...(body.channel === undefined ? {} : { channelId: body.channel.id }),
    });
  });

  app.action<BlockAction<StaticSelectAction>>(
    ACTION.pickCheckSystem,
    async ({ ack, action, body }) => {
      const value = action.selected_option.value;
      const view = body.view;
      if (view !== undefined && isCheckSystem(value)) {
        const form = checkFormView(value, readMetadata(view.private_metadata).channelId);
        await replies.owe(originOf(body), () => [
          owed({ kind: 'update-view', viewId: view.id, hash: view.hash, view: form }),
        ]);
      }
      await ack();
    },
  );

  app.view<ViewSubmitAction>(CALLBACK.checkForm, async ({ ack, body, view }) => {
    const { system } = readMetadata(view.private_metadata);
    if (system === undefined) {
      await ack();
      return;
    }
    const form = readCheckForm(system, view.state.values, services.check.preflight);
    if (form.input === null) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    const decision = await state.perUser.take(body.user.id);
    if (!decision.allowed) {
      services.logger.info({ surface: 'check', user: body.user.id }, 'check rate limited');
      await ack({
        response_action: 'errors',
        errors: {
          [firstField(system)]:
            `Too many checks: at most 5 a minute. Try again in ${String(decision.retryAfterSeconds)} s.`,
        },
      });
      return;
    }
    const origin = originOf(body);
    const done = { ...KEY.checkDone, key: view.id };
    // Before the ack: if this instance stops before the result is sent, another sends this note
    // instead. The result and the note race for one key, so the modal gets exactly one of them.
    await replies.owe(origin, () => [
      owed(
        { kind: 'update-view', viewId: view.id, view: checkInterruptedView(system) },
        { notBefore: Date.now() + state.fallbackAfterMs, claim: done },
      ),
    ]);
    await ack({ response_action: 'update', view: checkingView(system) });
    const input = form.input;
    // After the ack: Slack wants it within 3 s, the check may take up to 15 s. The hash is left
    // out: it went stale with the "Checking…" update.
    replies.later(origin, async () => {
      // A failure on our side (the check or its rendering) still answers, with an apology.
      const result = await services.check
        .run(input, `slack:${body.user.id}`)
        .then((outcome) => checkResultView(outcome, services.knowledge().catalogue))
        .catch((error: unknown) => {
          services.logger.error(
            { ...logFieldsOf(origin), ...errorFields(error) },
            'connection test failed on our side; apologising',
          );
          return apologyView();
        });
      // Claimed now, not when sent: a fallback coming due while this waits in a busy queue stays quiet.
      if (!(await state.answered.claim(view.id))) return [];
      return [owed({ kind: 'update-view', viewId: view.id, view: result })];
    });
  });
}

function firstField(system: CheckSystem): string {
  return system === 'netsuite' ? CHECK_FIELD.accountId : CHECK_FIELD.tokenUrl;
}

/** private_metadata holds only the system and channel, never a value the user typed. */
function readMetadata(raw: string | undefined): CheckMetadata {
  try {
    const v = JSON.parse(raw ?? '{}') as { system?: unknown; channelId?: unknown };
    return {
      ...(typeof v.system === 'string' && isCheckSystem(v.system) ? { system: v.system } : {}),
      ...(typeof v.channelId === 'string' ? { channelId: v.channelId } : {}),
    };
  } catch {
    return {};
  }
}
