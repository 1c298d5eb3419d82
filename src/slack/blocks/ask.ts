import type { Block } from './limits.js';
import { escapeMrkdwn, section, truncate } from './limits.js';

/** What would decide between close readings, with the readings' titles where they are known. */
export interface AskShown {
  readonly question: string;
  readonly readings: readonly { readonly id: string; readonly title?: string }[];
}

const MAX_TITLE = 90;

/**
 * The matcher's question when two readings are close or the text names no system: the asker sees
 * which piece of information would decide and the readings it decides between. Catalogue titles
 * and questions can hold `<tenant>` or `&`: escaped so they show as typed.
 */
export function askBlock(ask: AskShown): Block {
  const readings = ask.readings.map((r) =>
    r.title === undefined
      ? `• \`${r.id}\``
      : `• \`${r.id}\` — ${escapeMrkdwn(truncate(r.title, MAX_TITLE))}`,
  );
  return section(
    [`:grey_question: *To decide:* ${escapeMrkdwn(ask.question)}`, ...readings].join('\n'),
  );
}
