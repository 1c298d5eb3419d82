import { CREDENTIAL_KEYS } from '../credential-keys.js';
import { looksRandom, percentDecoded, type RandomnessBounds } from '../entropy.js';
import { keyedValueReader } from '../keyed-values.js';
import type { SecretFinding } from '../types.js';

const readKeyedValues = keyedValueReader(CREDENTIAL_KEYS);

const URL_VALUE = /^[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\//;
const SECRET_BOUNDS: RandomnessBounds = { minLength: 10, maxLength: 4096, minEntropy: 3 };
/** A password: shorter and plainer than a generated secret, as people pick them. */
export const PASSWORD_BOUNDS: RandomnessBounds = { minLength: 8, maxLength: 256, minEntropy: 2.75 };

/**
 * Finds `client_secret=…`, `"refresh_token": "…"`, `CLIENT_SECRET=…` style assignments (in every
 * form keyedValueReader reads) whose value looks generated (length, entropy, not a placeholder).
 */
export function findAssignments(text: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const value of readKeyedValues(text)) {
    const spec = CREDENTIAL_KEYS[value.key];
    if (spec === undefined) continue;
    const bounds = spec.name.endsWith('password') ? PASSWORD_BOUNDS : SECRET_BOUNDS;
    if (spec.needsDigit === true && !/\d/.test(value.text)) continue;
    // A URL names where a credential is sent or kept (`OAUTH2_TOKEN = "https://…/token"`, a
    // vault path); one holding a password is the basic-pair rule's.
    if (URL_VALUE.test(value.text)) continue;
    if (!looksRandom(percentDecoded(value.text, bounds.maxLength), bounds)) continue;
    found.push({
      kind: 'assignment',
      start: value.start,
      end: value.start + value.text.length,
      label: spec.label,
      name: spec.name,
    });
  }
  return found;
}
