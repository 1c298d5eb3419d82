import { checkTargetUrl } from '../core/check/flow/target.js';
import type { TargetPolicy } from '../core/check/types.js';
import { createGuardedAgent, LIMITS, type Resolver } from './http/guarded-agent.js';
import { createTransport } from './http/transport.js';

export interface PublicFetchOptions {
  readonly policy: TargetPolicy;
  readonly resolve?: Resolver;
  readonly timeoutMs?: number;
}

type FetchedJson =
  | { readonly ok: true; readonly json: unknown; readonly url: URL }
  | { readonly ok: false; readonly reason: string };

/** A JWK set or a metadata document is small: a few keys or endpoints in JSON. */
const MAX_BYTES = 256 * 1024;

/**
 * Fetches a public JSON document (a JWK set, issuer metadata) through the same guarded client as the
 * live credential check: https to a public address only (SSRF guard at connect time), no redirects
 * followed, capped body, one deadline. `what` names the flag in every refusal ("--jwks-url …").
 */
export async function fetchPublicJson(
  raw: string,
  what: 'jwksUrl' | 'issuer',
  options: PublicFetchOptions,
): Promise<FetchedJson> {
  const target = checkTargetUrl(raw, 'oauth2', what, options.policy);
  const blocked = target.findings[0];
  if (target.url === null || blocked !== undefined)
    return { ok: false, reason: blocked?.title ?? 'the URL is not allowed' };
  const timeoutMs = options.timeoutMs ?? LIMITS.totalTimeoutMs;
  const agent = createGuardedAgent({
    policy: options.policy,
    ...(options.resolve === undefined ? {} : { resolve: options.resolve }),
    headersTimeoutMs: timeoutMs,
    maxBodyBytes: MAX_BYTES,
  });
  try {
    const transport = createTransport({
      dispatcher: agent,
      signal: AbortSignal.timeout(timeoutMs),
      maxBodyBytes: MAX_BYTES,
    });
    const result = await transport({
      method: 'GET',
      url: target.url.href,
      headers: { accept: 'application/json, application/jwk-set+json' },
    });
    const host = target.url.host;
    if (result.kind === 'failure')
      return { ok: false, reason: `${host}: ${result.reason} (${result.detail})` };
    if (result.status >= 300 && result.status < 400)
      return {
        ok: false,
        reason: `${host} answered with a redirect (${result.status}); not followed`,
      };
    if (result.status !== 200)
      return { ok: false, reason: `${host} answered HTTP ${result.status}` };
    try {
      return { ok: true, json: JSON.parse(result.body) as unknown, url: target.url };
    } catch {
      return { ok: false, reason: `${host} did not answer with JSON` };
    }
  } finally {
    await agent.destroy().catch(() => undefined);
  }
}
