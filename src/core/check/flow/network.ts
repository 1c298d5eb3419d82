import { makeFinding, type Finding } from '../../finding.js';
import type { NetworkReason } from './transport.js';

const PLAIN: Readonly<Record<NetworkReason, string>> = {
  dns: 'The host name was not found (DNS): check the spelling of the host in the URL',
  refused: 'The connection was refused: nothing is listening at that host and port',
  timeout: 'The request timed out: the host did not answer in time',
  tls: 'The TLS (https) connection failed: the server certificate is not valid for this host',
  blocked: 'Not sent: the host resolves to a private, loopback or otherwise non-public address',
  'too-large':
    'The answer was larger than 64 KB, which no token endpoint sends; this is not a token endpoint',
  reset: 'The connection was closed before a full answer arrived',
  other: 'The request failed before an answer arrived',
};

/** Network failures are not credential problems; they get plain words, not catalogue entries. */
export function networkFinding(
  reason: NetworkReason,
  detail: string,
  what: 'token' | 'api',
): Finding {
  return makeFinding('network', {
    code: `network.${reason}`,
    title: PLAIN[reason],
    evidence: `${what === 'token' ? 'token endpoint' : 'API call'}: ${detail}`,
    fields: [what === 'token' ? 'tokenUrl' : 'apiUrl'],
    score: 95,
  });
}

/** A redirect is reported, never followed: a token endpoint that redirects is the wrong URL. */
export function redirectFinding(
  status: number,
  location: string | undefined,
  what: 'token' | 'api',
  id: string | null,
): Finding {
  return makeFinding(what === 'token' ? 'token' : 'api', {
    id,
    code: 'http.redirect',
    title: `The ${what === 'token' ? 'token endpoint' : 'API'} answered with a redirect (${status}); it was not followed`,
    evidence: `${status} to ${safeLocation(location)}`,
    fields: [what === 'token' ? 'tokenUrl' : 'apiUrl'],
    score: 92,
  });
}

/** Only scheme, host and path of a Location: a query could carry anything. */
function safeLocation(location: string | undefined): string {
  if (location === undefined) return '(no Location header)';
  try {
    const u = new URL(location, 'https://relative.invalid');
    return u.host === 'relative.invalid' ? u.pathname : `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(unreadable Location header)';
  }
}
