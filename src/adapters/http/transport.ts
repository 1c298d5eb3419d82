import { request, type Dispatcher } from 'undici';
import type { HttpResult, NetworkReason, Transport } from '../../core/check/flow/transport.js';
import { LIMITS } from './guarded-agent.js';

export interface TransportOptions {
  readonly dispatcher: Dispatcher;
  /** Aborts every request of one check at its overall deadline. */
  readonly signal: AbortSignal;
  readonly maxBodyBytes?: number;
}

/** Sends exactly what the check built: no user headers, no redirects followed, bodies capped. */
export function createTransport(options: TransportOptions): Transport {
  const cap = options.maxBodyBytes ?? LIMITS.maxBodyBytes;
  return async (spec) => {
    try {
      const res = await request(spec.url, {
        method: spec.method,
        headers: spec.headers,
        ...(spec.body === undefined ? {} : { body: spec.body }),
        dispatcher: options.dispatcher,
        signal: options.signal,
      });
      const body = await readCapped(res.body, cap);
      if (body === null)
        return failure('too-large', `answer larger than ${cap} bytes (HTTP ${res.statusCode})`);
      return {
        kind: 'response',
        status: res.statusCode,
        headers: flattenHeaders(res.headers),
        body,
      };
    } catch (err) {
      const reason = classifyError(err);
      return failure(reason, describe(err, reason, new URL(spec.url).host));
    }
  };
}

async function readCapped(
  body: AsyncIterable<Buffer> & { destroy(): unknown },
  cap: number,
): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > cap) {
      body.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function failure(reason: NetworkReason, detail: string): HttpResult {
  return { kind: 'failure', reason, detail };
}

const TLS_CODES =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(VERIFY|GET)_|EPROTO$|HOSTNAME_MISMATCH)/;

/** Error codes along the cause chain → a reason a person can act on. */
function classifyError(err: unknown): NetworkReason {
  for (const { code, name } of causeChain(err)) {
    if (code === 'AUTHHELP_BLOCKED_ADDRESS') return 'blocked';
    if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return 'too-large';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return 'dns';
    if (code === 'ECONNREFUSED') return 'refused';
    if (
      /^UND_ERR_(CONNECT|HEADERS|BODY)_TIMEOUT$/.test(code) ||
      code === 'ETIMEDOUT' ||
      name === 'TimeoutError' ||
      name === 'AbortError'
    )
      return 'timeout';
    if (TLS_CODES.test(code)) return 'tls';
    if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'reset';
  }
  return 'other';
}

function causeChain(err: unknown): { code: string; name: string }[] {
  const out: { code: string; name: string }[] = [];
  let cur: unknown = err;
  for (let i = 0; i < 5 && typeof cur === 'object' && cur !== null; i++) {
    const e = cur as { code?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
    out.push({
      code: typeof e.code === 'string' ? e.code : '',
      name: typeof e.name === 'string' ? e.name : '',
    });
    // Happy Eyeballs reports one AggregateError per family.
    if (Array.isArray(e.errors) && e.errors.length > 0) out.push(...causeChain(e.errors[0]));
    cur = e.cause;
  }
  return out;
}

/** Only codes and the host: never an error message that might quote a URL or header. */
function describe(err: unknown, reason: NetworkReason, host: string): string {
  const codes = causeChain(err)
    .map((c) => c.code)
    .filter((c) => c !== '');
  const range = reason === 'blocked' ? blockedRange(err) : undefined;
  return `${host}${range === undefined ? '' : ` (${range} address)`}${codes.length > 0 ? ` [${[...new Set(codes)].join(', ')}]` : ''}`;
}

function blockedRange(err: unknown): string | undefined {
  let cur: unknown = err;
  for (let i = 0; i < 5 && typeof cur === 'object' && cur !== null; i++) {
    const e = cur as { range?: unknown; cause?: unknown };
    if (typeof e.range === 'string') return e.range;
    cur = e.cause;
  }
  return undefined;
}
