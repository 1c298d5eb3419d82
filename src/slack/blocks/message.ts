import type { Block } from './limits.js';
import { LIMITS, fitBlocks, truncate } from './limits.js';

/** A message as Slack takes it: notification text plus blocks, both within limits. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: Block[];
}

/**
 * Builds a message whose `body` is cut to fit; `tail` (buttons) is always kept, so an answer never
 * loses its actions to a long catalogue entry.
 */
export function message(
  text: string,
  body: readonly Block[],
  tail: readonly Block[] = [],
): SlackMessage {
  const tailChars = JSON.stringify(tail).length;
  return {
    text: truncate(text, LIMITS.fallbackText),
    blocks: [
      ...fitBlocks(
        body,
        LIMITS.blocksPerMessage - tail.length,
        LIMITS.messageChars - tailChars,
        'Shortened to fit Slack',
      ),
      ...tail,
    ],
  };
}
