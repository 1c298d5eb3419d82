import { makeFinding, type Finding } from '../../finding.js';
import { basicEncodingNote } from '../flow/secret-encoding.js';
import { checkTargetUrl, HOST_SUFFIXES, hostMatchesSuffix } from '../flow/target.js';
import { cleanPasted, cleanSecret, findingCollector, missingValue } from '../flow/values.js';
import { checkWorkdayTokenPath, tenantFromApiPath } from './url.js';
import type { Prepared, TargetPolicy, WorkdayCheckInput } from '../types.js';
import { quote } from '../flow/quote.js';

/** Everything that can be known about a Workday check before a byte is sent. */
export function preflightWorkday(
  raw: WorkdayCheckInput,
  policy: TargetPolicy,
): Prepared<WorkdayCheckInput> {
  const { findings, take } = findingCollector();
  const tokenUrl = take(cleanPasted('tokenUrl', raw.tokenUrl));
  const clientId = take(cleanPasted('clientId', raw.clientId));
  const clientSecret = take(cleanSecret('clientSecret', raw.clientSecret));
  const refreshToken = take(cleanSecret('refreshToken', raw.refreshToken));
  const tenant = raw.tenant === undefined ? undefined : take(cleanPasted('tenant', raw.tenant));
  const apiUrl = raw.apiUrl === undefined ? undefined : take(cleanPasted('apiUrl', raw.apiUrl));
  for (const [field, value] of [
    ['tokenUrl', tokenUrl],
    ['clientId', clientId],
    ['clientSecret', clientSecret],
    ['refreshToken', refreshToken],
  ] as const) {
    if (value === '') findings.push(missingValue(field));
  }
  if (raw.auth !== 'post') findings.push(...basicEncodingNote(clientSecret));
  const input: WorkdayCheckInput = {
    ...raw,
    tokenUrl,
    clientId,
    clientSecret,
    refreshToken,
    ...(tenant === undefined || tenant === '' ? {} : { tenant }),
    ...(apiUrl === undefined || apiUrl === '' ? {} : { apiUrl }),
  };
  if (tokenUrl === '') return { input, findings, target: null };
  const target = checkTargetUrl(tokenUrl, 'workday', 'tokenUrl', policy);
  findings.push(...target.findings);
  if (target.url === null) return { input, findings, target: null };
  const path = checkWorkdayTokenPath(target.url);
  findings.push(...path.findings, ...hostHints(target.url));
  const urlTenant = path.tenant ?? undefined;
  if (input.tenant !== undefined && urlTenant !== undefined)
    findings.push(...compareTenants(input.tenant, urlTenant));
  if (input.apiUrl !== undefined)
    findings.push(...checkApiUrl(input.apiUrl, target.url, urlTenant, policy));
  const tenantName = urlTenant ?? input.tenant;
  return {
    input,
    findings,
    target: { host: target.url.host, ...(tenantName === undefined ? {} : { tenant: tenantName }) },
  };
}

/** Token endpoints live on `*-services*` hosts; `impl.workday.com` and friends serve sign-in and authorize. */
function hostHints(url: URL): Finding[] {
  const suffixes = HOST_SUFFIXES.workday ?? [];
  if (!hostMatchesSuffix(url.hostname, suffixes) || url.hostname.includes('services')) return [];
  return [
    makeFinding('preflight', {
      code: 'preflight.token-url.host-not-services',
      severity: 'warning',
      title:
        'Workday token endpoints are usually on a "services" host such as wd2-impl-services1.workday.com',
      evidence: `host is ${url.hostname}; copy the Token Endpoint from View API Clients`,
      fields: ['tokenUrl'],
    }),
  ];
}

function compareTenants(named: string, inUrl: string): Finding[] {
  if (named === inUrl) return [];
  const caseOnly = named.toLowerCase() === inUrl.toLowerCase();
  return [
    makeFinding('preflight', {
      id: caseOnly ? null : 'workday/invalid-tenant-name',
      code: caseOnly ? 'preflight.tenant.case' : 'preflight.tenant.mismatch',
      severity: caseOnly ? 'warning' : 'error',
      title: caseOnly
        ? 'The tenant you named differs from the one in the token URL only in letter case'
        : 'The tenant you named is not the tenant in the token URL',
      evidence: `tenant ${quote(named)} vs ${quote(inUrl)} in the token URL`,
      fields: ['tenant', 'tokenUrl'],
      score: caseOnly ? 30 : 75,
    }),
  ];
}

function checkApiUrl(
  apiUrl: string,
  tokenUrl: URL,
  tokenTenant: string | undefined,
  policy: TargetPolicy,
): Finding[] {
  const target = checkTargetUrl(apiUrl, 'workday', 'apiUrl', policy);
  if (target.url === null || target.findings.length > 0) return [...target.findings];
  const apiTenant = tenantFromApiPath(target.url.pathname);
  const out: Finding[] = [];
  if (apiTenant !== null && tokenTenant !== undefined && apiTenant !== tokenTenant) {
    out.push(
      makeFinding('preflight', {
        id: 'workday/wrong-tenant-client',
        code: 'preflight.api-url.other-tenant',
        title: 'The API URL is for a different tenant than the token URL',
        evidence: `API URL tenant ${quote(apiTenant)}, token URL tenant ${quote(tokenTenant)}`,
        fields: ['apiUrl', 'tokenUrl'],
        score: 78,
      }),
    );
  }
  if (target.url.host !== tokenUrl.host) {
    out.push(
      makeFinding('preflight', {
        code: 'preflight.api-url.other-host',
        severity: 'warning',
        title: 'The API URL is on a different host than the token URL',
        evidence: `${target.url.host} vs ${tokenUrl.host}`,
        fields: ['apiUrl'],
      }),
    );
  }
  return out;
}
