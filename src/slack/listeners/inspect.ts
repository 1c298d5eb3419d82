import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { inspectionResultView, inspectModalView } from '../blocks/inspection.js';
import { ACTION, BLOCK, CALLBACK, INSPECT_VALUE } from '../ids.js';
import { originOf, type Origin } from '../replies/origin.js';
import type { Replies } from '../replies/replies.js';
import type { Services } from '../services.js';

/** Opens the "Inspect a token" modal (`/authhelp inspect`, the App Home button). */
export function openInspector(replies: Replies, origin: Origin, triggerId: string): void {
  replies.now(origin, { kind: 'open-view', triggerId, view: inspectModalView() });
}

/**
 * The token inspector's modal: opened from App Home (and `/authhelp inspect`, see command.ts); its
 * submit shows the inspection in place of the input. `/authhelp <token>` answers in command.ts.
 */
export function registerInspector(app: App, services: Services, replies: Replies): void {
  app.action<BlockAction<ButtonAction>>(ACTION.inspectToken, async ({ ack, body }) => {
    await ack();
    openInspector(replies, originOf(body), body.trigger_id);
  });

  app.view(CALLBACK.inspectForm, async ({ ack, view }) => {
    const value = view.state.values[BLOCK.inspectInput]?.[INSPECT_VALUE]?.value ?? '';
    const inspection = services.inspectToken(value);
    services.logger.info(
      { surface: 'inspect-modal', fingerprint: inspection.fingerprint, kind: inspection.kind },
      'token inspected',
    );
    await ack({ response_action: 'update', view: inspectionResultView(inspection) });
  });
}
