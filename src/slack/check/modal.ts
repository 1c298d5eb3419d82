import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  StaticSelectAction,
  ViewSubmitAction,
} from '@slack/bolt';
import type { CheckInput, TargetPolicy } from '../../core/check/types.js';
import type { RateLimiter } from '../../adapters/http/rate-limit.js';
import type { CheckRunner } from '../../adapters/http/runner.js';
import { isCheckSystem, type CheckSystem } from '../command-text.js';
import type { SlackDeps } from '../deps.js';
import type { RegisterListeners } from '../listeners/index.js';
import type { OpenCheckModal } from '../open-check-modal.js';
import { checkFormView, checkingView, pickSystemView, type ModalMetadata } from './form-view.js';
import { CHECK_CALLBACK, FIELD, PICK_SYSTEM_ACTION } from './ids.js';
import { readCheckForm } from './read-form.js';
import { checkFailedView, checkResultView } from './result-view.js';

export interface CheckModalOptions {
  readonly runner: CheckRunner;
  readonly rateLimiter: RateLimiter;
  readonly policy: TargetPolicy;
}

export interface CheckModal {
  readonly open: OpenCheckModal;
  readonly register: RegisterListeners;
}

/**
 * The connection test in Slack: a modal per system, inline errors for bad values, a "Checking…" view
 * on submit, then the result in the same modal (visible to that user only).
 */
export function createCheckModal(options: CheckModalOptions): CheckModal {
  const open: OpenCheckModal = async (request) => {
    const view =
      request.system === undefined
        ? pickSystemView(request.channelId)
        : checkFormView(request.system, request.channelId);
    await request.client.views.open({ trigger_id: request.triggerId, view: view as never });
  };
  const register: RegisterListeners = (app, deps) => {
    registerPick(app);
    registerSubmit(app, deps, options);
  };
  return { open, register };
}

function registerPick(app: App): void {
  app.action<BlockAction<StaticSelectAction>>(
    PICK_SYSTEM_ACTION,
    async ({ ack, action, body, client }) => {
      await ack();
      const value = action.selected_option.value;
      if (body.view === undefined || !isCheckSystem(value)) return;
      const meta = parseMeta(body.view.private_metadata);
      await client.views.update({
        view_id: body.view.id,
        hash: body.view.hash,
        view: checkFormView(value, meta.channelId) as never,
      });
    },
  );
}

function registerSubmit(app: App, deps: SlackDeps, options: CheckModalOptions): void {
  app.view<ViewSubmitAction>(CHECK_CALLBACK, async ({ ack, body, view, client }) => {
    const meta = parseMeta(view.private_metadata);
    const system = meta.system;
    if (system === undefined) {
      await ack();
      return;
    }
    const form = readCheckForm(system, view.state.values, options.policy);
    if (form.input === null) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    const decision = options.rateLimiter.take(body.user.id);
    if (!decision.allowed) {
      const first = system === 'netsuite' ? FIELD.accountId : FIELD.tokenUrl;
      await ack({
        response_action: 'errors',
        errors: {
          [first]: `Too many checks: at most 5 a minute. Try again in ${String(decision.retryAfterSeconds)} s.`,
        },
      });
      return;
    }
    await ack({ response_action: 'update', view: checkingView(system) as never });
    const input = form.input;
    // After the ack: Slack wants it within 3 s, the check may take up to 15 s.
    void finishCheck(deps, options, client, view.id, input, body.user.id);
  });
}

async function finishCheck(
  deps: SlackDeps,
  options: CheckModalOptions,
  client: AllMiddlewareArgs['client'],
  viewId: string,
  input: CheckInput,
  userId: string,
): Promise<void> {
  try {
    const outcome = await options.runner(input, `slack:${userId}`);
    await client.views.update({
      view_id: viewId,
      view: checkResultView(outcome, deps.catalogue) as never,
    });
  } catch (err) {
    deps.logger.error({ err: err instanceof Error ? err.name : 'error' }, 'connection test failed');
    await client.views
      .update({ view_id: viewId, view: checkFailedView() as never })
      .catch(() => undefined);
  }
}

/** private_metadata holds only the system and channel, never a value the user typed. */
function parseMeta(raw: string | undefined): Partial<ModalMetadata> {
  try {
    const v = JSON.parse(raw ?? '{}') as { system?: unknown; channelId?: unknown };
    const system: CheckSystem | undefined =
      typeof v.system === 'string' && isCheckSystem(v.system) ? v.system : undefined;
    return {
      ...(system === undefined ? {} : { system }),
      ...(typeof v.channelId === 'string' ? { channelId: v.channelId } : {}),
    };
  } catch {
    return {};
  }
}
