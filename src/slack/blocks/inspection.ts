import type { Finding } from '../../core/finding.js';
import type { Inspection } from '../../core/jwt/types.js';
import { maskSecrets } from '../../core/secrets/detect.js';
import { BLOCK, CALLBACK, COMMAND, INSPECT_VALUE } from '../ids.js';
import {
  chunkLines,
  codeText,
  context,
  escapeMrkdwn,
  section,
  truncate,
  type Block,
} from './limits.js';
import { message, type SlackMessage } from './message.js';
import { modal, textInput, type ModalView } from './view.js';

const MARK: Readonly<Record<Finding['severity'], string>> = {
  error: ':x:',
  warning: ':warning:',
  info: ':information_source:',
};
/** Claims are shown as a code block, cut well before a section's limit. */
const MAX_CLAIMS_CHARS = 2400;

/** Text for Slack: credentials inside claims masked, mrkdwn markup escaped. */
function safe(text: string): string {
  return escapeMrkdwn(maskSecrets(text));
}

/** The inspection as blocks: what it is, findings, times, header and claims; never the token. */
function inspectionBlocks(inspection: Inspection): Block[] {
  const blocks: Block[] = [
    section(`*Token* \`${inspection.fingerprint}\`: ${safe(inspection.kindLabel)}`),
    context(verificationNote(inspection)),
    ...chunkLines(findingLines(inspection.findings)).map(section),
  ];
  if (inspection.times.length > 0) {
    const lines = inspection.times.map((t) => `\`${t.claim}\` ${t.utc} · ${safe(t.relative)}`);
    blocks.push(section(lines.join('\n')));
  }
  if (inspection.header !== null) blocks.push(section(`*Header*\n${codeBlock(inspection.header)}`));
  if (inspection.claims !== null) blocks.push(section(`*Claims*\n${codeBlock(inspection.claims)}`));
  return blocks;
}

function verificationNote(inspection: Inspection): string {
  if (!inspection.decoded) return 'Could not be decoded.';
  return 'Decoded *without verifying the signature*. The token is not stored; only its fingerprint is shown.';
}

function findingLines(findings: readonly Finding[]): string[] {
  const shown = findings.filter((f) => f.code !== 'token.unverified');
  if (shown.length === 0) return [':white_check_mark: No problems found in the header and claims.'];
  return shown.map((f) => {
    const id = f.id === null ? '' : ` \`${f.id}\``;
    const more = f.id === null || f.severity === 'info' ? '' : ` · \`${COMMAND} show ${f.id}\``;
    return `${MARK[f.severity]}${id} ${safe(f.title)}\n      _${safe(f.evidence)}_${more}`;
  });
}

/** Claims come from whoever issued the token: a ``` inside them must not close the block early. */
function codeBlock(value: object): string {
  return `\`\`\`${truncate(codeText(maskSecrets(JSON.stringify(value, null, 2))), MAX_CLAIMS_CHARS)}\`\`\``;
}

/** The private reply to `/authhelp <token>`. */
export function inspectionMessage(inspection: Inspection): SlackMessage {
  const top = inspection.findings.find((f) => f.code !== 'token.unverified');
  const summary = top === undefined ? 'no problems found' : maskSecrets(top.title);
  return message(`Token ${inspection.fingerprint}: ${summary}`, inspectionBlocks(inspection));
}

/** The "Inspect a token" modal: one multi-line input. */
export function inspectModalView(): ModalView {
  return modal({
    callbackId: CALLBACK.inspectForm,
    title: 'Inspect a token',
    submit: 'Inspect',
    close: 'Cancel',
    blocks: [
      section(
        'Paste a JWT (access token, refresh token or client assertion). I decode it *without verifying it*, say what it is and what NetSuite or Workday would object to.',
      ),
      textInput({
        blockId: BLOCK.inspectInput,
        actionId: INSPECT_VALUE,
        label: 'Token',
        multiline: true,
        placeholder: 'eyJ…',
      }),
      context('Only you see the result. The token is not stored, logged or posted anywhere.'),
    ],
  });
}

/** The modal after submit: the inspection in place of the input. */
export function inspectionResultView(inspection: Inspection): ModalView {
  return modal({
    callbackId: CALLBACK.inspectResult,
    title: 'Token inspection',
    close: 'Done',
    blocks: inspectionBlocks(inspection),
  });
}
