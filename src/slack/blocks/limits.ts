import type { types } from '@slack/bolt';

/** Slack's Block Kit limits (docs.slack.dev/reference/block-kit); rendering never exceeds them. */
export const LIMITS = {
  sectionText: 3000,
  headerText: 150,
  contextText: 3000,
  blocksPerMessage: 50,
  blocksPerView: 100,
  viewTitle: 24,
  inputLabel: 2000,
  placeholder: 150,
  optionText: 75,
  privateMetadata: 3000,
  buttonText: 75,
  buttonValue: 2000,
  /** Notification/fallback `text`; Slack truncates far later, but short is kinder. */
  fallbackText: 3000,
  /** Slack rejects messages with `msg_blocks_too_long` well below 50 full sections (~13k seen). */
  messageChars: 12_000,
  /** Views are limited to 250 KB of JSON. */
  viewChars: 200_000,
} as const;

export type Block = types.KnownBlock;

/**
 * Cuts text to `max` UTF-16 units (the stricter way to count), never splitting a surrogate pair or
 * an `&amp;`/`&lt;`/`&gt;` entity, marking the cut with an ellipsis.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // Never leave half an entity (`&am`) of escaped mrkdwn behind.
  cut = cut.replace(/&[a-z]{0,3}$/, '');
  return `${cut}…`;
}

/**
 * Keeps blocks from the start while they fit `maxBlocks` and `maxChars` (JSON size); when some are
 * dropped, a last context block says so.
 */
export function fitBlocks(
  blocks: readonly Block[],
  maxBlocks: number,
  maxChars: number,
  note: string,
): Block[] {
  const kept: Block[] = [];
  let chars = 0;
  for (const block of blocks) {
    const size = JSON.stringify(block).length;
    if (kept.length >= maxBlocks - 1 || chars + size > maxChars - 200) break;
    kept.push(block);
    chars += size;
  }
  const dropped = blocks.length - kept.length;
  if (dropped === 0) return kept;
  if (dropped === 1 && kept.length === maxBlocks - 1) {
    const last = blocks.at(-1);
    if (last !== undefined && chars + JSON.stringify(last).length <= maxChars) return [...blocks];
  }
  return [...kept, context(`${note} (${dropped} more block${dropped === 1 ? '' : 's'} not shown)`)];
}

/** Escapes the three characters mrkdwn treats as markup, so catalogue text like `<tenant>` shows as typed. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Text for inside a code span or ``` block: escaped, and each backtick shown as `ˋ` (U+02CB, which
 * looks like one), since mrkdwn has no escape for it and a ``` in a client ID would close the block.
 */
export function codeText(text: string): string {
  return escapeMrkdwn(text).replace(/`/g, '\u02CB');
}

/** What someone typed, quoted back inside backticks: cut short and escaped. */
export function quoted(text: string, max: number): string {
  return escapeMrkdwn(text.slice(0, max).replace(/`/g, "'"));
}

export function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) } };
}

export function header(text: string): Block {
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true },
  };
}

export function context(text: string): Block {
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: truncate(text, LIMITS.contextText) }],
  };
}

export function divider(): Block {
  return { type: 'divider' };
}

export interface ButtonSpec {
  readonly actionId: string;
  readonly text: string;
  readonly value?: string;
  readonly style?: 'primary' | 'danger';
}

export function button(spec: ButtonSpec): types.Button {
  return {
    type: 'button',
    action_id: spec.actionId,
    text: { type: 'plain_text', text: truncate(spec.text, LIMITS.buttonText), emoji: true },
    ...(spec.value === undefined ? {} : { value: truncate(spec.value, LIMITS.buttonValue) }),
    ...(spec.style === undefined ? {} : { style: spec.style }),
  };
}

/** Section texts cut into chunks of whole lines, each within the section limit. */
export function chunkLines(lines: readonly string[], max: number = LIMITS.sectionText): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current !== '' && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}
