import { basicEncodingNote } from '../flow/secret-encoding.js';
import { checkTargetUrl } from '../flow/target.js';
import { cleanPasted, cleanSecret, findingCollector, missingValue } from '../flow/values.js';
import type { OAuth2CheckInput, Prepared, TargetPolicy } from '../types.js';
import { checkClientKey } from './client-key.js';

interface PreparedOAuth2 extends Prepared<OAuth2CheckInput> {
  /** Algorithm for private_key_jwt, or null without a key (or with one that cannot sign). */
  readonly algorithm: string | null;
}

/** Generic OAuth 2.0: an https token URL on a public host, a secret or a key, the grant's values. */
export function preflightOAuth2(raw: OAuth2CheckInput, policy: TargetPolicy): PreparedOAuth2 {
  const { findings, take } = findingCollector();
  const tokenUrl = take(cleanPasted('tokenUrl', raw.tokenUrl));
  const clientId = take(cleanPasted('clientId', raw.clientId));
  const secret = (field: 'clientSecret' | 'refreshToken', v: string | undefined) =>
    v === undefined ? '' : take(cleanSecret(field, v));
  const clientSecret = secret('clientSecret', raw.clientSecret);
  const refreshToken = secret('refreshToken', raw.refreshToken);
  const scope = raw.scope === undefined ? '' : take(cleanPasted('scope', raw.scope));
  const required: ['tokenUrl' | 'clientId' | 'clientSecret' | 'refreshToken', string][] = [
    ['tokenUrl', tokenUrl],
    ['clientId', clientId],
  ];
  if (raw.privateKey === undefined) required.push(['clientSecret', clientSecret]);
  if (raw.grant === 'refresh_token') required.push(['refreshToken', refreshToken]);
  for (const [field, value] of required) if (value === '') findings.push(missingValue(field));
  const key = raw.privateKey === undefined ? null : checkClientKey(raw.privateKey, raw.algorithm);
  if (key !== null) findings.push(...key.findings);
  else if (raw.auth !== 'post') findings.push(...basicEncodingNote(clientSecret));
  const { scope: _s, clientSecret: _c, refreshToken: _r, ...rest } = raw;
  const input: OAuth2CheckInput = {
    ...rest,
    tokenUrl,
    clientId,
    ...(clientSecret === '' ? {} : { clientSecret }),
    ...(refreshToken === '' ? {} : { refreshToken }),
    ...(scope === '' ? {} : { scope }),
  };
  const algorithm = key?.algorithm ?? null;
  if (tokenUrl === '') return { input, findings, target: null, algorithm };
  const target = checkTargetUrl(tokenUrl, 'oauth2', 'tokenUrl', policy);
  findings.push(...target.findings);
  if (raw.apiUrl !== undefined)
    findings.push(...checkTargetUrl(raw.apiUrl, 'oauth2', 'apiUrl', policy).findings);
  const host = target.url === null ? null : { host: target.url.host };
  return { input, findings, target: host, algorithm };
}
