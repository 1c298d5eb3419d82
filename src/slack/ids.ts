/** Every identifier Slack echoes back to us, in one place so listeners and blocks agree. */

export const COMMAND = '/authhelp';

export const CALLBACK = {
  /** Message shortcut "Diagnose auth error". */
  diagnoseMessage: 'diagnose_message',
  /** The connection-test modal: choose a system, the form, the result. */
  checkPick: 'authhelp_check_pick',
  checkForm: 'authhelp_check_submit',
  checkResult: 'authhelp_check_result',
  /** The token inspector's modal and its result. */
  inspectForm: 'authhelp_inspect_token_modal',
  inspectResult: 'authhelp_inspect_token_result',
  /** A maintainer's drafted catalogue entry (App Home → Catalogue health → Draft entry). */
  draftEntry: 'authhelp_draft_entry_modal',
  /** What replaces a modal when its work failed on our side. */
  apology: 'authhelp_apology',
} as const;

export const ACTION = {
  /** `authhelp_alt_0`, `authhelp_alt_1`: action ids must be unique within a block. */
  alternativePrefix: 'authhelp_alt_',
  share: 'authhelp_share',
  testConnection: 'authhelp_test_connection',
  feedbackUp: 'authhelp_feedback_up',
  feedbackDown: 'authhelp_feedback_down',
  fullSteps: 'authhelp_full_steps',
  replyInThread: 'authhelp_reply_in_thread',
  inspectToken: 'authhelp_inspect_token',
  pickCheckSystem: 'authhelp_check_pick_system',
  /** App Home, maintainers only: draft an entry for a template (value: the template id). */
  draftEntry: 'authhelp_draft_entry',
} as const;

export const ALTERNATIVE_ACTION = new RegExp(`^${ACTION.alternativePrefix}\\d$`);

export const BLOCK = {
  answerActions: 'authhelp_answer_actions',
  feedback: 'authhelp_feedback',
  channelActions: 'authhelp_channel_actions',
  homeActions: 'authhelp_home_actions',
  checkPick: 'check_pick',
  inspectInput: 'authhelp_inspect_token_input',
} as const;

/** One input block per connection-test field; the block_id doubles as the key for inline errors. */
export const CHECK_FIELD = {
  tokenUrl: 'check_token_url',
  clientId: 'check_client_id',
  clientSecret: 'check_client_secret',
  refreshToken: 'check_refresh_token',
  apiUrl: 'check_api_url',
  accountId: 'check_account_id',
  certificateId: 'check_certificate_id',
  privateKey: 'check_private_key',
  scope: 'check_scope',
  auth: 'check_auth',
  confirmRefresh: 'check_confirm_refresh',
} as const;

export type CheckFieldKey = keyof typeof CHECK_FIELD;

/** The action id of the element inside every connection-test input block. */
export const CHECK_VALUE = 'value';

/** The action id of the token inspector's text input. */
export const INSPECT_VALUE = 'authhelp_inspect_token_value';

/** Conversation types the app answers in on its own (public and private channels it is in). */
export const ANSWER_CHANNEL_TYPES = ['channel', 'group'] as const;
