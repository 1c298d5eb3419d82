import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './http-util.js';

/**
 * A hostile token endpoint for the safety tests: it takes every secret the request carried and
 * reflects one of them, in one encoding, into one part of its answer. `GET /_scenario/hostile/fields`
 * lists the parts and `…/encodings` the encodings, so a test can walk every pair.
 */

const hex = (bytes: Uint8Array, upper = false): string => {
  const h = Buffer.from(bytes).toString('hex');
  return upper ? h.toUpperCase() : h;
};
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const everyByte = (s: string, upper: boolean): string =>
  [...utf8(s)].map((b) => `%${hex(Uint8Array.of(b), upper)}`).join('');

/** Each encoding takes the value and, for the Basic forms, the client id it was sent with. */
export const ENCODINGS: Readonly<Record<string, (value: string, id: string) => string>> = {
  raw: (v) => v,
  form: (v) => new URLSearchParams({ v }).toString().slice(2),
  'percent-upper': (v) => encodeURIComponent(v),
  'percent-lower': (v) => encodeURIComponent(v).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  'every-byte-upper': (v) => everyByte(v, true),
  'every-byte-lower': (v) => everyByte(v, false),
  'double-percent': (v) => encodeURIComponent(encodeURIComponent(v)),
  'json-u00xx': (v) =>
    Array.from(v)
      .map((c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
      .join(''),
  'json-slash': (v) => JSON.stringify(v).slice(1, -1).replace(/\//g, '\\/'),
  base64: (v) => Buffer.from(v).toString('base64'),
  base64url: (v) => Buffer.from(v).toString('base64url'),
  hex: (v) => hex(utf8(v)),
  'hex-upper': (v) => hex(utf8(v), true),
  'base64-id-secret': (v, id) => Buffer.from(`${id}:${v}`).toString('base64'),
  'base64url-id-secret': (v, id) => Buffer.from(`${id}:${v}`).toString('base64url'),
  'base64-form-id-secret': (v, id) =>
    Buffer.from(`${ENCODINGS['form']?.(id, id) ?? id}:${ENCODINGS['form']?.(v, id) ?? v}`).toString(
      'base64',
    ),
  'html-decimal': (v) =>
    Array.from(v)
      .map((c) => `&#${c.codePointAt(0) ?? 0};`)
      .join(''),
  'html-hex': (v) =>
    Array.from(v)
      .map((c) => `&#x${(c.codePointAt(0) ?? 0).toString(16)};`)
      .join(''),
  'html-named': (v) =>
    v
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      .replace(/\//g, '&sol;'),
  upper: (v) => v.toUpperCase(),
  nfd: (v) => v.normalize('NFD'),
  /** A server that quotes only the start of what it got. */
  prefix: (v) => {
    const chars = Array.from(v);
    return chars.slice(0, Math.max(8, Math.ceil(chars.length * 0.7))).join('');
  },
};

/** Where the reflection goes; `description-cut` sits across the 120-character excerpt boundary. */
export const FIELDS = [
  'status-text',
  'header',
  'www-authenticate',
  'location',
  'error',
  'error-description',
  'description-cut',
  'error-uri',
  'token-type',
  'html-body',
] as const;

type Field = (typeof FIELDS)[number];

interface Sent {
  readonly id: string;
  readonly values: readonly string[];
}

/** Every secret the request carried: the Basic pair and the secret form fields. */
function sentValues(req: IncomingMessage, body: string): Sent {
  const values: string[] = [];
  let id = '';
  const basic = /^basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (basic !== undefined) {
    const pair = Buffer.from(basic, 'base64').toString('utf8');
    const colon = pair.indexOf(':');
    const decode = (s: string) => new URLSearchParams(`v=${s}`).get('v') ?? s;
    id = decode(pair.slice(0, colon));
    values.push(decode(pair.slice(colon + 1)));
  }
  const form = new URLSearchParams(body);
  for (const k of ['client_secret', 'refresh_token', 'client_assertion'])
    if (form.has(k)) values.push(form.get(k) ?? '');
  return { id: id === '' ? (form.get('client_id') ?? '') : id, values };
}

/** Answers with the `which`-th sent value, encoded with `enc`, in `field`. */
export async function hostileAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<number> {
  const tail = url.pathname.slice('/_scenario/hostile'.length);
  if (tail === '/fields' || tail === '/encodings') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(tail === '/fields' ? FIELDS : Object.keys(ENCODINGS)));
    return 200;
  }
  const body = (await readBody(req)) ?? '';
  const sent = sentValues(req, body);
  const which = Number(url.searchParams.get('which') ?? '0');
  const value = sent.values[which] ?? sent.values[0] ?? '';
  const encode = ENCODINGS[url.searchParams.get('enc') ?? 'raw'] ?? ENCODINGS['raw'];
  const reflected = encode === undefined ? value : encode(value, sent.id);
  const field = (url.searchParams.get('field') ?? 'error-description') as Field;
  return answer(res, field, reflected);
}

function answer(res: ServerResponse, field: Field, r: string): number {
  const status = field === 'location' ? 302 : field === 'token-type' ? 200 : 400;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (field === 'header') headers['x-debug-request'] = latin1(r);
  if (field === 'www-authenticate') headers['www-authenticate'] = `Basic realm="${latin1(r)}"`;
  if (field === 'location')
    headers['location'] = `https://login.example.com/e/${latin1(r)}?echo=${latin1(r)}`;
  const json: Record<string, string> = {
    error: field === 'error' ? r : 'invalid_client',
    error_description: 'client authentication failed',
  };
  if (field === 'error-description') json['error_description'] = `rejected: ${r}`;
  if (field === 'description-cut') json['error_description'] = `${'x'.repeat(105)} ${r} end`;
  if (field === 'error-uri') json['error_uri'] = `https://docs.example.com/e?c=${r}`;
  let text = JSON.stringify(json);
  if (field === 'token-type')
    text = JSON.stringify({ access_token: 'at-hostile-1', token_type: r, expires_in: 60 });
  if (field === 'html-body') {
    headers['content-type'] = 'text/html';
    text = `<html><body><p>Bad request from client with secret ${r}</p></body></html>`;
  }
  const statusText = field === 'status-text' ? `Bad ${latin1(r)}` : undefined;
  res.writeHead(status, statusText, { ...headers, 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return status;
}

/** A status text and header value must be Latin-1 without controls. */
function latin1(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}
