/** Every identifier Slack echoes back to us, in one place so listeners and blocks agree. */

export const COMMAND = '/authhelp';

export const CALLBACK = {
  /** Message shortcut "Diagnose auth error". */
  diagnoseMessage: 'diagnose_message',
  /** The placeholder modal shown until the connection test lands. */
  checkComingSoon: 'authhelp_check_coming_soon',
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
  /** Slot for the token inspector (App Home button). */
  inspectToken: 'authhelp_inspect_token',
} as const;

export const ALTERNATIVE_ACTION = new RegExp(`^${ACTION.alternativePrefix}\\d$`);

export const BLOCK = {
  answerActions: 'authhelp_answer_actions',
  feedback: 'authhelp_feedback',
  channelActions: 'authhelp_channel_actions',
  homeActions: 'authhelp_home_actions',
} as const;

/** Conversation types the app answers in on its own (public and private channels it is in). */
export const ANSWER_CHANNEL_TYPES = ['channel', 'group'] as const;
