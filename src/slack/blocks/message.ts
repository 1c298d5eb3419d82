import type { Block } from './limits.js';
import { LIMITS, capBlocks, truncate } from './limits.js';

/** A message as Slack takes it: notification text plus blocks, both within limits. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: Block[];
}

export function message(text: string, blocks: readonly Block[]): SlackMessage {
  return {
    text: truncate(text, LIMITS.fallbackText),
    blocks: capBlocks(blocks, LIMITS.blocksPerMessage, 'Message shortened to fit Slack'),
  };
}
