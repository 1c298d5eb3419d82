import type { Catalogue } from '../../core/catalogue/catalogue.js';
import type { Match } from '../../core/matching/types.js';
import { COMMAND } from '../ids.js';
import { askBlock, type AskShown } from './ask.js';
import { percent, versionText } from './entry.js';
import type { Block } from './limits.js';
import { context, escapeMrkdwn, section, truncate } from './limits.js';
import { message, type SlackMessage } from './message.js';
import { describeCut, type PasteCut } from '../paste-cut.js';

/**
 * Never an empty reply: the closest ids, what would decide between them, what to paste instead, and
 * where to get help; for a paste too long to read whole, which part was read.
 */
export function noMatchMessage(
  catalogue: Catalogue,
  closest: readonly Match[],
  cut?: PasteCut,
  version?: string,
  ask?: AskShown,
): SlackMessage {
  const blocks: Block[] = [
    section(':thinking_face: I could not match this to a documented error.'),
  ];
  if (cut !== undefined)
    blocks.push(
      section(
        `Your paste was cut: I read only ${describeCut(cut)}. If the error is in the middle, paste just the error line or the response body.`,
      ),
    );
  if (closest.length > 0) {
    const lines = closest
      .slice(0, 3)
      .map(
        (m) =>
          `• \`${m.id}\` — ${escapeMrkdwn(truncate(m.entry.title, 120))} (${percent(m.confidence)})`,
      );
    blocks.push(section(`*Closest entries*\n${lines.join('\n')}`));
  }
  if (ask !== undefined) blocks.push(askBlock(ask));
  blocks.push(
    section(
      [
        '*What to try*',
        '• Paste the whole response body, e.g. `{"error":"invalid_client","error_description":"…"}`, with the HTTP status.',
        '• For NetSuite, paste the *Detail* column of the Login Audit Trail (e.g. `TokenRejected`).',
        '• Include the token URL host (e.g. `wd5-impl-services1.workday.com`) so I know the system.',
        `• Browse the catalogue: \`${listCommand(catalogue)}\`.`,
      ].join('\n'),
    ),
    context(
      `Still stuck? Ask in your support channel, and \`${COMMAND} show &lt;id&gt;\` any entry that looks close.${version === undefined ? '' : ` · ${versionText(version)}`}`,
    ),
  );
  return message('No documented error matched', blocks);
}

function listCommand(catalogue: Catalogue): string {
  const first = catalogue.systemNames()[0];
  return first === undefined ? `${COMMAND} list` : `${COMMAND} list ${first}`;
}
