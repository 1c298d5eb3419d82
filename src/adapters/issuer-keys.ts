import { fetchPublicJson, type PublicFetchOptions } from './jwks-fetch.js';

type IssuerKeys =
  | { readonly ok: true; readonly jwks: unknown; readonly jwksUrl: string }
  | { readonly ok: false; readonly reason: string };

/** Where an issuer publishes its metadata: OpenID Connect Discovery §4, then RFC 8414 §3. */
function metadataUrls(issuer: string): string[] {
  const u = new URL(issuer);
  const path = u.pathname.replace(/\/+$/, '');
  return [
    `${u.origin}${path}/.well-known/openid-configuration`,
    `${u.origin}/.well-known/oauth-authorization-server${path}`,
  ];
}

/**
 * `--issuer URL`: the issuer's metadata names its key set (`jwks_uri`), so a key set found this way
 * is the issuer's own. The metadata must state the same issuer (OIDC Discovery §4.3, RFC 8414 §3.3).
 */
export async function issuerKeys(issuer: string, options: PublicFetchOptions): Promise<IssuerKeys> {
  let urls: string[];
  try {
    urls = metadataUrls(issuer);
  } catch {
    return { ok: false, reason: '--issuer is not a valid URL' };
  }
  const reasons: string[] = [];
  for (const url of urls) {
    const meta = await fetchPublicJson(url, 'issuer', options);
    if (!meta.ok) {
      reasons.push(meta.reason);
      continue;
    }
    const record = typeof meta.json === 'object' && meta.json !== null ? meta.json : {};
    const stated = (record as Record<string, unknown>)['issuer'];
    const jwksUri = (record as Record<string, unknown>)['jwks_uri'];
    if (stated !== issuer)
      return { ok: false, reason: `the metadata at ${meta.url.host} states another issuer` };
    if (typeof jwksUri !== 'string')
      return { ok: false, reason: `the metadata at ${meta.url.host} has no jwks_uri` };
    const keys = await fetchPublicJson(jwksUri, 'jwksUrl', options);
    return keys.ok
      ? { ok: true, jwks: keys.json, jwksUrl: jwksUri }
      : { ok: false, reason: `jwks_uri: ${keys.reason}` };
  }
  return { ok: false, reason: `no issuer metadata: ${reasons.join('; ')}` };
}
