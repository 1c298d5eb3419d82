import type { CheckSystem } from '../command-text.js';
import {
  CHECK_CALLBACK,
  CHECK_PICK_CALLBACK,
  CHECK_RESULT_CALLBACK,
  FIELD,
  PICK_SYSTEM_ACTION,
  VALUE,
  type FieldKey,
} from './ids.js';

const TITLES: Readonly<Record<CheckSystem, string>> = {
  workday: 'Test Workday',
  netsuite: 'Test NetSuite M2M',
  oauth2: 'Test OAuth 2.0',
};

interface FieldSpec {
  readonly key: FieldKey;
  readonly label: string;
  readonly hint?: string;
  readonly placeholder?: string;
  readonly optional?: boolean;
  readonly multiline?: boolean;
}

const FIELDS: Readonly<Record<CheckSystem, readonly FieldSpec[]>> = {
  workday: [
    {
      key: 'tokenUrl',
      label: 'Token URL',
      placeholder: 'https://wd2-impl-services1.workday.com/ccx/oauth2/<tenant>/token',
      hint: 'View API Clients → Token Endpoint',
    },
    { key: 'clientId', label: 'Client ID' },
    { key: 'clientSecret', label: 'Client secret' },
    {
      key: 'refreshToken',
      label: 'Refresh token',
      hint: 'API Client → Manage Refresh Tokens for Integrations',
    },
    {
      key: 'apiUrl',
      label: 'API URL to call with the new token',
      optional: true,
      placeholder: 'https://…/ccx/api/v1/<tenant>/workers',
    },
  ],
  netsuite: [
    { key: 'accountId', label: 'Account ID', placeholder: '1234567 or 1234567_SB1' },
    {
      key: 'tokenUrl',
      label: 'Token URL (only to override the one built from the account ID)',
      optional: true,
    },
    { key: 'clientId', label: 'Client ID (integration record)' },
    {
      key: 'certificateId',
      label: 'Certificate ID',
      hint: 'Shown after mapping the certificate in OAuth 2.0 Client Credentials (M2M) Setup',
    },
    {
      key: 'privateKey',
      label: 'Private key (PEM)',
      multiline: true,
      placeholder: '-----BEGIN PRIVATE KEY-----',
    },
    {
      key: 'scope',
      label: 'Scope',
      optional: true,
      placeholder: 'rest_webservices (also restlets, suite_analytics)',
    },
  ],
  oauth2: [
    { key: 'tokenUrl', label: 'Token URL', placeholder: 'https://auth.example.com/oauth2/token' },
    { key: 'clientId', label: 'Client ID' },
    { key: 'clientSecret', label: 'Client secret' },
    { key: 'scope', label: 'Scope', optional: true },
  ],
};

const WHERE_VALUES_GO =
  ':lock: Values go once from the authhelp server to the token URL above (https, public hosts only), are used in memory and are never stored, logged or posted. Prefer not to type secrets into Slack? Run `authhelp check` on the command line instead.';

export interface ModalMetadata {
  readonly system: CheckSystem;
  readonly channelId?: string;
}

/** The form for one system; `private_metadata` carries only the system and channel, never a value. */
export function checkFormView(system: CheckSystem, channelId?: string): object {
  const meta: ModalMetadata = { system, ...(channelId === undefined ? {} : { channelId }) };
  const blocks: object[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: WHERE_VALUES_GO }] },
  ];
  for (const f of FIELDS[system]) blocks.push(inputBlock(f));
  if (system === 'oauth2') blocks.push(authBlock());
  return {
    type: 'modal',
    callback_id: CHECK_CALLBACK,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: TITLES[system] },
    submit: { type: 'plain_text', text: 'Test' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

function inputBlock(f: FieldSpec): object {
  return {
    type: 'input',
    block_id: FIELD[f.key],
    optional: f.optional === true,
    label: { type: 'plain_text', text: f.label },
    ...(f.hint === undefined ? {} : { hint: { type: 'plain_text', text: f.hint } }),
    element: {
      type: 'plain_text_input',
      action_id: VALUE,
      ...(f.multiline === true ? { multiline: true } : {}),
      ...(f.placeholder === undefined
        ? {}
        : { placeholder: { type: 'plain_text', text: f.placeholder.slice(0, 150) } }),
    },
  };
}

function authBlock(): object {
  const option = (value: string, text: string) => ({ value, text: { type: 'plain_text', text } });
  const basic = option('basic', 'client_secret_basic (Authorization header)');
  return {
    type: 'input',
    block_id: FIELD.auth,
    label: { type: 'plain_text', text: 'Client authentication' },
    element: {
      type: 'radio_buttons',
      action_id: VALUE,
      initial_option: basic,
      options: [basic, option('post', 'client_secret_post (in the body)')],
    },
  };
}

/** When no system was named: pick one, then the form replaces this view. */
export function pickSystemView(channelId?: string): object {
  const option = (value: CheckSystem, text: string) => ({
    value,
    text: { type: 'plain_text', text },
  });
  return {
    type: 'modal',
    callback_id: CHECK_PICK_CALLBACK,
    private_metadata: JSON.stringify(channelId === undefined ? {} : { channelId }),
    title: { type: 'plain_text', text: 'Test a connection' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        block_id: 'check_pick',
        text: { type: 'mrkdwn', text: 'Which system do you want to test?' },
        accessory: {
          type: 'static_select',
          action_id: PICK_SYSTEM_ACTION,
          placeholder: { type: 'plain_text', text: 'Choose a system' },
          options: [
            option('workday', 'Workday'),
            option('netsuite', 'NetSuite (M2M)'),
            option('oauth2', 'Generic OAuth 2.0'),
          ],
        },
      },
    ],
  };
}

export function checkingView(system: CheckSystem): object {
  return {
    type: 'modal',
    callback_id: CHECK_RESULT_CALLBACK,
    title: { type: 'plain_text', text: TITLES[system] },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: ':hourglass_flowing_sand: Checking… this takes at most 15 seconds.',
        },
      },
    ],
  };
}
