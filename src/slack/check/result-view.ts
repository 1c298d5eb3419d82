import type { Catalogue } from '../../core/catalogue/catalogue.js';
import type { CheckOutcome, MaskedRequest } from '../../core/check/types.js';
import type { Finding } from '../../core/finding.js';
import { CHECK_RESULT_CALLBACK } from './ids.js';

const MARK = {
  passed: ':white_check_mark:',
  failed: ':x:',
  skipped: ':heavy_minus_sign:',
  warning: ':warning:',
} as const;
const MAX_FINDINGS = 5;
const TEXT_LIMIT = 2900;

/** The check result in the modal: steps, findings with their catalogue answers and ids, the masked request. */
export function checkResultView(o: CheckOutcome, catalogue: Catalogue): object {
  const where =
    o.target === null
      ? ''
      : ` — ${[o.target.tenant ?? o.target.account, o.target.host].filter(Boolean).join(' on ')}`;
  const verdict = o.ok
    ? ':white_check_mark: *The credentials work*'
    : ':x: *The credentials do not work*';
  const blocks: object[] = [
    section(
      `${verdict}${where}${o.authMethod === undefined ? '' : `\naccepted with \`${o.authMethod}\``} (${String(o.durationMs)} ms)`,
    ),
    section(
      `*Steps*\n${o.steps.map((s) => `${MARK[s.status]} ${s.name}: ${s.detail}`).join('\n')}`,
    ),
  ];
  if (o.findings.length > 0) {
    blocks.push({ type: 'divider' }, section(o.ok ? '*Notes*' : '*Findings* (most likely first)'));
    o.findings
      .slice(0, MAX_FINDINGS)
      .forEach((f, i) => blocks.push(section(findingText(f, i + 1, catalogue))));
  }
  if (o.request !== null)
    blocks.push(
      { type: 'divider' },
      section(`*Request sent* (secrets masked)\n\`\`\`${requestText(o.request)}\`\`\``),
    );
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: 'Only you can see this result. Nothing you typed was stored or logged.',
      },
    ],
  });
  return {
    type: 'modal',
    callback_id: CHECK_RESULT_CALLBACK,
    title: { type: 'plain_text', text: o.ok ? 'Connection works' : 'Connection failed' },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  };
}

function findingText(f: Finding, n: number, catalogue: Catalogue): string {
  const lines = [`*${String(n)}. ${f.title}*`, `evidence: ${f.evidence}`];
  const entry = f.id === null ? undefined : catalogue.get(f.id);
  if (entry !== undefined) {
    lines.push(
      `_${entry.title}_ (\`${entry.id}\`)`,
      ...entry.steps.slice(0, 2).map((s) => `• ${s}`),
    );
  } else if (f.id !== null) {
    lines.push(`\`${f.id}\``);
  }
  if (f.confirmAt !== undefined) lines.push(f.confirmAt);
  return lines.join('\n');
}

function requestText(r: MaskedRequest): string {
  const lines = [
    `${r.method} ${r.url}`,
    ...Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`),
    '',
  ];
  lines.push(
    Object.entries(r.form)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  if (r.assertion !== undefined)
    lines.push(
      '',
      `assertion header ${JSON.stringify(r.assertion.header)}`,
      `assertion claims ${JSON.stringify(r.assertion.claims)}`,
    );
  return lines.join('\n');
}

function section(text: string): object {
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT - 1)}…` : text,
    },
  };
}

/** Our own fault (a bug, Slack unreachable): say so plainly; nothing the user typed is kept. */
export function checkFailedView(): object {
  return {
    type: 'modal',
    callback_id: CHECK_RESULT_CALLBACK,
    title: { type: 'plain_text', text: 'Connection test' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [
      section(
        ':warning: The test could not finish because of a problem on our side. Please try again, or run `authhelp check` on the command line.',
      ),
    ],
  };
}
