import type { ClaimEvidence } from './claims.js';

/**
 * People paste the OAuth 1.0 header of a NetSuite token-based authentication (TBA) request, or the
 * account ID they typed into a TBA client (`suitecloud account:setup`). Read like the token
 * inspector reads a JWT, its values show causes the header is built with, before any Login Audit
 * Trail row is looked up: a realm that is not the account ID as NetSuite writes it (`1234567_SB1`,
 * upper case with an underscore; the host takes `1234567-sb1`), the HMAC-SHA1 method NetSuite no
 * longer accepts, a timestamp in milliseconds, a nonce shorter than NetSuite accepts.
 */
export function tbaEvidence(text: string): ClaimEvidence[] {
  const out: ClaimEvidence[] = [];
  const params = oauthParams(text);
  const realm = params.get('realm');
  if (realm !== undefined && params.size > 1) {
    const written = accountIdAsWritten(realm);
    if (written !== undefined)
      out.push({
        id: 'netsuite/tba-invalid-signature',
        why: `realm "${realm}" is not the account ID as NetSuite writes it (${written})`,
      });
  }
  const method = params.get('oauth_signature_method');
  if (
    method !== undefined &&
    /^HMAC-SHA1$/i.test(method) &&
    realm !== undefined &&
    ACCOUNT_ID.test(realm)
  )
    out.push({
      id: 'netsuite/tba-invalid-signature',
      why: `oauth_signature_method ${method}: NetSuite accepts only HMAC-SHA256 for TBA`,
    });
  const timestamp = params.get('oauth_timestamp');
  if (timestamp !== undefined && /^\d{13}$/.test(timestamp))
    out.push({
      id: 'netsuite/InvalidTimestamp',
      why: `oauth_timestamp ${timestamp} is in milliseconds; OAuth 1.0 sends seconds`,
    });
  const nonce = params.get('oauth_nonce');
  if (nonce !== undefined && nonce.length > 0 && nonce.length < MIN_NONCE && !nonce.includes('*'))
    out.push({
      id: 'netsuite/tba-nonce-reused',
      why: `oauth_nonce "${nonce}" is shorter than the ${String(MIN_NONCE)} characters NetSuite accepts`,
    });
  if (realm === undefined) out.push(...typedAccountId(text));
  return out;
}

/*
 * HMAC-SHA1 is judged only beside a realm that is a NetSuite account ID: other OAuth 1.0 providers
 * sign with it by default. NetSuite dropped it for TBA (sandboxes from 2021.2, production from
 * 2023.1; SuiteAnalytics Connect: "only the HMAC-SHA256 algorithm is supported").
 */

/** NetSuite rejects a TBA nonce shorter than this (NonceRejected). */
const MIN_NONCE = 6;

/**
 * `realm="…"` and `oauth_…="…"` pairs of an OAuth 1.0 header (quotes optional, escaped quotes of a
 * JSON string accepted); a `Basic` or `Bearer` challenge's realm is not one of them.
 */
function oauthParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  if (!/\boauth_(?:consumer_key|token|signature|nonce|timestamp)\b|\bOAuth\s+realm\s*=/i.test(text))
    return params;
  const pair = /(?<!(?:Basic|Bearer)\s+)\b(realm|oauth_[a-z_]+)\s*=\s*\\?"?([^"\\,\s&]*)/gi;
  for (const m of text.matchAll(pair)) {
    const key = (m[1] ?? '').toLowerCase();
    if (!params.has(key)) params.set(key, m[2] ?? '');
  }
  return params;
}

/** A NetSuite account ID: digits or TSTDRV and digits, with a sandbox or release-preview suffix. */
const ACCOUNT_ID = /^(tstdrv)?(\d{4,})(?:[-_](sb|rp)(\d*))?$/i;

/**
 * The account ID as NetSuite writes it, when `value` is one written another way (lower case, or the
 * host's hyphen): `1234567_sb1` → `1234567_SB1`, `1234567-SB1` → `1234567_SB1`. Undefined when the
 * value is no account ID or already written right.
 */
function accountIdAsWritten(value: string): string | undefined {
  const m = ACCOUNT_ID.exec(value);
  if (m === null) return undefined;
  const [, prefix, digits, suffix, n] = m;
  const right = `${prefix === undefined ? '' : 'TSTDRV'}${digits ?? ''}${
    suffix === undefined ? '' : `_${suffix.toUpperCase()}${n ?? ''}`
  }`;
  return right === value ? undefined : right;
}

/** "account ID: tstdrv1234567", "my account id is 123456 or 123456-SB1?": what was typed for it. */
const TYPED_ACCOUNT = /\baccount[ _-]?id\b([^\n]{0,60})/gi;
const ACCOUNT_VALUE = /(?<![\w.-])(?:tstdrv)?\d{4,}(?:[-_](?:sb|rp)\d*)?(?![\w-]|\.\w)/gi;
/** The text is about a TBA client (whose realm is the account ID typed), not an OAuth 2.0 host. */
const TBA_CLIENT =
  /\b(?:TBA|token[- ]based auth\w*|account:setup|suitecloud|token id|token secret|consumer key)\b|The token could not be validated/i;

function typedAccountId(text: string): ClaimEvidence[] {
  if (!TBA_CLIENT.test(text)) return [];
  for (const typed of text.matchAll(TYPED_ACCOUNT))
    for (const m of (typed[1] ?? '').matchAll(ACCOUNT_VALUE)) {
      const written = accountIdAsWritten(m[0]);
      if (written !== undefined)
        return [
          {
            id: 'netsuite/tba-invalid-signature',
            why: `account ID "${m[0]}" is not written as NetSuite writes it (${written}); TBA sends it as the realm`,
          },
        ];
    }
  return [];
}
