import { maskSecrets } from '../../secrets/detect.js';
import type { CheckOutcome, MaskedRequest } from '../types.js';
import { MASK, type SecretScrubber } from './scrub.js';
import type { HttpRequestSpec } from './transport.js';

const SECRET_FORM_FIELDS = new Set([
  'client_secret',
  'refresh_token',
  'client_assertion',
  'assertion',
  'code',
  'code_verifier',
  'password',
  'access_token',
]);

/** The request as it may be shown: form secrets and the Authorization value replaced, the rest verbatim. */
export function maskRequest(spec: HttpRequestSpec, clientId?: string): MaskedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(spec.headers)) {
    headers[name] =
      name.toLowerCase() === 'authorization' ? maskAuthorization(value, clientId) : value;
  }
  const form: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(spec.body ?? '')) {
    // Not even the length: it narrows a guess and tells which of two stored values was sent.
    form[k] = SECRET_FORM_FIELDS.has(k) ? MASK : v;
  }
  return { method: spec.method, url: spec.url, headers, form };
}

function maskAuthorization(value: string, clientId: string | undefined): string {
  const scheme = value.split(' ')[0] ?? '';
  if (scheme.toLowerCase() === 'basic' && clientId !== undefined) {
    return `Basic base64(form-encoded ${JSON.stringify(clientId)} : ${MASK})`;
  }
  return `${scheme} ${MASK}`;
}

/**
 * Last line of defence before an outcome leaves the check: every value the check protected, in any
 * encoding, runs of it, and anything that looks like a credential are masked in every string.
 */
export function redactOutcome(outcome: CheckOutcome, scrubber: SecretScrubber): CheckOutcome {
  return deepMap(outcome, (text) => maskSecrets(scrubber.mask(text))) as CheckOutcome;
}

/**
 * What a request carries that is secret: the Authorization value, its token, and for Basic the
 * secret inside it (as sent, form-encoded, and decoded), and the secret form fields.
 */
export function sentSecrets(spec: HttpRequestSpec): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(spec.headers)) {
    if (name.toLowerCase() !== 'authorization') continue;
    const token = value.slice(value.indexOf(' ') + 1);
    out.push(value, token);
    if (/^basic\s/i.test(value)) out.push(...basicSecret(token));
  }
  for (const [k, v] of new URLSearchParams(spec.body ?? ''))
    if (SECRET_FORM_FIELDS.has(k)) out.push(v);
  return out;
}

function basicSecret(token: string): string[] {
  let decoded: string;
  try {
    decoded = atob(token);
  } catch {
    return [];
  }
  const secret = decoded.slice(decoded.indexOf(':') + 1);
  const plain = new URLSearchParams(`v=${secret}`).get('v') ?? secret;
  return [secret, plain];
}

function deepMap(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => deepMap(v, fn));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMap(v, fn)]));
  }
  return value;
}
