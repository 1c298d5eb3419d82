import type { Catalogue } from '../../core/catalogue/catalogue.js';
import type { CheckOutcome, MaskedRequest } from '../../core/check/types.js';
import type { Finding, FindingField } from '../../core/finding.js';
import { wrap } from '../render/entry.js';
import { printable, quoted } from '../render/terminal.js';

const MARK = { passed: '✓', failed: '✗', skipped: '-', warning: '!' } as const;

/** Where each input comes from on the command line, so a finding names what to change. */
const FIELD_FLAGS: Readonly<Record<FindingField, string>> = {
  tokenUrl: '--token-url',
  tenant: '--tenant',
  accountId: '--account-id',
  clientId: '--client-id',
  clientSecret: 'AUTHHELP_CLIENT_SECRET (or client_secret= on stdin)',
  refreshToken: 'AUTHHELP_REFRESH_TOKEN (or refresh_token= on stdin)',
  certificateId: '--certificate-id',
  privateKey: '--private-key',
  algorithm: '--alg',
  scope: '--scope',
  apiUrl: '--api-url',
  auth: '--auth',
  jwksUrl: '--jwks-url',
  issuer: '--issuer',
};

function flagsOf(f: Finding): string[] {
  return [...new Set(f.fields.map((field) => FIELD_FLAGS[field]))];
}

/** The outcome as JSON: most likely finding first, the flags each finding is about, no scores. */
export function checkJson(o: CheckOutcome): object {
  return {
    ok: o.ok,
    system: o.system,
    tokenIssued: o.tokenIssued,
    findings: o.findings.map(({ score: _score, source: _source, ...f }) => ({
      ...f,
      flags: flagsOf({ ...f, score: 0, source: 'token' }),
    })),
    steps: o.steps,
    // `request` is the last attempt, kept for scripts written before `requests` listed them all.
    request: o.requests.at(-1) ?? null,
    requests: o.requests,
    durationMs: o.durationMs,
    target: o.target,
    ...(o.authMethod === undefined ? {} : { authMethod: o.authMethod }),
  };
}

function headline(o: CheckOutcome): string {
  if (o.ok) return '✓ credentials work';
  return o.tokenIssued ? '✗ the token was issued; the API refused it' : '✗ credentials do not work';
}

/** The outcome as a person reads it: verdict, steps, findings with catalogue answers, every request. */
export function renderCheck(o: CheckOutcome, catalogue: Catalogue | null): string[] {
  const where =
    o.target === null
      ? ''
      : ` — ${[o.target.tenant ?? o.target.account, o.target.host]
          .filter((s): s is string => s !== undefined && s !== '')
          .map(printable)
          .join(' on ')}`;
  const lines = [
    `${headline(o)} (${o.system}, ${o.durationMs} ms)${where}`,
    ...(o.authMethod === undefined ? [] : [`  accepted with ${o.authMethod}`]),
    '',
    'Steps:',
    ...o.steps.map((s) => `  ${MARK[s.status]} ${printable(s.name)}: ${printable(s.detail)}`),
  ];
  if (o.findings.length > 0) {
    lines.push('', o.ok ? 'Notes:' : 'Findings (most likely first):');
    o.findings.forEach((f, i) => lines.push(...renderFinding(f, i + 1, catalogue)));
  }
  o.requests.forEach((r, i) => {
    const label = o.requests.length > 1 ? ` (attempt ${i + 1} of ${o.requests.length})` : '';
    lines.push('', `Request sent${label} (secrets masked):`, ...renderRequest(r));
  });
  return lines;
}

function renderFinding(f: Finding, n: number, catalogue: Catalogue | null): string[] {
  const tag = f.id === null ? '' : ` [${printable(f.id)}]`;
  const lines = [
    wrap(`${printable(f.title)}${tag}`, '     ', `  ${String(n)}. `),
    wrap(`evidence: ${printable(f.evidence)}`, '       ', '     '),
  ];
  const flags = flagsOf(f);
  if (f.severity !== 'info' && flags.length > 0)
    lines.push(wrap(`about: ${flags.join(', ')}`, '       ', '     '));
  if (f.confirmAt !== undefined) lines.push(wrap(printable(f.confirmAt), '       ', '     '));
  const entry = f.id === null ? undefined : catalogue?.get(f.id);
  if (entry !== undefined && n <= 3) {
    lines.push(wrap(`catalogue: ${printable(entry.title)}`, '       ', '     '));
    entry.steps
      .slice(0, 3)
      .forEach((s) => lines.push(wrap(printable(s), '         ', '       - ')));
  }
  return lines;
}

function renderRequest(r: MaskedRequest): string[] {
  const lines = [`  ${r.method} ${quoted(r.url)}`];
  for (const [k, v] of Object.entries(r.headers)) lines.push(`  ${printable(k)}: ${printable(v)}`);
  for (const [k, v] of Object.entries(r.form)) lines.push(`    ${printable(k)}=${quoted(v)}`);
  if (r.assertion !== undefined) {
    lines.push(
      `  assertion header ${printable(JSON.stringify(r.assertion.header))}`,
      `  assertion claims ${printable(JSON.stringify(r.assertion.claims))}`,
    );
  }
  return lines;
}
