import { PLACEHOLDER } from './placeholders.js';

/** Labels in front of a vendor suffix that name a service, not a customer: `login.`, `suitetalk.api.`. */
const SERVICE_LABELS = new Set(
  (
    'api app apps auth accounts login logon sso id idp oauth oauth2 rest soap services service ' +
    'system www secure portal identity sts token suitetalk restlets extforms impl sandbox'
  ).split(' '),
);
const ACCOUNT_LABEL = /^(?:\d{4,10}(?:[-_](?:sb|rp|tst)\d{0,3})?|tstdrv\d+)$/i;

/**
 * A host with its variable labels masked. Under a vendor suffix the suffix and service labels stay
 * (`<HOST>.workday.com`, `<ACCOUNT>.suitetalk.api.netsuite.com`, `login.microsoftonline.com`); any
 * other host is a customer's or a provider's own name and becomes `<HOST>`.
 */
export function maskHost(host: string, vendorHosts: readonly string[]): string {
  const lower = host.toLowerCase();
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(lower)) return PLACEHOLDER.ip;
  const suffix = vendorHosts.find((s) => lower === s || lower.endsWith(`.${s}`));
  if (suffix === undefined) return PLACEHOLDER.host;
  if (lower === suffix) return lower;
  const labels = lower.slice(0, lower.length - suffix.length - 1).split('.');
  const out: string[] = [];
  for (const label of labels) {
    const masked = SERVICE_LABELS.has(label)
      ? label
      : ACCOUNT_LABEL.test(label)
        ? PLACEHOLDER.account
        : PLACEHOLDER.host;
    // Consecutive variable labels are one variable part: `a.b.okta.com` and `a.okta.com` read alike.
    if (masked === PLACEHOLDER.host && out.at(-1) === PLACEHOLDER.host) continue;
    out.push(masked);
  }
  return [...out, suffix].join('.');
}
