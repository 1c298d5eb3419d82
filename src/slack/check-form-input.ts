import { privateKeyFromPem } from '../adapters/http/private-key.js';
import type { CheckInput, CheckSystem, PrivateJwk } from '../core/check/types.js';
import type { Finding, FindingField } from '../core/finding.js';
import {
  CHECK_FIELD as FIELD,
  CHECK_VALUE as VALUE,
  type CheckFieldKey as FieldKey,
} from './ids.js';
import { CONFIRM_REFRESH } from './blocks/check-form.js';

type StateValues = Readonly<
  Record<
    string,
    Readonly<
      Record<
        string,
        {
          value?: string | null;
          selected_option?: { value: string } | null;
          selected_options?: readonly { value: string }[] | null;
        }
      >
    >
  >
>;

export interface ReadForm {
  readonly input: CheckInput | null;
  /** block_id → message, for `response_action: errors`. */
  readonly errors: Readonly<Record<string, string>>;
}

/** Form values → check input, with blocking preflight problems as inline errors on their fields. */
export function readCheckForm(
  system: CheckSystem,
  values: StateValues,
  preflight: (input: CheckInput) => readonly Finding[],
): ReadForm {
  const get = (key: FieldKey): string => {
    const v = values[FIELD[key]]?.[VALUE];
    return v?.selected_option?.value ?? v?.value ?? '';
  };
  const errors: Record<string, string> = {};
  const opt = (key: 'apiUrl' | 'scope') => (get(key).trim() === '' ? {} : { [key]: get(key) });
  let input: CheckInput;
  if (system === 'workday') {
    const ticked = values[FIELD.confirmRefresh]?.[VALUE]?.selected_options ?? [];
    if (!ticked.some((o) => o.value === CONFIRM_REFRESH))
      errors[FIELD.confirmRefresh] =
        'Tick the box: this test spends the refresh token on a server that rotates them';
    input = {
      system,
      tokenUrl: get('tokenUrl'),
      clientId: get('clientId'),
      clientSecret: get('clientSecret'),
      refreshToken: get('refreshToken'),
      ...opt('apiUrl'),
    };
  } else if (system === 'oauth2') {
    input = {
      system,
      tokenUrl: get('tokenUrl'),
      clientId: get('clientId'),
      clientSecret: get('clientSecret'),
      auth: get('auth') === 'post' ? 'post' : 'basic',
      ...opt('scope'),
    };
  } else {
    let privateKey: PrivateJwk | undefined;
    try {
      privateKey = privateKeyFromPem(get('privateKey'));
    } catch (err) {
      errors[FIELD.privateKey] = err instanceof Error ? err.message : 'not a PEM private key';
    }
    const scopes = get('scope')
      .split(/[\s,]+/)
      .filter((s) => s !== '');
    input = {
      system,
      grant: 'client_credentials',
      accountId: get('accountId'),
      ...(get('tokenUrl').trim() === '' ? {} : { tokenUrl: get('tokenUrl') }),
      clientId: get('clientId'),
      certificateId: get('certificateId'),
      ...(privateKey === undefined ? {} : { privateKey }),
      ...(scopes.length === 0 ? {} : { scopes }),
    };
    if (privateKey === undefined) return { input: null, errors };
  }
  for (const f of preflight(input).filter((p) => p.blocking === true)) {
    const block = blockFor(f.fields[0]);
    if (block !== undefined) errors[block] ??= f.title;
  }
  return { input: Object.keys(errors).length > 0 ? null : input, errors };
}

function blockFor(field: FindingField | undefined): string | undefined {
  if (field === undefined || !(field in FIELD)) return undefined;
  return FIELD[field as FieldKey];
}
