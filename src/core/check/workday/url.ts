import { makeFinding, type Finding } from '../../finding.js';

/** What a Workday URL's path says about what was pasted. */
export interface WorkdayPath {
  readonly tenant: string | null;
  readonly findings: readonly Finding[];
}

const TOKEN_PATH = /^\/ccx\/oauth2\/([^/]+)\/token$/;

interface Mistake {
  readonly test: (path: string) => boolean;
  readonly code: string;
  readonly title: string;
}

/** Usual wrong pastes, most specific first. */
const MISTAKES: readonly Mistake[] = [
  {
    test: (p) => /\/authorize\/?$/.test(p),
    code: 'authorize-url',
    title: 'is the authorization endpoint, not the token endpoint',
  },
  {
    test: (p) => p.includes('/wday/authgwy/'),
    code: 'login-url',
    title: 'is the Workday sign-in page, not the token endpoint',
  },
  {
    test: (p) => p.startsWith('/ccx/api/'),
    code: 'rest-url',
    title: 'is a REST API URL, not the token endpoint',
  },
  {
    test: (p) => p.startsWith('/ccx/service/customreport2/'),
    code: 'raas-url',
    title: 'is a RaaS (custom report) URL, not the token endpoint',
  },
  {
    test: (p) => p.startsWith('/ccx/service/'),
    code: 'soap-url',
    title: 'is a SOAP web service URL, not the token endpoint',
  },
  {
    test: (p) => /^\/ccx\/oauth2\/[^/]+\/token\/+$/.test(p),
    code: 'trailing-slash',
    title: 'ends with a slash after /token',
  },
  {
    test: (p) => /^\/ccx\/oauth2\/token\/?$/.test(p),
    code: 'no-tenant',
    title: 'has no tenant segment (expected /ccx/oauth2/<tenant>/token)',
  },
  {
    test: (p) => p.startsWith('/oauth2/'),
    code: 'no-ccx',
    title: 'is missing /ccx (expected /ccx/oauth2/<tenant>/token)',
  },
];

function tenantFromTokenPath(path: string): string | null {
  const m = TOKEN_PATH.exec(path.replace(/\/+$/, ''));
  return m?.[1] === undefined ? null : decodeURIComponent(m[1]);
}

/** Names the usual mistakes in a pasted Workday token URL; each is a `workday/invalid-token-url` finding. */
export function checkWorkdayTokenPath(url: URL): WorkdayPath {
  const path = url.pathname;
  const findings: Finding[] = [];
  if (!TOKEN_PATH.test(path)) {
    const mistake = MISTAKES.find((m) => m.test(path));
    findings.push(
      makeFinding('preflight', {
        id: 'workday/invalid-token-url',
        code: `preflight.token-url.${mistake?.code ?? 'shape'}`,
        title: `The token URL ${mistake?.title ?? 'does not look like https://<host>/ccx/oauth2/<tenant>/token'}`,
        evidence: `path is ${path}`,
        fields: ['tokenUrl'],
        score: 85,
      }),
    );
  }
  if (url.search !== '' || url.hash !== '') {
    findings.push(
      makeFinding('preflight', {
        code: 'preflight.token-url.query',
        severity: 'warning',
        title: 'The token URL has a query string or fragment; a token endpoint URL has neither',
        evidence: 'characters after ? or # in the token URL',
        fields: ['tokenUrl'],
      }),
    );
  }
  return { tenant: tenantFromTokenPath(path), findings };
}

/** Tenant named in a REST, RaaS or SOAP URL, if any. */
export function tenantFromApiPath(path: string): string | null {
  const seg = path.split('/').filter((s) => s !== '');
  if (seg[0] !== 'ccx') return null;
  if (seg[1] === 'api') {
    const versioned = /^v\d+/.test(seg[2] ?? '');
    return (versioned ? seg[3] : seg[4]) ?? null;
  }
  if (seg[1] === 'service') return (seg[2] === 'customreport2' ? seg[3] : seg[2]) ?? null;
  return null;
}
