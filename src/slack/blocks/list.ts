import type { Catalogue, Entry } from '../../core/catalogue/catalogue.js';
import { COMMAND } from '../ids.js';
import type { Block } from './limits.js';
import { chunkLines, context, escapeMrkdwn, header, truncate } from './limits.js';
import { message, type SlackMessage } from './message.js';

/** Section blocks listing entries as "`id` — title", one line each. */
function entryListBlocks(entries: readonly Entry[]): Block[] {
  const lines = entries.map((e) => `\`${e.id}\` — ${escapeMrkdwn(truncate(e.title, 150))}`);
  return chunkLines(lines).map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text },
  }));
}

/** The catalogue (or one system of it), grouped by system. */
export function catalogueBlocks(catalogue: Catalogue, system?: string): Block[] {
  const systems = catalogue.systems.filter((s) => system === undefined || s.system === system);
  return systems.flatMap((s) => [
    header(`${s.title} (${s.entryIds.length})`),
    ...entryListBlocks(catalogue.bySystem(s.system)),
  ]);
}

export function listMessage(catalogue: Catalogue, system?: string): SlackMessage {
  return message(`${catalogue.size} documented errors`, [
    ...catalogueBlocks(catalogue, system),
    context(`Show one with \`${COMMAND} show &lt;id&gt;\`.`),
  ]);
}
