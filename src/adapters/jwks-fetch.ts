import { checkTargetUrl } from '../core/check/flow/target.js';
import type { TargetPolicy } from '../core/check/types.js';
import { createGuardedAgent, LIMITS, type Resolver } from './http/guarded-agent.js';
import { createTransport } from './http/transport.js';

export interface JwksFetchOptions {
  readonly policy: TargetPolicy;
  readonly resolve?: Resolver;
  readonly timeoutMs?: number;
}

export type JwksFetchResult =
  | { readonly ok: true; readonly text: string; readonly host: string }
  | { readonly ok: false; readonly reason: string };

/** A JWK set is small; a few keys in JSON. */
const MAX_JWKS_BYTES = 256 * 1024;

/**
 * Fetches a JWK set through the same guarded client as the live credential check: https to a
 * public address only (SSRF guard at connect time), no redirects, capped body, one deadline.
 */
export async function fetchJwks(raw: string, options: JwksFetchOptions): Promise<JwksFetchResult> {
  const target = checkTargetUrl(raw, 'oauth2', 'apiUrl', options.policy);
  const blocked = target.findings[0];
  if (target.url === null || blocked !== undefined) {
    return { ok: false, reason: blocked?.title ?? 'the JWKS URL is not allowed' };
  }
  const timeoutMs = options.timeoutMs ?? LIMITS.totalTimeoutMs;
  const agent = createGuardedAgent({
    policy: options.policy,
    ...(options.resolve === undefined ? {} : { resolve: options.resolve }),
    headersTimeoutMs: timeoutMs,
    maxBodyBytes: MAX_JWKS_BYTES,
  });
  try {
    const transport = createTransport({
      dispatcher: agent,
      signal: AbortSignal.timeout(timeoutMs),
      maxBodyBytes: MAX_JWKS_BYTES,
    });
    const result = await transport({
      method: 'GET',
      url: target.url.href,
      headers: { accept: 'application/json, application/jwk-set+json' },
    });
    const host = target.url.host;
    if (result.kind === 'failure')
      return { ok: false, reason: `${result.reason}: ${result.detail}` };
    if (result.status !== 200)
      return { ok: false, reason: `${host} answered HTTP ${result.status}` };
    return { ok: true, text: result.body, host };
  } finally {
    await agent.destroy().catch(() => undefined);
  }
}
