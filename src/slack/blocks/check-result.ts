import type { Catalogue } from '../../core/catalogue/catalogue.js';
import type { CheckOutcome, MaskedRequest } from '../../core/check/types.js';
import type { Finding } from '../../core/finding.js';
import { CALLBACK } from '../ids.js';
import {
  codeText,
  context,
  divider,
  escapeMrkdwn as esc,
  section,
  truncate,
  type Block,
} from './limits.js';
import { modal, type ModalView } from './view.js';

const MARK = {
  passed: ':white_check_mark:',
  failed: ':x:',
  skipped: ':heavy_minus_sign:',
  warning: ':warning:',
} as const;
const MAX_FINDINGS = 5;
/** The masked request is shown as a code block, cut well before a section's limit. */
const MAX_REQUEST_CHARS = 2600;

/**
 * The check result in the modal: steps, findings with their catalogue answers and ids, the masked
 * request. Every text that came from the server, the form or the catalogue is escaped; text shown in
 * code (the request, which holds the client ID) has its backticks neutralised.
 */
export function checkResultView(o: CheckOutcome, catalogue: Catalogue): ModalView {
  const where =
    o.target === null
      ? ''
      : ` — ${esc([o.target.tenant ?? o.target.account, o.target.host].filter(Boolean).join(' on '))}`;
  const verdict = o.ok
    ? ':white_check_mark: *The credentials work*'
    : o.tokenIssued
      ? ':x: *The token was issued; the API refused it*'
      : ':x: *The credentials do not work*';
  const accepted =
    o.authMethod === undefined ? '' : `\naccepted with \`${codeText(o.authMethod)}\``;
  const blocks: Block[] = [
    section(`${verdict}${where}${accepted} (${String(o.durationMs)} ms)`),
    section(
      `*Steps*\n${o.steps.map((s) => `${MARK[s.status]} ${esc(s.name)}: ${esc(s.detail)}`).join('\n')}`,
    ),
  ];
  if (o.findings.length > 0) {
    blocks.push(divider(), section(o.ok ? '*Notes*' : '*Findings* (most likely first)'));
    o.findings
      .slice(0, MAX_FINDINGS)
      .forEach((f, i) => blocks.push(section(findingText(f, i + 1, catalogue))));
  }
  if (o.requests.length > 0) {
    // Every attempt (Basic, then post), so the masked request shows what was really tried.
    const sent = o.requests.map(requestText).join('\n\n');
    blocks.push(
      divider(),
      section(
        `*${o.requests.length > 1 ? 'Requests' : 'Request'} sent* (secrets masked)\n\`\`\`${codeText(truncate(sent, MAX_REQUEST_CHARS))}\`\`\``,
      ),
    );
  }
  blocks.push(context('Only you can see this result. Nothing you typed was stored or logged.'));
  return modal({
    callbackId: CALLBACK.checkResult,
    title: o.ok ? 'Connection works' : 'Connection failed',
    blocks,
  });
}

/** One finding, with the first steps of its catalogue entry when it names one. */
function findingText(f: Finding, n: number, catalogue: Catalogue): string {
  const lines = [`*${String(n)}. ${esc(f.title)}*`, `evidence: ${esc(f.evidence)}`];
  const entry = f.id === null ? undefined : catalogue.get(f.id);
  if (entry !== undefined) {
    lines.push(
      `_${esc(entry.title)}_ (\`${entry.id}\`)`,
      ...entry.steps.slice(0, 2).map((s) => `• ${esc(s)}`),
    );
  } else if (f.id !== null) {
    lines.push(`\`${codeText(f.id)}\``);
  }
  if (f.confirmAt !== undefined) lines.push(esc(f.confirmAt));
  return lines.join('\n');
}

function requestText(r: MaskedRequest): string {
  const lines = [
    `${r.method} ${r.url}`,
    ...Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`),
    '',
    Object.entries(r.form)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  ];
  if (r.assertion !== undefined)
    lines.push(
      '',
      `assertion header ${JSON.stringify(r.assertion.header)}`,
      `assertion claims ${JSON.stringify(r.assertion.claims)}`,
    );
  return lines.join('\n');
}
