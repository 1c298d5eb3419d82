import { maskSecrets } from '../../secrets/detect.js';
import type { CheckOutcome, MaskedRequest } from '../types.js';
import { formEncode } from './form.js';
import type { HttpRequestSpec } from './transport.js';

const MASK = '••••';
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
    form[k] = SECRET_FORM_FIELDS.has(k) ? `${MASK} (${v.length} chars)` : v;
  }
  return { method: spec.method, url: spec.url, headers, form };
}

function maskAuthorization(value: string, clientId: string | undefined): string {
  const scheme = value.split(' ')[0] ?? '';
  if (scheme.toLowerCase() === 'basic' && clientId !== undefined) {
    return `Basic base64(form-encoded "${clientId}" : ${MASK})`;
  }
  return `${scheme} ${MASK}`;
}

/**
 * Last line of defence before an outcome leaves the check: every occurrence of a secret the user gave
 * (raw or form-encoded) and anything that looks like a credential is masked in every string.
 */
export function redactOutcome(outcome: CheckOutcome, secrets: readonly string[]): CheckOutcome {
  const needles = secretNeedles(secrets);
  return deepMap(outcome, (text) => maskSecrets(scrubText(text, needles))) as CheckOutcome;
}

/** Each secret with the encodings it travels in (form, URL), longest first so overlaps mask fully. */
export function secretNeedles(secrets: readonly string[]): string[] {
  return [
    ...new Set(
      secrets.flatMap((s) => (s.length >= 4 ? [s, formEncode(s), encodeURIComponent(s)] : [])),
    ),
  ].sort((a, b) => b.length - a.length);
}

export function scrubText(text: string, needles: readonly string[]): string {
  let out = text;
  for (const n of needles) out = out.split(n).join(MASK);
  return out;
}

/** What a request carries that is secret: the Authorization value (and its token) and secret form fields. */
export function sentSecrets(spec: HttpRequestSpec): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(spec.headers)) {
    if (name.toLowerCase() !== 'authorization') continue;
    out.push(value, value.slice(value.indexOf(' ') + 1));
  }
  for (const [k, v] of new URLSearchParams(spec.body ?? ''))
    if (SECRET_FORM_FIELDS.has(k)) out.push(v);
  return out;
}

function deepMap(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => deepMap(v, fn));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMap(v, fn)]));
  }
  return value;
}
