import { PLACEHOLDER } from './placeholders.js';

const SEGMENT = `[^/\\s?#"'<>|\\\\]+`;
const T = PLACEHOLDER.tenant;

/** Workday puts the tenant in the URL path; a report URL also carries its owner and name. */
const WORKDAY_PATHS: readonly (readonly [RegExp, string])[] = [
  [new RegExp(`(/ccx/service/customreport2/)${SEGMENT}((?:/${SEGMENT})*)`, 'gi'), `$1${T}/<STR>`],
  [new RegExp(`(/ccx/(?:oauth2|service|cds/v\\d+)/)(?!customreport2/)${SEGMENT}`, 'gi'), `$1${T}`],
  [new RegExp(`(/ccx/api/(?:[A-Za-z_]+/)?v\\d+(?:\\.\\d+)?/)${SEGMENT}`, 'gi'), `$1${T}`],
  [new RegExp(`(/wday/authgwy/)${SEGMENT}`, 'gi'), `$1${T}`],
];

/** NetSuite account ids: `1234567`, `1234567_SB1`, `1234567-sb1`, `TSTDRV1234567`. */
const NETSUITE_ACCOUNT = /\b(?:\d{4,10}[-_](?:sb|rp|tst)\d{0,3}|TSTDRV\d{3,})\b/gi;

/** Replaces Workday tenants in URL paths and NetSuite account ids. */
export function maskVendorIds(text: string): string {
  let out = text;
  for (const [pattern, replacement] of WORKDAY_PATHS) out = out.replace(pattern, replacement);
  return out.replace(NETSUITE_ACCOUNT, PLACEHOLDER.account);
}
