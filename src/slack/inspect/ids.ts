import type { ButtonSpec } from '../blocks/limits.js';
import { ACTION } from '../ids.js';

/** Identifiers of the token inspector's modal, echoed back by Slack on submit. */
export const INSPECT = {
  modal: 'authhelp_inspect_token_modal',
  resultModal: 'authhelp_inspect_token_result',
  inputBlock: 'authhelp_inspect_token_input',
  inputAction: 'authhelp_inspect_token_value',
} as const;

/** The App Home button that opens the modal (`homeButtons` of createSlackApp). */
export const INSPECT_BUTTON: ButtonSpec = {
  actionId: ACTION.inspectToken,
  text: 'Inspect a token',
};
