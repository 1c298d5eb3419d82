import { makeFinding, type Finding, type FindingField } from '../../finding.js';
import type { CheckSystem, TargetPolicy } from '../types.js';
import { fieldLabel } from './values.js';
import { quote } from './quote.js';

/** Hosts each system's secrets may be sent to; null means any public host. */
export const HOST_SUFFIXES: Readonly<Record<CheckSystem, readonly string[] | null>> = {
  workday: ['workday.com', 'myworkday.com', 'myworkdaygov.com'],
  netsuite: ['netsuite.com'],
  oauth2: null,
};

export interface TargetCheck {
  readonly url: URL | null;
  readonly findings: readonly Finding[];
}

const IPV4_LITERAL = /^\d{1,3}(\.\d{1,3}){3}$/;

/** WHATWG URL has already turned hex, decimal and short IPv4 forms into dotted quads. */
function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith('[') || IPV4_LITERAL.test(hostname);
}

/** Loopback as written in a URL; the connector re-checks the resolved address. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function hostMatchesSuffix(hostname: string, suffixes: readonly string[]): boolean {
  return suffixes.some((s) => hostname === s || hostname.endsWith(`.${s}`));
}

/**
 * The safety gate before any secret leaves: https on 443 to an allowed host, no credentials in the
 * URL, no IP literals. With allowLocalTargets, loopback over http is also accepted (tests, demos).
 */
export function checkTargetUrl(
  raw: string,
  system: CheckSystem,
  field: Extract<FindingField, 'tokenUrl' | 'apiUrl' | 'jwksUrl' | 'issuer'>,
  policy: TargetPolicy,
): TargetCheck {
  // WHATWG URL parsing drops tabs and line breaks silently; a URL that had them was not copied whole.
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  const inner = /[\s\u0000-\u001f\u007f-\u009f]/.exec(raw);
  if (inner !== null) {
    const what =
      inner[0] === '\r' || inner[0] === '\n' ? 'a line break' : 'whitespace or a control character';
    return {
      url: null,
      findings: [
        block(
          field,
          'whitespace',
          `contains ${what}; a URL has none`,
          `character ${JSON.stringify(inner[0])} at position ${inner.index + 1} of ${raw.length}`,
        ),
      ],
    };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      url: null,
      findings: [
        block(field, 'invalid', 'is not a valid URL', `could not parse ${quote(raw, 80)}`),
      ],
    };
  }
  const problem = targetProblem(url, system, policy);
  if (problem === null) return { url, findings: [] };
  const id = system === 'workday' && field === 'tokenUrl' ? 'workday/invalid-token-url' : null;
  return { url, findings: [block(field, problem.code, problem.title, problem.evidence, id)] };
}

interface Problem {
  readonly code: string;
  readonly title: string;
  readonly evidence: string;
}

function targetProblem(url: URL, system: CheckSystem, policy: TargetPolicy): Problem | null {
  const host = url.hostname;
  const local = policy.allowLocalTargets && isLoopbackHost(host);
  if (url.protocol === 'http:' && !local) {
    return {
      code: 'not-https',
      title: 'must use https://, not http://',
      evidence: `scheme is http: (host ${host})`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      code: 'scheme',
      title: 'must be an https:// URL',
      evidence: `scheme is ${url.protocol}`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      code: 'userinfo',
      title: 'must not contain a user name or password',
      evidence: 'the URL has user:password@ before the host',
    };
  }
  if (local) return null;
  if (host.endsWith('.')) {
    return {
      code: 'trailing-dot',
      title: 'host must not end with a dot',
      evidence: `host is ${quote(host)}`,
    };
  }
  if (url.port !== '') {
    return {
      code: 'port',
      title: 'must use the standard https port 443',
      evidence: `port ${url.port}`,
    };
  }
  if (isIpLiteral(host) || host === 'localhost') {
    return {
      code: 'ip-literal',
      title: 'must name a public host, not an IP address or localhost',
      evidence: `host is ${host}`,
    };
  }
  const suffixes = HOST_SUFFIXES[system];
  if (suffixes !== null && !hostMatchesSuffix(host, suffixes)) {
    return {
      code: 'host-not-allowed',
      title: `host is not a ${system === 'workday' ? 'Workday' : 'NetSuite'} host`,
      evidence: `${host} is not under ${suffixes.join(', ')}`,
    };
  }
  return null;
}

function block(
  field: FindingField,
  code: string,
  title: string,
  evidence: string,
  id: string | null = null,
): Finding {
  return makeFinding('preflight', {
    id,
    code: `preflight.url.${code}`,
    title: `The ${fieldLabel(field)} ${title}`,
    evidence,
    fields: [field],
    blocking: true,
    score: 100,
  });
}
