import { checkTargetUrl } from '../flow/target.js';
import { cleanPasted, cleanSecret, findingCollector, missingValue } from '../flow/values.js';
import type { OAuth2CheckInput, Prepared, TargetPolicy } from '../types.js';

/** Generic OAuth 2.0: an https token URL on a public host and a known client authentication method. */
export function preflightOAuth2(
  raw: OAuth2CheckInput,
  policy: TargetPolicy,
): Prepared<OAuth2CheckInput> {
  const { findings, take } = findingCollector();
  const tokenUrl = take(cleanPasted('tokenUrl', raw.tokenUrl));
  const clientId = take(cleanPasted('clientId', raw.clientId));
  const clientSecret = take(cleanSecret('clientSecret', raw.clientSecret));
  const scope = raw.scope === undefined ? '' : take(cleanPasted('scope', raw.scope));
  for (const [field, value] of [
    ['tokenUrl', tokenUrl],
    ['clientId', clientId],
    ['clientSecret', clientSecret],
  ] as const) {
    if (value === '') findings.push(missingValue(field));
  }
  const { scope: _rawScope, ...rest } = raw;
  const input: OAuth2CheckInput = {
    ...rest,
    tokenUrl,
    clientId,
    clientSecret,
    ...(scope === '' ? {} : { scope }),
  };
  if (tokenUrl === '') return { input, findings, target: null };
  const target = checkTargetUrl(tokenUrl, 'oauth2', 'tokenUrl', policy);
  findings.push(...target.findings);
  if (raw.apiUrl !== undefined)
    findings.push(...checkTargetUrl(raw.apiUrl, 'oauth2', 'apiUrl', policy).findings);
  return { input, findings, target: target.url === null ? null : { host: target.url.host } };
}
