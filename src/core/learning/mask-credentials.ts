import { CREDENTIAL_KEYS, MASKED_ONLY_KEYS } from '../secrets/credential-keys.js';
import { maskSecrets } from '../secrets/detect.js';
import { isVariableReference } from '../secrets/entropy.js';
import { keyedValueReader } from '../secrets/keyed-values.js';
import { isMask, redacted } from '../secrets/mask.js';
import { maskUnkeyedValues } from '../secrets/unkeyed-values.js';

/** Longest masked paste kept (for the store, an example, an eval case). */
export const MAX_MASKED_CHARS = 4096;
/** Longest raw text read: the credential detector runs on at most this much (see maskCredentials). */
export const MAX_RAW_CHARS = 64 * 1024;

export interface MaskedPaste {
  /** The paste with every credential replaced by `[redacted <kind>]`, at most MAX_MASKED_CHARS. */
  readonly text: string;
  /** Part of the paste was left out (it was longer than the caps). */
  readonly truncated: boolean;
}

/**
 * Values of credential-bearing keys (the detector's and those only masked), whatever they look
 * like, in every form the detector reads. The detector leaves out values that do not look
 * generated (`password=hunter2`, `?code=abc`); what is stored and shown masks them too, as it does
 * the token id, consumer key and signature of an OAuth 1.0 (NetSuite TBA) header: halves of a
 * credential set.
 */
const readKeyedValues = keyedValueReader(
  [...CREDENTIAL_KEYS, ...MASKED_ONLY_KEYS],
  { whole: true }, // a passphrase's every word, an element's text across lines, CDATA, children
);

/**
 * Masks every credential in a paste with the secrets detector, then the basic-pair passwords,
 * Authorization credentials, cookies and values of credential keys it let pass, and keeps the first MAX_MASKED_CHARS of the result (all the store
 * keeps). The raw text is first cut to at most MAX_RAW_CHARS, at its last whitespace (a paste with
 * none there keeps nothing), to bound the detector's work: masks are shorter than what they
 * replace (a PEM key, a JWT), so the kept text can reach far past the 4,096th raw character. The
 * cut splits no word, so a token is read whole or not at all; a value of several words or lines (a
 * passphrase, a PEM block) can be cut, its head is masked as a value cut short and its tail dropped.
 */
export function maskCredentials(raw: string): MaskedPaste {
  let text = raw;
  let truncated = false;
  if (text.length > MAX_RAW_CHARS) {
    const cut = text.slice(0, MAX_RAW_CHARS);
    const space = cut.search(/\s\S*$/);
    text = space > 0 ? cut.slice(0, space) : '';
    truncated = true;
  }
  text = maskKeyedValues(maskUnkeyedValues(maskSecrets(text)));
  if (text.length > MAX_MASKED_CHARS) {
    text = text.slice(0, MAX_MASKED_CHARS);
    truncated = true;
  }
  return { text, truncated };
}

/**
 * Masks each keyed value as written (quotes included), unless it is empty, a variable standing in
 * for it (`client_secret=${CLIENT_SECRET}`, `"password": "{{password}}"`) or the detector already
 * masked it (`"client_secret": "[redacted assignment]"` keeps the detector's mask and its quotes).
 */
function maskKeyedValues(text: string): string {
  let out = '';
  let pos = 0;
  for (const v of readKeyedValues(text)) {
    if (v.text === '' || isMask(v.text) || isVariableReference(v.text)) continue;
    out += text.slice(pos, v.outerStart) + redacted('value');
    pos = v.outerEnd;
  }
  return out + text.slice(pos);
}
