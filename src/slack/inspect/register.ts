import type { AllMiddlewareArgs, AnyMiddlewareArgs, App } from '@slack/bolt';
import { fingerprintToken } from '../../adapters/token-fingerprint.js';
import { inspectToken } from '../../core/jwt/inspect.js';
import type { Inspection } from '../../core/jwt/types.js';
import type { SlackDeps } from '../deps.js';
import { ACTION, COMMAND } from '../ids.js';
import { respondPrivately } from '../reply.js';
import type { RegisterListeners } from '../listeners/index.js';
import { inspectionMessage, inspectionResultView, inspectModalView } from './blocks.js';
import { parseTokenCommand } from './command-token.js';
import { INSPECT } from './ids.js';

export interface TokenInspectorOptions {
  /** The inspection clock (tests pass a fixed one). */
  readonly now?: () => Date;
}

/**
 * The token inspector's Slack surfaces: `/authhelp <token>`, `/authhelp inspect` and the App Home
 * button open or answer with an inspection; the modal's submit shows the result in place.
 */
export function tokenInspectorListeners(options: TokenInspectorOptions = {}): RegisterListeners {
  const now = options.now ?? (() => new Date());
  const inspect = (token: string): Inspection =>
    inspectToken(token, { now: now(), fingerprint: fingerprintToken });
  return (app: App, deps: SlackDeps) => {
    app.use(claimTokenCommands(inspect, deps));
    app.action(ACTION.inspectToken, async ({ ack, body, client }) => {
      await ack();
      if (!('trigger_id' in body)) return;
      await client.views.open({ trigger_id: body.trigger_id, view: inspectModalView() });
    });
    app.view(INSPECT.modal, async ({ ack, view }) => {
      const value = view.state.values[INSPECT.inputBlock]?.[INSPECT.inputAction]?.value ?? '';
      const inspection = inspect(value);
      deps.logger.info(
        { surface: 'inspect-modal', fingerprint: inspection.fingerprint, kind: inspection.kind },
        'token inspected',
      );
      await ack({ response_action: 'update', view: inspectionResultView(inspection) });
    });
  };
}

interface CommandBody {
  readonly command: string;
  readonly text: string;
  readonly trigger_id: string;
}

function isCommandBody(body: unknown): body is CommandBody {
  const b = body as Partial<Record<keyof CommandBody, unknown>>;
  return b.command === COMMAND && typeof b.text === 'string' && typeof b.trigger_id === 'string';
}

/**
 * Global middleware that claims `/authhelp <token>` before the diagnosing listener sees it (global
 * middleware runs first, and not calling `next()` ends the request here). Everything else passes.
 */
function claimTokenCommands(inspect: (token: string) => Inspection, deps: SlackDeps) {
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { body, next } = args;
    const request = isCommandBody(body) ? parseTokenCommand(body.text) : { kind: 'other' as const };
    if (
      request.kind === 'other' ||
      !('ack' in args) ||
      !('respond' in args) ||
      !isCommandBody(body)
    ) {
      await next();
      return;
    }
    await args.ack();
    if (request.kind === 'open-modal') {
      await args.client.views.open({ trigger_id: body.trigger_id, view: inspectModalView() });
      return;
    }
    const inspection = inspect(request.token);
    deps.logger.info(
      { surface: 'inspect-command', fingerprint: inspection.fingerprint, kind: inspection.kind },
      'token inspected',
    );
    await respondPrivately(args.respond, inspectionMessage(inspection));
  };
}
