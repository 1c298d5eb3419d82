import type { CheckSystem } from '../../core/check/types.js';
import { ACTION, BLOCK, CALLBACK, CHECK_FIELD, CHECK_VALUE, type CheckFieldKey } from '../ids.js';
import { context, section, type Block } from './limits.js';
import { modal, options, plainText, textInput, type ModalView } from './view.js';

const TITLES: Readonly<Record<CheckSystem, string>> = {
  workday: 'Test Workday',
  netsuite: 'Test NetSuite M2M',
  oauth2: 'Test OAuth 2.0',
};

interface FieldSpec {
  readonly key: CheckFieldKey;
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

/** What the modal carries through Slack: the system and the channel, never a value typed. */
export interface CheckMetadata {
  readonly system?: CheckSystem;
  readonly channelId?: string;
}

/** The form for one system. */
export function checkFormView(system: CheckSystem, channelId?: string): ModalView {
  const blocks: Block[] = [
    context(WHERE_VALUES_GO),
    ...FIELDS[system].map((f) =>
      textInput({
        blockId: CHECK_FIELD[f.key],
        actionId: CHECK_VALUE,
        label: f.label,
        ...(f.hint === undefined ? {} : { hint: f.hint }),
        ...(f.placeholder === undefined ? {} : { placeholder: f.placeholder }),
        ...(f.optional === true ? { optional: true } : {}),
        ...(f.multiline === true ? { multiline: true } : {}),
      }),
    ),
  ];
  if (system === 'oauth2') blocks.push(clientAuthBlock());
  if (system === 'workday') blocks.push(context(SPENDS_REFRESH_TOKEN), confirmRefreshBlock());
  return modal({
    callbackId: CALLBACK.checkForm,
    title: TITLES[system],
    submit: 'Test',
    close: 'Cancel',
    privateMetadata: metadata({ system, ...(channelId === undefined ? {} : { channelId }) }),
    blocks,
  });
}

/** The value of the one box to tick before a refresh-token test. */
export const CONFIRM_REFRESH = 'spend_refresh_token';

const SPENDS_REFRESH_TOKEN =
  ':warning: This test uses the refresh token. A server that rotates refresh tokens gives out a new one and invalidates the one you paste (some revoke the whole grant if the old one is used again). authhelp never shows the new one; to keep it, run `authhelp check workday --save-refresh-token FILE` instead.';

function confirmRefreshBlock(): Block {
  const [box] = options([
    {
      value: CONFIRM_REFRESH,
      text: 'I understand: after this test the refresh token may stop working',
    },
  ]);
  return {
    type: 'input',
    block_id: CHECK_FIELD.confirmRefresh,
    label: plainText('Refresh token', 100),
    element: {
      type: 'checkboxes',
      action_id: CHECK_VALUE,
      options: box === undefined ? [] : [box],
    },
  };
}

function clientAuthBlock(): Block {
  const [basic, post] = options([
    { value: 'basic', text: 'client_secret_basic (Authorization header)' },
    { value: 'post', text: 'client_secret_post (in the body)' },
  ]);
  return {
    type: 'input',
    block_id: CHECK_FIELD.auth,
    label: plainText('Client authentication', 100),
    element: {
      type: 'radio_buttons',
      action_id: CHECK_VALUE,
      ...(basic === undefined ? {} : { initial_option: basic }),
      options: [basic, post].filter((o) => o !== undefined),
    },
  };
}

/** When no system was named: pick one, then the form replaces this view. */
export function pickSystemView(channelId?: string): ModalView {
  return modal({
    callbackId: CALLBACK.checkPick,
    title: 'Test a connection',
    close: 'Cancel',
    privateMetadata: metadata(channelId === undefined ? {} : { channelId }),
    blocks: [
      {
        type: 'section',
        block_id: BLOCK.checkPick,
        text: { type: 'mrkdwn', text: 'Which system do you want to test?' },
        accessory: {
          type: 'static_select',
          action_id: ACTION.pickCheckSystem,
          placeholder: plainText('Choose a system', 150),
          options: options([
            { value: 'workday', text: 'Workday' },
            { value: 'netsuite', text: 'NetSuite (M2M)' },
            { value: 'oauth2', text: 'Generic OAuth 2.0' },
          ]),
        },
      },
    ],
  });
}

export function checkingView(system: CheckSystem): ModalView {
  return modal({
    callbackId: CALLBACK.checkResult,
    title: TITLES[system],
    blocks: [section(':hourglass_flowing_sand: Checking… this takes at most 15 seconds.')],
  });
}

/** Shown when a check's result never came (the instance running it stopped): run it again. */
export function checkInterruptedView(system: CheckSystem): ModalView {
  return modal({
    callbackId: CALLBACK.checkResult,
    title: TITLES[system],
    blocks: [
      section(
        ':warning: The check was interrupted before it finished (authhelp restarted). Nothing was kept; close this and run it again.',
      ),
    ],
  });
}

function metadata(meta: CheckMetadata): string {
  return JSON.stringify(meta);
}
