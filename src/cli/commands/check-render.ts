import type { Catalogue } from '../../core/catalogue/catalogue.js';
import type { CheckOutcome } from '../../core/check/types.js';
import type { Finding } from '../../core/finding.js';
import { wrap } from '../render/entry.js';

const MARK = { passed: '✓', failed: '✗', skipped: '-', warning: '!' } as const;

/** The outcome as JSON: most likely finding first, no internal scores. */
export function checkJson(o: CheckOutcome): object {
  return {
    ok: o.ok,
    system: o.system,
    findings: o.findings.map(({ score: _score, source: _source, ...f }) => f),
    steps: o.steps,
    request: o.request,
    durationMs: o.durationMs,
    target: o.target,
    ...(o.authMethod === undefined ? {} : { authMethod: o.authMethod }),
  };
}

/** The outcome as a person reads it: verdict, steps, findings with catalogue answers, the masked request. */
export function renderCheck(o: CheckOutcome, catalogue: Catalogue | null): string[] {
  const where =
    o.target === null
      ? ''
      : ` — ${[o.target.tenant ?? o.target.account, o.target.host].filter(Boolean).join(' on ')}`;
  const lines = [
    `${o.ok ? '✓ credentials work' : '✗ credentials do not work'} (${o.system}, ${o.durationMs} ms)${where}`,
    ...(o.authMethod === undefined ? [] : [`  accepted with ${o.authMethod}`]),
    '',
    'Steps:',
    ...o.steps.map((s) => `  ${MARK[s.status]} ${s.name}: ${s.detail}`),
  ];
  if (o.findings.length > 0) {
    lines.push('', o.ok ? 'Notes:' : 'Findings (most likely first):');
    o.findings.forEach((f, i) => lines.push(...renderFinding(f, i + 1, catalogue)));
  }
  if (o.request !== null)
    lines.push('', 'Request sent (secrets masked):', ...renderRequest(o.request));
  return lines;
}

function renderFinding(f: Finding, n: number, catalogue: Catalogue | null): string[] {
  const tag = f.id === null ? '' : ` [${f.id}]`;
  const lines = [
    wrap(`${f.title}${tag}`, '     ', `  ${String(n)}. `),
    wrap(`evidence: ${f.evidence}`, '       ', '     '),
  ];
  if (f.confirmAt !== undefined) lines.push(wrap(f.confirmAt, '       ', '     '));
  const entry = f.id === null ? undefined : catalogue?.get(f.id);
  if (entry !== undefined && n <= 3) {
    lines.push(wrap(`catalogue: ${entry.title}`, '       ', '     '));
    entry.steps.slice(0, 3).forEach((s) => lines.push(wrap(s, '         ', '       - ')));
  }
  return lines;
}

function renderRequest(r: NonNullable<CheckOutcome['request']>): string[] {
  const lines = [`  ${r.method} ${r.url}`];
  for (const [k, v] of Object.entries(r.headers)) lines.push(`  ${k}: ${v}`);
  for (const [k, v] of Object.entries(r.form)) lines.push(`    ${k}=${v}`);
  if (r.assertion !== undefined) {
    lines.push(
      `  assertion header ${JSON.stringify(r.assertion.header)}`,
      `  assertion claims ${JSON.stringify(r.assertion.claims)}`,
    );
  }
  return lines;
}
