import { makeFinding, type Finding } from '../../finding.js';
import { isLoopbackHost } from '../flow/target.js';
import { quote } from '../flow/quote.js';

const NETSUITE_TOKEN_PATH = '/services/rest/auth/oauth2/v1/token';
const ACCOUNT_ID = /^[A-Za-z0-9]+(_[A-Za-z0-9]+)?$/;

/** `1234567_SB1` → `1234567-sb1` (the account's DNS label); null when it is not an account id. */
export function accountHostLabel(accountId: string): string | null {
  return ACCOUNT_ID.test(accountId) ? accountId.toLowerCase().replace(/_/g, '-') : null;
}

export function netsuiteTokenUrl(accountId: string): string | null {
  const label = accountHostLabel(accountId);
  return label === null
    ? null
    : `https://${label}.suitetalk.api.netsuite.com${NETSUITE_TOKEN_PATH}`;
}

export function badAccountId(accountId: string): Finding {
  return makeFinding('preflight', {
    code: 'preflight.account-id.shape',
    title: 'The account id does not look like a NetSuite account id (e.g. 1234567 or 1234567_SB1)',
    evidence: `account id ${quote(accountId, 40)}`,
    fields: ['accountId'],
    blocking: true,
    score: 100,
  });
}

/** An explicit token URL must match the account and point at the token path. */
export function checkNetsuiteTokenUrl(url: URL, accountId: string | undefined): Finding[] {
  const out: Finding[] = [];
  const local = isLoopbackHost(url.hostname);
  if (!url.pathname.endsWith(NETSUITE_TOKEN_PATH)) {
    out.push(
      makeFinding('preflight', {
        code: 'preflight.token-url.netsuite-path',
        title: `The token URL path should be ${NETSUITE_TOKEN_PATH}`,
        evidence: `path is ${url.pathname}`,
        fields: ['tokenUrl'],
        score: 85,
      }),
    );
  }
  if (local) return out;
  const label = url.hostname.split('.')[0] ?? '';
  if (!url.hostname.endsWith('.suitetalk.api.netsuite.com')) {
    out.push(
      makeFinding('preflight', {
        code: 'preflight.token-url.netsuite-host',
        title:
          'The token URL should be on the account-specific host <account>.suitetalk.api.netsuite.com',
        evidence: `host is ${url.hostname}; copy it from Setup > Company > Company Information > Company URLs`,
        fields: ['tokenUrl'],
        score: 82,
      }),
    );
  } else if (accountId !== undefined && accountHostLabel(accountId) !== label) {
    out.push(
      makeFinding('preflight', {
        code: 'preflight.token-url.other-account',
        title: 'The token URL is for a different account than the account id',
        evidence: `host label ${quote(label)}, account id ${quote(accountId)} → ${quote(accountHostLabel(accountId) ?? '?')}`,
        fields: ['tokenUrl', 'accountId'],
        score: 83,
      }),
    );
  }
  return out;
}

/** The account a token URL names: the host label, or the emulator's path prefix on loopback. */
export function accountFromTokenUrl(url: URL): string | undefined {
  if (isLoopbackHost(url.hostname)) {
    const prefix = url.pathname.slice(0, -NETSUITE_TOKEN_PATH.length).replace(/^\/+|\/+$/g, '');
    return prefix === '' ? undefined : prefix;
  }
  return url.hostname.endsWith('.suitetalk.api.netsuite.com')
    ? url.hostname.split('.')[0]
    : undefined;
}
