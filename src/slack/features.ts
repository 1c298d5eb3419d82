import type { Logger } from '../adapters/logger.js';
import type { TargetPolicy } from '../core/check/types.js';
import type { SlackAppOptions } from './app.js';
import { createSlackCheck } from './check/wire.js';
import { credentialGuardListeners } from './guard/register.js';
import { INSPECT_BUTTON } from './inspect/ids.js';
import { tokenInspectorListeners } from './inspect/register.js';

/**
 * The surfaces beyond the core answers: connection test, token inspector, credential guard. One
 * list, used by main.ts and by the manifest test (everything registered must be declared).
 */
export function slackFeatures(options: {
  policy: TargetPolicy;
  logger: Logger;
}): Pick<SlackAppOptions, 'openCheckModal' | 'homeButtons' | 'listeners'> {
  const check = createSlackCheck(options);
  return {
    openCheckModal: check.open,
    homeButtons: [INSPECT_BUTTON],
    listeners: [check.register, tokenInspectorListeners(), credentialGuardListeners()],
  };
}
