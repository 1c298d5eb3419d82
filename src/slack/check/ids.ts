/** Identifiers of the connection-test modal; Slack echoes them back on submit. */
export const CHECK_CALLBACK = 'authhelp_check_submit';
export const CHECK_PICK_CALLBACK = 'authhelp_check_pick';
export const CHECK_RESULT_CALLBACK = 'authhelp_check_result';
export const PICK_SYSTEM_ACTION = 'authhelp_check_pick_system';

/** One input block per field; block_id doubles as the key for inline errors. */
export const FIELD = {
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
} as const;

export type FieldKey = keyof typeof FIELD;

/** The action id inside every input block. */
export const VALUE = 'value';
